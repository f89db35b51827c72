package org.attentionexplorer.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a file so that it holds either its old content or the complete new one, never a mix: the content
 * goes to a temporary file in the same folder, is forced to the disk, and then replaces the file in one
 * rename. If anything fails before the rename (a full disk, a crash of the writer, an exception of the
 * caller), the old file is untouched and the temporary file is deleted.
 */
public final class AtomicFiles {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Writes the content of a file to a channel. */
    @FunctionalInterface
    public interface Content {
        void writeTo(WritableByteChannel channel) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Replaces (or creates) {@code target} with {@code text} in UTF-8, atomically. */
    public static void writeString(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        write(target, channel -> {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    /** Replaces (or creates) {@code target} with {@code content}, atomically. */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, UnaryOperator.identity());
    }

    /**
     * As {@link #write(Path, Content)}, with the temporary file's channel passed through {@code disk} first:
     * tests wrap it in a channel that fails part-way, as a full disk does.
     */
    public static void write(Path target, Content content, UnaryOperator<WritableByteChannel> disk) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = directory.resolve(target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
        // CREATE_NEW rather than Files.createTempFile, so the file gets the folder's usual permissions, not
        // owner-only ones; it fails, before there is anything to clean up, if the name is somehow taken
        FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            try (channel) {
                content.writeTo(disk.apply(channel));
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                LOG.debug("{}: atomic rename not supported here, replacing the file instead", target);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
            throw failure;
        }
        forceDirectory(directory);
    }

    /**
     * Forces the folder's entry for the renamed file to the disk, so the rename survives a power cut. Best
     * effort: some systems (Windows) cannot open a folder as a channel, and the file's content is safe either way.
     */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("{}: the folder cannot be forced to the disk ({})", directory, e.toString());
        }
    }
}
