package org.attentionexplorer.data;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A read-only file memory-mapped in regions, so that any byte range of a file of any size can be read without
 * reading the file: one {@link MappedByteBuffer} covers at most 2 GB, so the file is mapped as consecutive
 * regions of {@code regionBytes} each (the last one shorter) and a read that crosses a region boundary is
 * copied piece by piece. The operating system pages in only what is read.
 *
 * <p>The mapping outlives the channel, which is closed once the regions are mapped.
 */
final class MappedFile {
    /** Region size for real files: 1 GiB, well inside one buffer's 2 GB limit. */
    static final long DEFAULT_REGION_BYTES = 1L << 30;

    private final MappedByteBuffer[] regions;
    private final long regionBytes;
    private final long size;

    private MappedFile(MappedByteBuffer[] regions, long regionBytes, long size) {
        this.regions = regions;
        this.regionBytes = regionBytes;
        this.size = size;
    }

    static MappedFile open(Path file, long regionBytes) throws IOException {
        if (regionBytes < 1 || regionBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a region must hold 1 to " + Integer.MAX_VALUE + " bytes, got " + regionBytes);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int count = (int) ((size + regionBytes - 1) / regionBytes);
            MappedByteBuffer[] regions = new MappedByteBuffer[count];
            for (int r = 0; r < count; r++) {
                long start = r * regionBytes;
                regions[r] = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(regionBytes, size - start));
            }
            return new MappedFile(regions, regionBytes, size);
        }
    }

    /** Bytes in the file. */
    long size() {
        return size;
    }

    /** The bytes {@code [position, position + length)}, which must lie inside the file. */
    byte[] read(long position, int length) {
        if (position < 0 || length < 0 || position + length > size) {
            throw new IndexOutOfBoundsException("bytes " + position + " to " + (position + length) + " of a file of " + size);
        }
        byte[] out = new byte[length];
        int done = 0;
        while (done < length) {
            long at = position + done;
            MappedByteBuffer region = regions[(int) (at / regionBytes)];
            int offset = (int) (at % regionBytes);
            int piece = Math.min(length - done, region.capacity() - offset);
            region.get(offset, out, done, piece);
            done += piece;
        }
        return out;
    }
}
