package org.attentionexplorer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused float32 AdamW update against the algorithm written out as a plain loop in float64, over three steps.
 * Tolerance 1e-6 relative to the parameter's size plus 1e-9: float32 rounds each of about ten operations per
 * element to 6e-8.
 */
class FusedUpdateTest {
    @Test
    void threeFusedUpdatesFollowTheWrittenOutAlgorithm() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 40;
        float[] start = new float[n];
        float[][] grads = new float[3][n];
        for (int i = 0; i < n; i++) {
            start[i] = (float) random.nextGaussian();
            for (float[] g : grads) {
                g[i] = (float) (random.nextGaussian() * 0.1);
            }
        }
        INDArray weight = Nd4j.create(start, new long[] {8, 5}, 'c');
        INDArray bias = Nd4j.create(start.clone(), new long[] {n}, 'c');
        double lr = 0.01;
        double wd = 0.1;
        AdamW adam = new AdamW(0.9, 0.95, 1e-8, wd);
        for (float[] g : grads) {
            assertThat(FusedUpdate.applies(weight, Nd4j.create(g, new long[] {8, 5}, 'c'))).isTrue();
            adam.update(Map.of("w", weight, "b", bias), Map.of("w", Nd4j.create(g, new long[] {8, 5}, 'c'),
                    "b", Nd4j.create(g, new long[] {n}, 'c')), lr);
        }
        for (int i = 0; i < n; i++) {
            double[] expected = {start[i], start[i]};   // matrix (decayed), vector (not)
            for (int which = 0; which < 2; which++) {
                double p = start[i];
                double m = 0;
                double v = 0;
                for (int t = 1; t <= 3; t++) {
                    double g = grads[t - 1][i];
                    if (which == 0) {
                        p *= 1 - lr * wd;
                    }
                    m = 0.9 * m + 0.1 * g;
                    v = 0.95 * v + 0.05 * g * g;
                    p -= lr * (m / (1 - Math.pow(0.9, t))) / (Math.sqrt(v / (1 - Math.pow(0.95, t))) + 1e-8);
                }
                expected[which] = p;
            }
            assertThat(weight.getDouble(i / 5, i % 5)).as("w[%d]", i).isCloseTo(expected[0], within(1e-6 * Math.abs(expected[0]) + 1e-9));
            assertThat(bias.getDouble(i)).as("b[%d]", i).isCloseTo(expected[1], within(1e-6 * Math.abs(expected[1]) + 1e-9));
        }
    }

    @Test
    void viewsAndOtherTypesTakeTheArrayExpressions() {
        INDArray whole = Nd4j.zeros(DataType.FLOAT, 4, 4);
        assertThat(FusedUpdate.applies(whole, Nd4j.zeros(DataType.FLOAT, 4, 4))).isTrue();
        assertThat(FusedUpdate.applies(whole.getRow(1), Nd4j.zeros(DataType.FLOAT, 4))).isFalse();
        assertThat(FusedUpdate.applies(Nd4j.zeros(DataType.DOUBLE, 4), Nd4j.zeros(DataType.DOUBLE, 4))).isFalse();
        assertThat(FusedUpdate.applies(whole, Nd4j.zeros(DataType.FLOAT, 4, 4).dup('f'))).isFalse();
    }
}
