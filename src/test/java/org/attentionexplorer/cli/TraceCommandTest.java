package org.attentionexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCommandTest {

    private final CommandRunner cli = new CommandRunner();

    @Test
    void tracesTheBundledLessonAsText() {
        assertThat(cli.run("trace", "--lesson", "resources/lessons/your-journey.json")).isZero();
        assertThat(cli.out()).contains("Your journey starts with one step", "scaledScores", "contextVecs");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void withoutALessonTracesTheBundledOne() {
        assertThat(cli.run("trace", "--format", "json")).isZero();
        assertThat(cli.out()).contains("\"name\" : \"Your journey starts with one step\"");
    }

    @Test
    void jsonAppliesTheOptions() throws IOException {
        assertThat(cli.run("trace", "--format", "json", "--module", "MultiHeadAttentionWrapper", "--heads", "2",
                "--causal", "--dropout", "0.5", "--seed", "7")).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.at("/lesson/module").asText()).isEqualTo("MultiHeadAttentionWrapper");
        assertThat(json.at("/lesson/seed").asLong()).isEqualTo(7);
        assertThat(json.get("heads")).hasSize(2);
        assertThat(json.get("dropoutScale").asDouble()).isEqualTo(2.0);
        assertThat(json.at("/output/0")).hasSize(4);
    }

    @Test
    void moreHeadsOnAOneHeadModuleSwitchToMultiHeadAttention() throws IOException {
        assertThat(cli.run("trace", "--format", "json", "--heads", "2", "--d-out", "4")).isZero();
        assertThat(cli.err()).contains("using MultiHeadAttention for 2 heads");
        assertThat(new ObjectMapper().readTree(cli.out()).at("/lesson/module").asText()).isEqualTo("MultiHeadAttention");
    }

    @Test
    void csvNeedsAFolderAndWritesOneFilePerMatrix(@TempDir Path dir) {
        assertThat(cli.run("trace", "--format", "csv")).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: --format csv writes one file per matrix");

        assertThat(cli.run("trace", "--format", "csv", "--out", dir.toString())).isZero();
        assertThat(dir.resolve("simplified.attnScores.csv")).exists();
        assertThat(dir.resolve("droppedWeights.csv")).exists();
    }

    @Test
    void outWritesTheTextIntoAFile(@TempDir Path dir) throws IOException {
        assertThat(cli.run("trace", "--out", dir.toString())).isZero();
        assertThat(Files.readString(dir.resolve("trace.txt"))).contains("renormalizedWeights");
    }

    @Test
    void aBadLessonExitsWithTwoAndOneLineSayingWhatAndWhere(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"tokens\": [\"a\", \"b\"], \"embeddings\": [[1, 2], [3]], \"dOut\": 2}");
        assertThat(cli.run("trace", "--lesson", bad.toString())).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("error: " + bad + ": embeddings[1]: has 1 values but row 0 has 2; "
                + "every row must have the same length" + System.lineSeparator());
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void anImpossibleOptionNamesTheFieldAndTheOptions() {
        assertThat(cli.run("trace", "--module", "MultiHeadAttention", "--heads", "3")).isEqualTo(2);
        assertThat(cli.err()).contains("bundled lesson with the given options: dOut: dOut 2 is not divisible by numHeads 3");
        assertThat(cli.err().lines()).hasSize(1);
    }

    @Test
    void aDropoutOutsideTheRangeIsRefused() {
        assertThat(cli.run("trace", "--dropout", "1.5")).isEqualTo(2);
        assertThat(cli.err()).contains("dropout: 1.5 is not a dropout rate");
    }

    @Test
    void anUnknownModuleIsRefused() {
        assertThat(cli.run("trace", "--module", "Transformer")).isEqualTo(2);
        assertThat(cli.err()).contains("--module: unknown module 'Transformer'");
    }

    @Test
    void explicitWeightsCannotChangeShapeWithoutASeed(@TempDir Path dir) throws IOException {
        Path lesson = dir.resolve("explicit.json");
        Files.writeString(lesson, "{\"tokens\": [\"a\", \"b\"], \"embeddings\": [[1, 2], [3, 4]], \"dOut\": 1,"
                + " \"weights\": {\"query\": [[1], [0]], \"key\": [[0], [1]], \"value\": [[1], [1]]}}");
        assertThat(cli.run("trace", "--lesson", lesson.toString(), "--d-out", "2")).isEqualTo(2);
        assertThat(cli.err()).contains("weights: are given in the file", "add --seed N");
        assertThat(cli.run("trace", "--lesson", lesson.toString(), "--d-out", "2", "--seed", "1")).isZero();
    }

    @Test
    void notJsonIsAUserErrorWithoutAStackTrace(@TempDir Path dir) throws IOException {
        Path notJson = dir.resolve("notes.json");
        Files.writeString(notJson, "these are my notes, not a lesson");
        assertThat(cli.run("trace", "--lesson", notJson.toString())).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: " + notJson + ": is not valid JSON (line 1, column ");
        assertThat(cli.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void anOutFolderThatIsAFileIsAUserError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "my notes");
        assertThat(cli.run("trace", "--format", "json", "--out", file.toString())).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: cannot write into " + file + ": a file of that name is in the way");
        assertThat(Files.readString(file)).isEqualTo("my notes");
    }

    @Test
    void versionAndHelp() {
        assertThat(cli.run("--version")).isZero();
        assertThat(cli.out()).startsWith("attention-explorer ");
        assertThat(cli.run("trace", "--help")).isZero();
        assertThat(cli.out()).contains("--lesson=FILE", "--format=FORMAT");
    }
}
