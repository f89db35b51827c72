package org.attentionexplorer.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/** A channel that takes {@code capacity} bytes and then fails as a full disk does, part-way through a write. */
public final class FullDisk implements WritableByteChannel {
    public static final String MESSAGE = "No space left on device";

    private final WritableByteChannel delegate;
    private long remaining;

    public FullDisk(WritableByteChannel delegate, long capacity) {
        this.delegate = delegate;
        this.remaining = capacity;
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        if (remaining == 0) {
            throw new IOException(MESSAGE);
        }
        ByteBuffer part = source.slice();
        part.limit((int) Math.min(part.remaining(), remaining));
        int written = delegate.write(part);
        source.position(source.position() + written);
        remaining -= written;
        return written;
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
