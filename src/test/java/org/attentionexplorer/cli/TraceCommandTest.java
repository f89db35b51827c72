package org.attentionexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TraceCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void tracesTheBundledLessonAsText() {
        assertThat(run("trace", "--lesson", "resources/lessons/your-journey.json")).isZero();
        assertThat(out.toString()).contains("Your journey starts with one step", "scaledScores", "contextVecs");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void withoutALessonTracesTheBundledOne() {
        assertThat(run("trace", "--format", "json")).isZero();
        assertThat(out.toString()).contains("\"name\" : \"Your journey starts with one step\"");
    }

    @Test
    void jsonAppliesTheOptions() throws IOException {
        assertThat(run("trace", "--format", "json", "--module", "MultiHeadAttentionWrapper", "--heads", "2",
                "--causal", "--dropout", "0.5", "--seed", "7")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.at("/lesson/module").asText()).isEqualTo("MultiHeadAttentionWrapper");
        assertThat(json.at("/lesson/seed").asLong()).isEqualTo(7);
        assertThat(json.get("heads")).hasSize(2);
        assertThat(json.get("dropoutScale").asDouble()).isEqualTo(2.0);
        assertThat(json.at("/output/0")).hasSize(4);
    }

    @Test
    void moreHeadsOnAOneHeadModuleSwitchToMultiHeadAttention() throws IOException {
        assertThat(run("trace", "--format", "json", "--heads", "2", "--d-out", "4")).isZero();
        assertThat(err.toString()).contains("using MultiHeadAttention for 2 heads");
        assertThat(new ObjectMapper().readTree(out.toString()).at("/lesson/module").asText()).isEqualTo("MultiHeadAttention");
    }

    @Test
    void csvNeedsAFolderAndWritesOneFilePerMatrix(@TempDir Path dir) {
        assertThat(run("trace", "--format", "csv")).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: --format csv writes one file per matrix");

        assertThat(run("trace", "--format", "csv", "--out", dir.toString())).isZero();
        assertThat(dir.resolve("simplified.attnScores.csv")).exists();
        assertThat(dir.resolve("droppedWeights.csv")).exists();
    }

    @Test
    void outWritesTheTextIntoAFile(@TempDir Path dir) throws IOException {
        assertThat(run("trace", "--out", dir.toString())).isZero();
        assertThat(Files.readString(dir.resolve("trace.txt"))).contains("renormalizedWeights");
    }

    @Test
    void aBadLessonExitsWithTwoAndOneLineSayingWhatAndWhere(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"tokens\": [\"a\", \"b\"], \"embeddings\": [[1, 2], [3]], \"dOut\": 2}");
        assertThat(run("trace", "--lesson", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: " + bad + ": embeddings[1]: has 1 values but row 0 has 2; "
                + "every row must have the same length" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anImpossibleOptionNamesTheFieldAndTheOptions() {
        assertThat(run("trace", "--module", "MultiHeadAttention", "--heads", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("bundled lesson with the given options: dOut: dOut 2 is not divisible by numHeads 3");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void aDropoutOutsideTheRangeIsRefused() {
        assertThat(run("trace", "--dropout", "1.5")).isEqualTo(2);
        assertThat(err.toString()).contains("dropout: 1.5 is not a dropout rate");
    }

    @Test
    void anUnknownModuleIsRefused() {
        assertThat(run("trace", "--module", "Transformer")).isEqualTo(2);
        assertThat(err.toString()).contains("--module: unknown module 'Transformer'");
    }

    @Test
    void explicitWeightsCannotChangeShapeWithoutASeed(@TempDir Path dir) throws IOException {
        Path lesson = dir.resolve("explicit.json");
        Files.writeString(lesson, "{\"tokens\": [\"a\", \"b\"], \"embeddings\": [[1, 2], [3, 4]], \"dOut\": 1,"
                + " \"weights\": {\"query\": [[1], [0]], \"key\": [[0], [1]], \"value\": [[1], [1]]}}");
        assertThat(run("trace", "--lesson", lesson.toString(), "--d-out", "2")).isEqualTo(2);
        assertThat(err.toString()).contains("weights: are given in the file", "add --seed N");
        assertThat(run("trace", "--lesson", lesson.toString(), "--d-out", "2", "--seed", "1")).isZero();
    }

    @Test
    void notJsonIsAUserErrorWithoutAStackTrace(@TempDir Path dir) throws IOException {
        Path notJson = dir.resolve("notes.json");
        Files.writeString(notJson, "these are my notes, not a lesson");
        assertThat(run("trace", "--lesson", notJson.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: " + notJson + ": is not valid JSON (line 1, column ");
        assertThat(err.toString()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void anOutFolderThatIsAFileIsAUserError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "my notes");
        assertThat(run("trace", "--format", "json", "--out", file.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: cannot write into " + file + ": a file of that name is in the way");
        assertThat(Files.readString(file)).isEqualTo("my notes");
    }

    @Test
    void versionAndHelp() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("attention-explorer ");
        assertThat(run("trace", "--help")).isZero();
        assertThat(out.toString()).contains("--lesson=FILE", "--format=FORMAT");
    }
}
