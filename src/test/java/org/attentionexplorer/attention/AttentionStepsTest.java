package org.attentionexplorer.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.attentionexplorer.math.Matrix;
import org.attentionexplorer.random.TorchGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Each ND4J-backed step against the plain-loop {@link ReferenceAttention}, on random inputs of several shapes.
 * Tolerance: 1e-12 absolute. Both sides compute in float64; they differ only in summation order, which on
 * values of order 1 with at most 64 terms moves the result by a few units in the last place (~1e-15).
 */
class AttentionStepsTest {
    private static final double TOLERANCE = 1e-12;

    private static Matrix random(Random random, int rows, int cols) {
        double[][] values = new double[rows][cols];
        for (double[] row : values) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return Matrix.of(values);
    }

    private static void assertClose(Matrix actual, double[][] expected) {
        assertThat(actual.maxAbsDifference(Matrix.of(expected))).isLessThanOrEqualTo(TOLERANCE);
    }

    @ParameterizedTest(name = "T={0}, d_in={1}, d_out={2}")
    @CsvSource({"1, 1, 1", "6, 3, 2", "7, 5, 4", "33, 64, 16"})
    void everyStepMatchesThePlainLoopReference(int tokens, int dIn, int dOut) {
        Random random = new Random(tokens * 1000L + dIn * 10L + dOut);
        Matrix x = random(random, tokens, dIn);
        Matrix w = random(random, dIn, dOut);
        Matrix bias = random(random, 1, dOut);
        double[][] xs = x.toArray();

        Matrix scores = AttentionSteps.dotProductScores(x);
        assertClose(scores, ReferenceAttention.dotProductScores(xs));
        Matrix positive = AttentionSteps.softmaxRows(scores);
        assertClose(AttentionSteps.divideRowsBySum(positive), ReferenceAttention.divideRowsBySum(positive.toArray()));
        assertClose(AttentionSteps.softmaxRows(scores), ReferenceAttention.softmaxRows(scores.toArray()));
        assertClose(AttentionSteps.contextVectors(positive, x), ReferenceAttention.matmul(positive.toArray(), xs));

        Matrix projected = AttentionSteps.project(x, new Projection(w, bias));
        assertClose(projected, ReferenceAttention.project(xs, w.toArray(), bias.row(0)));
        assertClose(AttentionSteps.project(x, new Projection(w, null)), ReferenceAttention.project(xs, w.toArray(), null));

        Matrix queries = random(random, tokens, dOut);
        Matrix keys = random(random, tokens, dOut);
        Matrix qk = AttentionSteps.queryKeyScores(queries, keys);
        assertClose(qk, ReferenceAttention.matmul(queries.toArray(), ReferenceAttention.transpose(keys.toArray())));
        assertClose(AttentionSteps.scale(qk, dOut), ReferenceAttention.scale(qk.toArray(), dOut));

        Matrix mask = AttentionSteps.causalMask(tokens);
        Matrix masked = AttentionSteps.maskWithNegativeInfinity(qk, mask);
        assertClose(masked, ReferenceAttention.maskWithNegativeInfinity(qk.toArray(), mask.toArray()));
        assertClose(AttentionSteps.softmaxRows(masked), ReferenceAttention.softmaxRows(masked.toArray()));
        assertClose(AttentionSteps.multiplyElementwise(positive, mask),
                ReferenceAttention.multiplyElementwise(positive.toArray(), mask.toArray()));

        Matrix keep = AttentionSteps.dropoutMask(tokens, tokens, 0.3, new TorchGenerator(5));
        assertClose(AttentionSteps.applyDropout(positive, keep, 0.3),
                ReferenceAttention.applyDropout(positive.toArray(), keep.toArray(), 0.3));
    }

    @Test
    void softmaxOfHandComputedRow() {
        // softmax([0, ln 2, ln 5]) = [1, 2, 5] / 8
        Matrix weights = AttentionSteps.softmaxRows(Matrix.of(new double[][] {{0, Math.log(2), Math.log(5)}}));
        assertThat(weights.row(0)).containsExactly(new double[] {0.125, 0.25, 0.625}, within(1e-15));
    }

    @Test
    void softmaxGivesMaskedScoresNoWeight() {
        double ninf = Double.NEGATIVE_INFINITY;
        Matrix weights = AttentionSteps.softmaxRows(Matrix.of(new double[][] {{1.5, ninf, ninf}, {0.0, 0.0, ninf}}));
        assertThat(weights.row(0)).containsExactly(1.0, 0.0, 0.0);
        assertThat(weights.row(1)).containsExactly(0.5, 0.5, 0.0);
    }

    @Test
    void causalMaskIsOneOnAndBelowTheDiagonal() {
        assertThat(AttentionSteps.causalMask(3).toArray()).isDeepEqualTo(new double[][] {{1, 0, 0}, {1, 1, 0}, {1, 1, 1}});
    }

    @Test
    void scalingDividesBySqrtOfTheKeyWidth() {
        Matrix scaled = AttentionSteps.scale(Matrix.of(new double[][] {{4, -8}}), 16);
        assertThat(scaled.row(0)).containsExactly(1.0, -2.0);
    }

    @Test
    void dropoutKeepsRoughlyOneMinusRateAndRescalesKeptWeights() {
        Matrix keep = AttentionSteps.dropoutMask(50, 50, 0.5, new TorchGenerator(123));
        double kept = 0;
        for (double v : keep.toRowMajor()) {
            assertThat(v).isIn(0.0, 1.0);
            kept += v;
        }
        assertThat(kept / 2500).isBetween(0.45, 0.55);
        Matrix ones = Matrix.filled(50, 50, 1.0);
        Matrix dropped = AttentionSteps.applyDropout(ones, keep, 0.5);
        for (double v : dropped.toRowMajor()) {
            assertThat(v).isIn(0.0, 2.0);
        }
    }
}
