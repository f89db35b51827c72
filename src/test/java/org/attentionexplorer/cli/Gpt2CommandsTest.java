package org.attentionexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attentionexplorer.io.Checkpoint;
import org.attentionexplorer.io.Checkpoints;
import org.attentionexplorer.io.Gpt2Folder;
import org.attentionexplorer.io.LoadedModel;
import org.attentionexplorer.testing.Gpt2Fixtures;
import org.attentionexplorer.testing.Gpt2Fixtures.Spec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/** trace, generate, train --resume and export with GPT-2 folders (tiny, random, written by hand). */
class Gpt2CommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path gpt2;
    static Path text;

    private final CommandRunner cli = new CommandRunner();

    @BeforeAll
    static void writeAFolderAndAText() throws IOException {
        Spec spec = Spec.tiny("F16", true);
        gpt2 = Gpt2Fixtures.write(dir.resolve("gpt2-tiny"), spec, Gpt2Fixtures.weights(spec, 5));
        text = dir.resolve("story.txt");
        StringBuilder story = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            story.append("The keeper lit the lamp at ").append(i % 12 + 1).append(" and the ship saw it. ");
        }
        Files.writeString(text, story);
    }

    @Test
    void traceAcceptsAGpt2Folder() throws IOException {
        assertThat(cli.run("trace", "--model", gpt2.toString(), "--text", "Hello, I am", "--format", "json")).as(cli.err()).isZero();
        JsonNode trace = JSON.readTree(cli.out());
        assertThat(trace.get("tokens")).hasSize(4);
        assertThat(trace.get("layers")).hasSize(2);
        assertThat(trace.get("layers").get(1).get("heads")).hasSize(4);
    }

    @Test
    void generateAcceptsAGpt2FolderOrItsConfigJson() throws IOException {
        assertThat(cli.run("generate", "--model", gpt2.resolve("config.json").toString(), "--prompt", "Hello, I am", "--greedy",
                "--max-tokens", "3", "--no-stop", "--format", "json")).as(cli.err()).isZero();
        JsonNode generation = JSON.readTree(cli.out());
        assertThat(generation.get("promptIds")).hasSize(4);
        assertThat(generation.get("ids")).hasSize(3);
        assertThat(generation.get("ids").get(0).asInt()).isBetween(0, 50256);
    }

    @Test
    void trainResumeOfAGpt2FolderFineTunesItIntoOurCheckpoint() {
        Path run = dir.resolve("finetune");
        assertThat(cli.run("train", "--text", text.toString(), "--resume", gpt2.toString(), "--steps", "2", "--batch", "2", "--context", "8",
                "--eval-interval", "2", "--eval-batches", "1", "--checkpoint-dir", run.toString())).as(cli.err()).isZero();
        assertThat(cli.out()).contains("fine-tuning " + gpt2.toAbsolutePath());
        Checkpoint saved = Checkpoints.read(run.resolve("checkpoint.safetensors"));
        assertThat(saved.step()).isEqualTo(2);
        assertThat(saved.config().embDim()).isEqualTo(16);
        assertThat(saved.config().qkvBias()).isTrue();
        assertThat(saved.tokenizer().get("kind").asText()).isEqualTo("gpt2");
        assertThat(saved.training().get("init").asText()).isEqualTo("pretrained");
        assertThat(saved.training().get("window").asInt()).isEqualTo(8);
        assertThat(saved.config().contextLength()).as("the model keeps its context").isEqualTo(16);
        assertThat(saved.tokensSeen()).as("2 steps of 2 windows of 8 tokens").isEqualTo(32);
        // and that checkpoint resumes as any other
        assertThat(cli.run("train", "--text", text.toString(), "--resume", run.resolve("checkpoint.safetensors").toString(), "--steps", "3",
                "--checkpoint-dir", run.toString())).as(cli.err()).isZero();
        Checkpoint resumed = Checkpoints.read(run.resolve("checkpoint.safetensors"));
        assertThat(resumed.step()).isEqualTo(3);
        assertThat(resumed.tokensSeen()).as("the resumed run keeps the window").isEqualTo(48);
    }

    @Test
    void aFineTuningWindowLongerThanTheModelsContextIsRefused() {
        assertThat(cli.run("train", "--text", text.toString(), "--resume", gpt2.toString(), "--context", "17", "--steps", "1",
                "--checkpoint-dir", dir.resolve("long").toString())).isEqualTo(Main.USER_ERROR);
        assertThat(cli.err()).contains("--context 17").contains("context of 16 tokens");
    }

    @Test
    void aGpt2FolderIsNotFineTunedOnASyntheticTask() {
        assertThat(cli.run("train", "--task", "copy", "--resume", gpt2.toString(), "--steps", "1",
                "--checkpoint-dir", dir.resolve("task").toString())).isEqualTo(Main.USER_ERROR);
        assertThat(cli.err()).contains("give --text FILE");
    }

    @Test
    void exportingACharModelAndImportingItGivesIdenticalLogits() throws IOException {
        Path runDir = dir.resolve("char");
        assertThat(cli.run("train", "--text", text.toString(), "--preset", "tiny", "--steps", "3", "--batch", "2", "--eval-interval", "3",
                "--eval-batches", "1", "--checkpoint-dir", runDir.toString())).as(cli.err()).isZero();
        Path checkpoint = runDir.resolve("checkpoint.safetensors");
        Path exported = dir.resolve("char-export");
        assertThat(cli.run("export", "--model", checkpoint.toString(), "--out", exported.toString())).as(cli.err()).isZero();
        assertThat(cli.out()).contains("other tools do not know").contains("written as zeros");
        assertThat(exported.resolve(Gpt2Folder.TOKENIZER_FILE)).exists();
        JsonNode config = JSON.readTree(exported.resolve("config.json").toFile());
        assertThat(config.get("n_layer").asInt()).isEqualTo(2);
        assertThat(config.get("tie_word_embeddings").asBoolean()).isFalse();

        LoadedModel original = LoadedModel.read(checkpoint);
        LoadedModel imported = LoadedModel.read(exported);
        assertThat(imported.tokenizer().encode("The keeper")).containsExactly(original.tokenizer().encode("The keeper"));
        int[][] ids = {original.tokenizer().encode("the lamp 7")};
        assertThat(imported.model().logits(ids).castTo(DataType.FLOAT).data().asFloat())
                .containsExactly(original.model().logits(ids).castTo(DataType.FLOAT).data().asFloat());

        assertThat(cli.run("export", "--model", checkpoint.toString(), "--out", exported.toString())).isEqualTo(Main.USER_ERROR);
        assertThat(cli.err()).contains("already holds a model").contains("--overwrite");
        assertThat(cli.run("export", "--model", checkpoint.toString(), "--out", exported.toString(), "--overwrite")).isZero();
    }

    @Test
    void reExportingAGpt2FolderKeepsItsLogitsAndNeedsNoTokenizerFile() throws IOException {
        Path exported = dir.resolve("gpt2-export");
        assertThat(cli.run("export", "--model", gpt2.toString(), "--out", exported.toString())).as(cli.err()).isZero();
        assertThat(exported.resolve(Gpt2Folder.TOKENIZER_FILE)).doesNotExist();
        assertThat(cli.out()).doesNotContain("note:");
        int[][] ids = {{15496, 11, 314, 716}};
        assertThat(LoadedModel.read(exported).model().logits(ids).castTo(DataType.FLOAT).data().asFloat())
                .containsExactly(LoadedModel.read(gpt2).model().logits(ids).castTo(DataType.FLOAT).data().asFloat());
    }
}
