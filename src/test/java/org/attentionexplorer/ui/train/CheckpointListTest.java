package org.attentionexplorer.ui.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.attentionexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointListTest {
    @TempDir
    Path root;

    @Test
    void listsEachRunsCheckpointAndLooseFilesNewestFirst() throws IOException {
        Path older = write(root.resolve("copy-20250101-100000/checkpoint.safetensors"), 1_000);
        Path newer = write(root.resolve("story-20250102-100000/checkpoint.safetensors"), 3_000);
        Path loose = write(root.resolve("mine.safetensors"), 2_000);
        write(root.resolve("story-20250102-100000/history.csv"), 4_000);
        write(root.resolve("notes.txt"), 5_000);
        Files.createDirectories(root.resolve("empty-run"));

        assertThat(CheckpointList.scan(root)).extracting(CheckpointList.Entry::path).containsExactly(newer, loose, older);
        assertThat(CheckpointList.scan(root)).extracting(CheckpointList.Entry::run)
                .containsExactly("story-20250102-100000", "mine.safetensors", "copy-20250101-100000");
        assertThat(CheckpointList.scan(root).get(0).bytes()).isEqualTo(4);
    }

    @Test
    void eachCheckpointShowsTheStepItHoldsAndAFileThatIsNotOneShowsNone() throws IOException {
        Files.createDirectories(root.resolve("copy-20250101-100000"));
        TinyCheckpoints.write(root.resolve("copy-20250101-100000/checkpoint.safetensors"), "abc", 250);
        write(root.resolve("broken.safetensors"), 2_000);

        assertThat(CheckpointList.scan(root)).extracting(CheckpointList.Entry::run, CheckpointList.Entry::step)
                .containsExactlyInAnyOrder(tuple("copy-20250101-100000", 250L), tuple("broken.safetensors", -1L));
    }

    @Test
    void aFolderThatDoesNotExistHasNone() throws IOException {
        assertThat(CheckpointList.scan(root.resolve("not-yet"))).isEmpty();
    }

    private static Path write(Path file, long epochSecond) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "data");
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(epochSecond)));
        return file;
    }
}
