package org.attentionexplorer.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.attentionexplorer.attention.BookValuesTest.withModule;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceFormatsTest {
    private static final List<String> HEAD_KEYS = List.of("queries", "keys", "values", "attnScores", "scaledScores",
            "attnWeights", "unscaledWeights", "mask", "maskedScores", "causalWeights", "renormalizedWeights", "dropoutMask", "droppedWeights");

    private static LessonTrace bundled() {
        return AttentionLab.trace(LessonJson.read(BookValuesTest.BUNDLED_LESSON));
    }

    @Test
    void jsonHasEveryDocumentedKey() {
        JsonNode json = TraceJson.toJson(bundled());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.at("/lesson/tokens/1").asText()).isEqualTo("journey");
        for (String key : List.of("attnScores", "naiveWeights", "attnWeights", "contextVecs")) {
            assertThat(json.at("/simplified/" + key).isArray()).as(key).isTrue();
        }
        for (String key : HEAD_KEYS) {
            assertThat(json.get(key).isArray()).as(key).isTrue();
            assertThat(json.at("/heads/0/" + key).isArray()).as("heads[0]." + key).isTrue();
        }
        for (String key : List.of("contextVecs", "output", "weights/query", "weights/key", "weights/value")) {
            assertThat(json.at("/" + key).isArray()).as(key).isTrue();
        }
        assertThat(json.at("/simplified/attnScores/1/0").asDouble()).isEqualTo(0.9544, org.assertj.core.data.Offset.offset(5e-5));
        assertThat(json.at("/maskedScores/0/5").asText()).isEqualTo("-Infinity");
        assertThat(json.at("/weights/query/0/0").asDouble()).isEqualTo(0.29611194, org.assertj.core.data.Offset.offset(1e-7));
    }

    @Test
    void jsonOfMultiHeadAttentionHasHeadsOutProjAndTheVersionCheck() {
        JsonNode json = TraceJson.toJson(AttentionLab.trace(withModule(AttentionModule.MULTI_HEAD_ATTENTION, 4, 2, true, 123)));
        assertThat(json.get("heads")).hasSize(2);
        assertThat(json.at("/heads/1/contextVecs/0")).hasSize(2);
        assertThat(json.at("/weights/outProj")).hasSize(4);
        assertThat(json.at("/weights/outProjBias")).hasSize(4);
        assertThat(json.at("/weights/outProjBias/0").isNumber()).isTrue();
        assertThat(json.at("/versionCheck/module").asText()).isEqualTo("MultiHeadAttentionWrapper");
        assertThat(json.at("/versionCheck/maxAbsDifference").asDouble()).isLessThan(1e-12);
        assertThat(json.has("attnScores")).as("no top-level head steps when there are two heads").isFalse();
        assertThat(json.at("/queries/0")).hasSize(4);
    }

    @Test
    void jsonOfTheWrapperListsEachHeadsWeights() {
        JsonNode json = TraceJson.toJson(AttentionLab.trace(withModule(AttentionModule.MULTI_HEAD_ATTENTION_WRAPPER, 2, 2, true, 123)));
        assertThat(json.at("/weights/heads")).hasSize(2);
        assertThat(json.at("/weights/heads/1/key")).hasSize(2);
        assertThat(json.at("/output/0")).hasSize(4);
    }

    @Test
    void textShowsEverySectionWithLabelledMatrices() {
        String text = TraceText.format(bundled());
        assertThat(text).contains("== 3.3 Attention without trainable weights ==", "== 3.4 Scaled dot-product attention ==",
                "== 3.5 Causal attention: the mask ==", "== 3.5 Dropout on the attention weights ==");
        assertThat(text).contains("simplified.attnScores: attention scores (6 x 6)");
        assertThat(text).containsPattern("journey +0\\.9544 +1\\.4950 +1\\.4754 +0\\.8434 +0\\.7070 +1\\.0865");
        assertThat(text).contains("-inf");
        assertThat(text).doesNotContain("heads[0]");
    }

    @Test
    void csvWritesOneFilePerMatrixWithLabels(@TempDir Path dir) throws IOException {
        List<Path> files = TraceCsv.write(bundled(), dir);
        assertThat(files).contains(dir.resolve("simplified.attnScores.csv"), dir.resolve("heads[0].queries.csv"),
                dir.resolve("lesson.embeddings.csv"), dir.resolve("weights.value.csv"));
        List<String> lines = Files.readAllLines(dir.resolve("simplified.attnScores.csv"));
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).isEqualTo(",Your,journey,starts,with,one,step");
        assertThat(lines.get(2)).startsWith("journey,0.9544");
        assertThat(Files.readAllLines(dir.resolve("maskedScores.csv")).get(1)).endsWith(",-inf");
        assertThat(TraceCsv.toCsv(new TraceEntry("k", "", "", "", org.attentionexplorer.math.Matrix.of(new double[][] {{1}}),
                List.of("a,\"b\""), List.of("c"), false))).isEqualTo(",c\n\"a,\"\"b\"\"\",1.0\n");
    }
}
