package org.attentionexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attentionexplorer.io.Checkpoint;
import org.attentionexplorer.io.Checkpoints;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, generate and trace --model from the command line, on a tiny model trained for a few steps. */
class ModelCommandsTest {
    @TempDir
    static Path dir;
    static Path text;
    static Path checkpoint;

    private final CommandRunner cli = new CommandRunner();

    @BeforeAll
    static void trainATinyModel() throws IOException {
        text = dir.resolve("story.txt");
        StringBuilder story = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            story.append("The keeper lit the lamp at ").append(i % 12 + 1).append(" and the ship saw it. ");
        }
        Files.writeString(text, story);
        CommandRunner test = new CommandRunner();
        int status = test.run("train", "--text", text.toString(), "--preset", "tiny", "--steps", "6", "--batch", "4",
                "--eval-interval", "3", "--eval-batches", "1", "--checkpoint-dir", dir.resolve("run").toString(), "--seed", "7");
        assertThat(status).as(test.err()).isZero();
        checkpoint = dir.resolve("run").resolve("checkpoint.safetensors");
    }

    @Test
    void trainingWritesACheckpointAndTheLossHistory() throws IOException {
        Checkpoint saved = Checkpoints.read(checkpoint);
        assertThat(saved.step()).isEqualTo(6);
        assertThat(saved.history()).hasSize(2);
        assertThat(saved.config().contextLength()).isEqualTo(12);
        assertThat(saved.optimizer()).isNotEmpty();
        List<String> history = Files.readAllLines(dir.resolve("run").resolve("history.csv"));
        assertThat(history).hasSize(3);
        assertThat(history.get(0)).isEqualTo("step,tokens_seen,train_loss,val_loss,learning_rate");
        assertThat(history.get(2)).startsWith("6,288,");
    }

    @Test
    void resumingContinuesFromTheSavedStep() throws IOException {
        Path resumed = dir.resolve("resumed");
        Files.createDirectories(resumed);
        assertThat(cli.run("train", "--text", text.toString(), "--resume", checkpoint.toString(), "--steps", "9",
                "--checkpoint-dir", resumed.toString())).as(cli.err()).isZero();
        Checkpoint saved = Checkpoints.read(resumed.resolve("checkpoint.safetensors"));
        assertThat(saved.step()).isEqualTo(9);
        assertThat(saved.history()).hasSize(3);
        assertThat(saved.seed()).isEqualTo(7);
        assertThat(saved.training().get("batchSize").asInt()).as("the run's own batch size, not the default").isEqualTo(4);
    }

    @Test
    void aNewRunDoesNotOverwriteAnotherRunsCheckpoint() throws IOException {
        Path taken = dir.resolve("taken");
        String[] args = {"train", "--text", text.toString(), "--preset", "tiny", "--steps", "1", "--batch", "2", "--eval-batches", "1",
                "--checkpoint-dir", taken.toString()};
        assertThat(cli.run(args)).as(cli.err()).isZero();
        byte[] first = Files.readAllBytes(taken.resolve("checkpoint.safetensors"));
        assertThat(cli.run(args)).isEqualTo(2);
        assertThat(cli.err()).contains("holds another run", "--resume", "--overwrite");
        assertThat(Files.readAllBytes(taken.resolve("checkpoint.safetensors"))).isEqualTo(first);
        String[] again = java.util.Arrays.copyOf(args, args.length + 1);
        again[args.length] = "--overwrite";
        assertThat(cli.run(again)).as(cli.err()).isZero();
    }

    @Test
    void checkpointsCanLeaveTheOptimizerStateOut() throws IOException {
        Path slim = dir.resolve("slim");
        assertThat(cli.run("train", "--text", text.toString(), "--preset", "tiny", "--steps", "2", "--batch", "4", "--eval-interval", "2",
                "--eval-batches", "1", "--checkpoint-dir", slim.toString(), "--no-optimizer-state")).as(cli.err()).isZero();
        Checkpoint saved = Checkpoints.read(slim.resolve("checkpoint.safetensors"));
        assertThat(saved.optimizer()).isEmpty();
        assertThat(saved.weights()).isNotEmpty();
    }

    @Test
    void generateListsTokensAndCandidatesAsJson() throws IOException {
        assertThat(cli.run("generate", "--model", checkpoint.toString(), "--prompt", "The keeper", "--max-tokens", "4",
                "--format", "json", "--seed", "3")).as(cli.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.get("steps")).hasSize(4);
        assertThat(json.get("ids")).hasSize(4);
        assertThat(json.at("/steps/0/candidates")).hasSize(5);
        assertThat(json.get("text").asText()).startsWith("The keeper").hasSize(14);
    }

    @Test
    void traceOfAModelUsesTheLabsKeysPerLayerAndHead() throws IOException {
        assertThat(cli.run("trace", "--model", checkpoint.toString(), "--text", "The lamp", "--layer", "1", "--head", "2",
                "--format", "json")).as(cli.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.get("tokens")).hasSize(8);
        assertThat(json.at("/layers/1/heads/2/causalWeights")).hasSize(8);
        assertThat(json.at("/layers/1/heads/2/maskedScores/0/1").asText()).isEqualTo("-Infinity");
        assertThat(json.at("/layers/1/heads/2/stats/entropy").isNumber()).isTrue();
        assertThat(json.at("/layers/1/blockOutput")).hasSize(8);
        assertThat(json.at("/layers/0/heads").isMissingNode()).as("only the selected layer").isTrue();

        assertThat(cli.run("trace", "--model", checkpoint.toString(), "--text", "The lamp")).isZero();
        assertThat(cli.out()).contains("layer 1 head 3:", "most probable next tokens:");
    }

    @Test
    void badArgumentsAndFilesGetOneLineAndExitTwo() throws IOException {
        assertThat(cli.run("train", "--preset", "tiny")).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: give --text FILE or --task NAME");

        assertThat(cli.run("train", "--text", dir.resolve("nothing.txt").toString(), "--preset", "tiny")).isEqualTo(2);
        assertThat(cli.err()).contains("nothing.txt").doesNotContain("Exception");

        Path shortText = Files.writeString(dir.resolve("short.txt"), "Too short to train on.");
        assertThat(cli.run("train", "--text", shortText.toString(), "--preset", "tiny")).isEqualTo(2);
        assertThat(cli.err()).contains("short.txt").contains("it needs at least 13 (context 12 + 1)");

        Path broken = Files.writeString(dir.resolve("broken.safetensors"), "not a checkpoint at all");
        assertThat(cli.run("generate", "--model", broken.toString(), "--prompt", "x")).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: " + broken).doesNotContain("\tat ");
        assertThat(cli.err().lines()).hasSize(1);

        assertThat(cli.run("trace", "--model", checkpoint.toString(), "--text", "x", "--layer", "5")).isEqualTo(2);
        assertThat(cli.err()).contains("--layer 5 does not exist: the model has layers 0 to 1");

        assertThat(cli.run("generate", "--preset", "nope", "--prompt", "x")).isEqualTo(2);
        assertThat(cli.err()).contains("unknown --preset 'nope'");
    }

    @Test
    void aSyntheticTaskTrainsWithItsOwnVocabulary() throws IOException {
        Path run = dir.resolve("task");
        assertThat(cli.run("train", "--task", "reverse", "--task-length", "3", "--preset", "tiny", "--steps", "2", "--batch", "2",
                "--eval-interval", "2", "--eval-batches", "1", "--checkpoint-dir", run.toString())).as(cli.err()).isZero();
        assertThat(cli.out()).contains("task reverse");
        Checkpoint saved = Checkpoints.read(run.resolve("checkpoint.safetensors"));
        assertThat(saved.tokenizer().get("kind").asText()).isEqualTo("word");
    }
}
