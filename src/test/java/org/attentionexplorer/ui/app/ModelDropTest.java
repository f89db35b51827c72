package org.attentionexplorer.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a drop on the window opens: one checkpoint, GPT-2 folder or config.json; nothing else. */
class ModelDropTest {
    @TempDir
    Path dir;

    @Test
    void aCheckpointAFolderOrAConfigJsonIsOpened() throws IOException {
        Path checkpoint = Files.write(dir.resolve("run.safetensors"), new byte[8]);
        Path folder = Files.createDirectories(dir.resolve("gpt2"));
        Path config = Files.writeString(folder.resolve("config.json"), "{}");
        assertThat(ModelDrop.modelIn(List.of(checkpoint.toFile()))).hasValue(checkpoint);
        assertThat(ModelDrop.modelIn(List.of(folder.toFile()))).hasValue(folder);
        assertThat(ModelDrop.modelIn(List.of(config.toFile()))).hasValue(config);
    }

    @Test
    void otherFilesSeveralFilesOrNoneAreRefused() throws IOException {
        Path text = Files.writeString(dir.resolve("story.txt"), "text");
        Path other = Files.write(dir.resolve("b.safetensors"), new byte[8]);
        assertThat(ModelDrop.modelIn(List.of(text.toFile()))).isEmpty();
        assertThat(ModelDrop.modelIn(List.of(text.toFile(), other.toFile()))).isEmpty();
        assertThat(ModelDrop.modelIn(List.<File>of())).isEmpty();
        assertThat(ModelDrop.modelIn(null)).isEmpty();
        assertThat(ModelDrop.modelIn(List.of(dir.resolve("missing.safetensors").toFile()))).isEmpty();
    }
}
