package org.attentionexplorer.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.attentionexplorer.math.Matrix;
import org.junit.jupiter.api.Test;

/**
 * Chapter 3's printed values, reproduced from the bundled lesson and the book's seeded modules. The book prints
 * four decimals, so values are compared to within 5e-5 (half a unit in the last printed place).
 */
class BookValuesTest {
    private static final Offset<Double> PRINTED = within(5e-5);
    static final Path BUNDLED_LESSON = Path.of("resources/lessons/your-journey.json");

    private static Lesson bundled() {
        return LessonJson.read(BUNDLED_LESSON);
    }

    /** The bundled inputs with another module, width, head count and seed, as the book's later sections use them. */
    static Lesson withModule(AttentionModule module, int dOut, int numHeads, boolean causal, long seed) {
        Lesson base = bundled();
        return new Lesson(base.name(), base.description(), base.tokens(), base.embeddings(), module, dOut, numHeads,
                causal, 0.0, true, false, seed, null);
    }

    private static void assertRows(Matrix actual, double[][] expected) {
        assertThat(actual.rows()).isEqualTo(expected.length);
        for (int r = 0; r < expected.length; r++) {
            assertThat(actual.row(r)).as("row %d", r).containsExactly(expected[r], PRINTED);
        }
    }

    @Test
    void scoresOfQueryX2AgainstAllInputs() {
        SimplifiedTrace trace = AttentionLab.trace(bundled()).simplified();
        assertThat(trace.attnScores().row(1)).containsExactly(new double[] {0.9544, 1.4950, 1.4754, 0.8434, 0.7070, 1.0865}, PRINTED);
        assertThat(trace.attnScores().row(0)).containsExactly(new double[] {0.9995, 0.9544, 0.9422, 0.4753, 0.4576, 0.6310}, PRINTED);
    }

    @Test
    void naiveWeightsOfQueryX2() {
        SimplifiedTrace trace = AttentionLab.trace(bundled()).simplified();
        assertThat(trace.naiveWeights().row(1)).containsExactly(new double[] {0.1455, 0.2278, 0.2249, 0.1285, 0.1077, 0.1656}, PRINTED);
    }

    @Test
    void softmaxWeightsOfQueryX2() {
        SimplifiedTrace trace = AttentionLab.trace(bundled()).simplified();
        assertThat(trace.attnWeights().row(1)).containsExactly(new double[] {0.1385, 0.2379, 0.2333, 0.1240, 0.1082, 0.1581}, PRINTED);
    }

    @Test
    void simplifiedContextVectors() {
        assertRows(AttentionLab.trace(bundled()).simplified().contextVecs(), new double[][] {
            {0.4421, 0.5931, 0.5790}, {0.4419, 0.6515, 0.5683}, {0.4431, 0.6496, 0.5671},
            {0.4304, 0.6298, 0.5510}, {0.4671, 0.5910, 0.5266}, {0.4177, 0.6503, 0.5645}});
    }

    @Test
    void trainableWeightsStepsForQueryX2WithSeed123() {
        HeadTrace head = AttentionLab.trace(bundled()).heads().get(0);
        assertThat(head.queries().row(1)).containsExactly(new double[] {0.4306, 1.4551}, PRINTED);
        assertThat(head.attnScores().get(1, 1)).isCloseTo(1.8524, PRINTED);
        assertThat(head.attnScores().row(1)).containsExactly(new double[] {1.2705, 1.8524, 1.8111, 1.0795, 0.5577, 1.5440}, PRINTED);
        assertThat(head.attnWeights().row(1)).containsExactly(new double[] {0.1500, 0.2264, 0.2199, 0.1311, 0.0906, 0.1820}, PRINTED);
        assertThat(head.contextVecs().row(1)).containsExactly(new double[] {0.3061, 0.8210}, PRINTED);
    }

    @Test
    void selfAttentionV1WithSeed123() {
        assertRows(AttentionLab.trace(bundled()).output(), new double[][] {
            {0.2996, 0.8053}, {0.3061, 0.8210}, {0.3058, 0.8203}, {0.2948, 0.7939}, {0.2927, 0.7891}, {0.2990, 0.8040}});
    }

    @Test
    void selfAttentionV2WithSeed789() {
        LessonTrace trace = AttentionLab.trace(withModule(AttentionModule.SELF_ATTENTION_V2, 2, 1, false, 789));
        assertRows(trace.output(), new double[][] {
            {-0.0739, 0.0713}, {-0.0748, 0.0703}, {-0.0749, 0.0702}, {-0.0760, 0.0685}, {-0.0763, 0.0679}, {-0.0754, 0.0693}});
        assertThat(trace.heads().get(0).attnWeights().row(0))
                .containsExactly(new double[] {0.1921, 0.1646, 0.1652, 0.1550, 0.1721, 0.1510}, PRINTED);
    }

    @Test
    void causalWeightsWithSelfAttentionV2Seed789() {
        HeadTrace head = AttentionLab.trace(withModule(AttentionModule.SELF_ATTENTION_V2, 2, 1, true, 789)).heads().get(0);
        double[][] expected = {
            {1.0000, 0, 0, 0, 0, 0},
            {0.5517, 0.4483, 0, 0, 0, 0},
            {0.3800, 0.3097, 0.3103, 0, 0, 0},
            {0.2758, 0.2460, 0.2462, 0.2319, 0, 0},
            {0.2175, 0.1983, 0.1984, 0.1888, 0.1971, 0},
            {0.1935, 0.1663, 0.1666, 0.1542, 0.1666, 0.1529}};
        assertRows(head.renormalizedWeights(), expected);
        assertRows(head.causalWeights(), expected);
        assertThat(head.maskedScores().row(4))
                .containsExactly(new double[] {0.2183, 0.0874, 0.0882, 0.0177, 0.0786, Double.NEGATIVE_INFINITY}, PRINTED);
    }

    @Test
    void causalAttentionWithSeed123() {
        LessonTrace trace = AttentionLab.trace(withModule(AttentionModule.CAUSAL_ATTENTION, 2, 1, true, 123));
        assertRows(trace.output(), new double[][] {
            {-0.4519, 0.2216}, {-0.5874, 0.0058}, {-0.6300, -0.0632}, {-0.5675, -0.0843}, {-0.5526, -0.0981}, {-0.5299, -0.1081}});
    }

    @Test
    void multiHeadAttentionWrapperWithSeed123() {
        LessonTrace trace = AttentionLab.trace(withModule(AttentionModule.MULTI_HEAD_ATTENTION_WRAPPER, 2, 2, true, 123));
        assertRows(trace.output(), new double[][] {
            {-0.4519, 0.2216, 0.4772, 0.1063}, {-0.5874, 0.0058, 0.5891, 0.3257}, {-0.6300, -0.0632, 0.6202, 0.3860},
            {-0.5675, -0.0843, 0.5478, 0.3589}, {-0.5526, -0.0981, 0.5321, 0.3428}, {-0.5299, -0.1081, 0.5077, 0.3493}});
    }

    @Test
    void multiHeadAttentionWithSeed123() {
        LessonTrace trace = AttentionLab.trace(withModule(AttentionModule.MULTI_HEAD_ATTENTION, 2, 2, true, 123));
        assertRows(trace.output(), new double[][] {
            {0.3190, 0.4858}, {0.2943, 0.3897}, {0.2856, 0.3593}, {0.2693, 0.3873}, {0.2639, 0.3928}, {0.2575, 0.4028}});
    }
}
