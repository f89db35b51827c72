package org.attentionexplorer.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private static AtomicFiles.Content text(String text) {
        return channel -> {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        };
    }

    private List<String> filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void createsAFileThenReplacesIt() throws IOException {
        Path file = dir.resolve("notes.txt");
        AtomicFiles.write(file, text("first"));
        assertThat(file).hasContent("first");
        AtomicFiles.write(file, text("second, longer"));
        assertThat(file).hasContent("second, longer");
        assertThat(filesInDir()).containsExactly("notes.txt");
    }

    /** Not owner-only, as a file from Files.createTempFile would be: the same as any new file in the folder. */
    @Test
    void theFileGetsTheFoldersUsualPermissions() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path file = dir.resolve("atomic.txt");
        AtomicFiles.write(file, text("content"));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void aDiskThatFillsUpMidWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("notes.txt");
        AtomicFiles.write(file, text("the old notes"));
        assertThatThrownBy(() -> AtomicFiles.write(file, text("x".repeat(1000)), channel -> new FullDisk(channel, 100)))
                .isInstanceOf(IOException.class).hasMessage(FullDisk.MESSAGE);
        assertThat(file).hasContent("the old notes");
        assertThat(filesInDir()).containsExactly("notes.txt");
    }

    @Test
    void aWriterThatFailsLeavesTheOldFileAndItsExceptionPassesThrough() throws IOException {
        Path file = dir.resolve("notes.txt");
        AtomicFiles.write(file, text("the old notes"));
        AtomicFiles.Content failing = channel -> {
            channel.write(ByteBuffer.wrap("half of the new".getBytes(StandardCharsets.UTF_8)));
            throw new IllegalStateException("the writer crashed");
        };
        assertThatThrownBy(() -> AtomicFiles.write(file, failing)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the writer crashed");
        assertThat(file).hasContent("the old notes");
        assertThat(filesInDir()).containsExactly("notes.txt");
    }

    @Test
    void aFailedFirstWriteLeavesNothing() {
        Path file = dir.resolve("new.txt");
        assertThatThrownBy(() -> AtomicFiles.write(file, text("x".repeat(50)), channel -> new FullDisk(channel, 10)))
                .isInstanceOf(IOException.class);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aTargetThatCannotBeReplacedLeavesNoTemporaryFile() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("taken"));
        Files.writeString(folder.resolve("inside.txt"), "keep me");
        assertThatThrownBy(() -> AtomicFiles.write(folder, text("not a folder"))).isInstanceOf(IOException.class);
        assertThat(filesInDir()).containsExactly("taken");
        assertThat(folder.resolve("inside.txt")).hasContent("keep me");
    }
}
