package org.attentionexplorer.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attentionexplorer.math.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LessonJsonTest {
    private static final String TOKENS = "\"tokens\": [\"a\", \"b\"]";
    private static final String X = "\"embeddings\": [[1, 0, 0.5], [0, 1, 0.5]]";

    private static String lesson(String... fields) {
        return "{" + String.join(", ", fields) + "}";
    }

    private static LessonException errorOf(String json) {
        try {
            LessonJson.parse(json, "test");
        } catch (LessonException e) {
            return e;
        }
        throw new AssertionError("expected the lesson to be refused: " + json);
    }

    @Test
    void minimalLessonGetsTheDefaults() {
        Lesson lesson = LessonJson.parse(lesson(TOKENS, X, "\"dOut\": 2"), "minimal");
        assertThat(lesson.name()).isEqualTo("minimal");
        assertThat(lesson.module()).isEqualTo(AttentionModule.SELF_ATTENTION_V1);
        assertThat(lesson.numHeads()).isEqualTo(1);
        assertThat(lesson.seed()).isEqualTo(123);
        assertThat(lesson.causal()).isFalse();
        assertThat(lesson.dropout()).isZero();
        assertThat(lesson.training()).isTrue();
        assertThat(lesson.weights()).isNull();
        assertThat(lesson.dIn()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        missing embeddings          | "tokens": ["a", "b"], "dOut": 2                                               | embeddings        | missing
        ragged embeddings           | "tokens": ["a", "b"], "embeddings": [[1, 2], [3]], "dOut": 2                  | embeddings[1]     | has 1 values but row 0 has 2
        rows and tokens disagree    | "tokens": ["a"], "embeddings": [[1, 2], [3, 4]], "dOut": 2                    | embeddings        | has 2 rows but there are 1 tokens
        NaN in embeddings           | "tokens": ["a", "b"], "embeddings": [[1, NaN], [3, 4]], "dOut": 2             | embeddings[0][1]  | must be a finite number, got NaN
        Infinity in embeddings      | "tokens": ["a", "b"], "embeddings": [[1, 2], [3, -Infinity]], "dOut": 2       | embeddings[1][1]  | must be a finite number
        text in embeddings          | "tokens": ["a", "b"], "embeddings": [[1, "x"], [3, 4]], "dOut": 2             | embeddings[0][1]  | must be a number
        missing tokens              | "embeddings": [[1, 2]], "dOut": 2                                             | tokens            | missing
        token not a string          | "tokens": ["a", 7], "embeddings": [[1, 2], [3, 4]], "dOut": 2                 | tokens[1]         | must be a string
        missing dOut                | "tokens": ["a", "b"], "embeddings": [[1, 2], [3, 4]]                          | dOut              | missing
        dOut not whole              | "tokens": ["a", "b"], "embeddings": [[1, 2], [3, 4]], "dOut": 2.5             | dOut              | must be a whole number
        dOut zero                   | "tokens": ["a", "b"], "embeddings": [[1, 2], [3, 4]], "dOut": 0               | dOut              | must be between 1 and 4096
        dOut not divisible by heads | "tokens": ["a", "b"], "embeddings": [[1, 2], [3, 4]], "dOut": 3, "numHeads": 2 | dOut             | not divisible by numHeads 2
        heads on a one-head module  | "tokens": ["a", "b"], "embeddings": [[1, 2], [3, 4]], "dOut": 2, "numHeads": 2, "module": "CausalAttention" | numHeads | CausalAttention has one head
        dropout of 1                | "tokens": ["a", "b"], "embeddings": [[1, 2], [3, 4]], "dOut": 2, "dropout": 1 | dropout           | must be at least 0 and below 1
        negative dropout            | "tokens": ["a", "b"], "embeddings": [[1, 2], [3, 4]], "dOut": 2, "dropout": -0.1 | dropout        | must be at least 0 and below 1
        unknown module              | "tokens": ["a", "b"], "embeddings": [[1, 2], [3, 4]], "dOut": 2, "module": "Foo" | module         | unknown module 'Foo'
        unknown field               | "tokens": ["a", "b"], "embeddings": [[1, 2], [3, 4]], "dout": 2               | dout              | unknown field
        bias on SelfAttention_v1    | "tokens": ["a", "b"], "embeddings": [[1, 2], [3, 4]], "dOut": 2, "qkvBias": true | qkvBias        | SelfAttention_v1 has no biases
        causal not a boolean        | "tokens": ["a", "b"], "embeddings": [[1, 2], [3, 4]], "dOut": 2, "causal": "yes" | causal         | must be true or false
        weights of the wrong shape  | "tokens": ["a", "b"], "embeddings": [[1, 2], [3, 4]], "dOut": 2, "weights": {"query": [[1, 2]], "key": [[1, 2], [3, 4]], "value": [[1, 2], [3, 4]]} | weights.query | maps 1 inputs to 2 outputs, but the lesson needs 2 to 2
        weights missing a key       | "tokens": ["a", "b"], "embeddings": [[1, 2], [3, 4]], "dOut": 2, "weights": {"query": [[1, 2], [3, 4]], "value": [[1, 2], [3, 4]]} | weights.key | missing
        bias without qkvBias        | "tokens": ["a", "b"], "embeddings": [[1, 2], [3, 4]], "dOut": 2, "module": "SelfAttention_v2", "weights": {"query": [[1, 2], [3, 4]], "queryBias": [0, 0], "key": [[1, 2], [3, 4]], "value": [[1, 2], [3, 4]]} | weights.queryBias | given, but qkvBias is false
        """)
    void badLessonsAreRefusedWithTheFieldAndTheProblem(String what, String fields, String field, String problem) {
        LessonException error = errorOf("{" + fields + "}");
        assertThat(error.field()).isEqualTo(field);
        assertThat(error.problem()).contains(problem);
    }

    @Test
    void textThatIsNotJsonSaysWhere() {
        LessonException error = errorOf("{\"tokens\": [\"a\",}");
        assertThat(error.getMessage()).startsWith("is not valid JSON (line 1, column ");
    }

    @Test
    void aJsonArrayIsNotALesson() {
        assertThat(errorOf("[1, 2]").getMessage()).contains("a lesson is a JSON object");
    }

    @Test
    void fileErrorsNameTheFile(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> LessonJson.read(missing)).isInstanceOf(LessonException.class)
                .hasMessage(missing + ": no such file");

        Path huge = dir.resolve("huge.json");
        Files.write(huge, new byte[(int) LessonJson.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> LessonJson.read(huge)).hasMessageStartingWith(huge + ": is 1.0 MB, too large to be a lesson");

        assertThatThrownBy(() -> LessonJson.read(dir)).hasMessage(dir + ": is a folder, not a lesson file");

        Path ragged = dir.resolve("ragged.json");
        Files.writeString(ragged, lesson(TOKENS, "\"embeddings\": [[1, 2], [3]]", "\"dOut\": 2"));
        assertThatThrownBy(() -> LessonJson.read(ragged))
                .hasMessage(ragged + ": embeddings[1]: has 1 values but row 0 has 2; every row must have the same length");
    }

    @Test
    void linearWeightsAreReadInNnLinearOrientation() {
        // nn.Linear(3, 2).weight is [d_out][d_in] = 2 x 3; applied as X W^T.
        String weights = "\"weights\": {\"query\": [[1, 2, 3], [4, 5, 6]], \"key\": [[1, 0, 0], [0, 1, 0]], "
                + "\"value\": [[0, 0, 1], [1, 0, 0]]}";
        Lesson lesson = LessonJson.parse(lesson(TOKENS, X, "\"dOut\": 2", "\"module\": \"SelfAttention_v2\"", weights), "t");
        Matrix query = lesson.weights().qkv().get(0).query().weight();
        assertThat(query.toArray()).isDeepEqualTo(new double[][] {{1, 4}, {2, 5}, {3, 6}});
        // x(0) = [1, 0, 0.5] -> queries[0] = [1 + 1.5, 4 + 3] = [2.5, 7]
        assertThat(AttentionLab.trace(lesson).queries().row(0)).containsExactly(2.5, 7.0);
    }

    @Test
    void aLessonSurvivesWritingAndReadingBack(@TempDir Path dir) throws IOException {
        Lesson drawn = LessonJson.parse(lesson(TOKENS, X, "\"dOut\": 4", "\"numHeads\": 2",
                "\"module\": \"MultiHeadAttention\"", "\"qkvBias\": true", "\"causal\": true", "\"dropout\": 0.25", "\"seed\": 7"), "mha");
        // Make the weights explicit, write, read: the same lesson and the same trace.
        Lesson explicit = new Lesson(drawn.name(), "with explicit weights", drawn.tokens(), drawn.embeddings(), drawn.module(),
                drawn.dOut(), drawn.numHeads(), drawn.causal(), drawn.dropout(), drawn.training(), drawn.qkvBias(), drawn.seed(),
                drawn.resolvedWeights());
        Path file = dir.resolve("mha.json");
        LessonJson.write(explicit, file);
        Lesson back = LessonJson.read(file);
        assertThat(back).isEqualTo(explicit);
        assertThat(AttentionLab.trace(back).output()).isEqualTo(AttentionLab.trace(drawn).output());
    }

    @Test
    void wrapperWeightsRoundTripAsAListOfHeads() {
        Lesson drawn = LessonJson.parse(lesson(TOKENS, X, "\"dOut\": 2", "\"numHeads\": 3",
                "\"module\": \"MultiHeadAttentionWrapper\""), "w");
        var json = LessonJson.weightsToJson(drawn.resolvedWeights());
        assertThat(json.get("heads")).hasSize(3);
        assertThat(json.get("heads").get(2).get("value")).hasSize(2); // [d_out][d_in]
        String text = lesson(TOKENS, X, "\"dOut\": 2", "\"numHeads\": 3", "\"module\": \"MultiHeadAttentionWrapper\"",
                "\"weights\": " + json);
        assertThat(LessonJson.parse(text, "w").weights()).isEqualTo(drawn.resolvedWeights());
    }
}
