package org.attentionexplorer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AdamWTest {

    /** PyTorch's AdamW written out for one scalar: the reference the ND4J update is held to (tolerance 1e-12, float64). */
    private static double[] reference(double p, double[] grads, double lr, double b1, double b2, double eps, double wd) {
        double m = 0;
        double v = 0;
        for (int t = 1; t <= grads.length; t++) {
            double g = grads[t - 1];
            p -= lr * wd * p;
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            double mHat = m / (1 - Math.pow(b1, t));
            double vHat = v / (1 - Math.pow(b2, t));
            p -= lr * mHat / (Math.sqrt(vHat) + eps);
        }
        return new double[] {p, m, v};
    }

    @Test
    void updatesMatchTheWrittenOutAlgorithmAndDecayOnlyMatrices() {
        AdamW adam = new AdamW(0.9, 0.95, 1e-8, 0.1);
        INDArray weight = Nd4j.create(new double[][] {{0.5, -1.0}, {2.0, 0.25}});
        INDArray bias = Nd4j.create(new double[] {0.5, -1.0});
        Map<String, INDArray> params = new LinkedHashMap<>(Map.of("w", weight, "b", bias));
        double[][] grads = {{0.1, -0.3, 0.05, 1.0}, {-0.2, 0.4, 0.0, 0.7}, {0.3, 0.3, -0.1, -0.5}};
        for (double[] g : grads) {
            adam.update(params, Map.of("w", Nd4j.create(new double[][] {{g[0], g[1]}, {g[2], g[3]}}),
                    "b", Nd4j.create(new double[] {g[0], g[1]})), 0.01);
        }
        double[] start = {0.5, -1.0, 2.0, 0.25};
        for (int i = 0; i < 4; i++) {
            double[] series = {grads[0][i], grads[1][i], grads[2][i]};
            assertThat(weight.getDouble(i / 2, i % 2)).isCloseTo(reference(start[i], series, 0.01, 0.9, 0.95, 1e-8, 0.1)[0], within(1e-12));
        }
        for (int i = 0; i < 2; i++) {
            double[] series = {grads[0][i], grads[1][i], grads[2][i]};
            assertThat(bias.getDouble(i)).as("biases are not decayed")
                    .isCloseTo(reference(start[i], series, 0.01, 0.9, 0.95, 1e-8, 0.0)[0], within(1e-12));
        }
        assertThat(adam.step()).isEqualTo(3);
    }

    @Test
    void stateRestoresToTheSameNextUpdate() {
        Map<String, INDArray> a = new LinkedHashMap<>(Map.of("w", Nd4j.create(new float[][] {{1f, 2f}})));
        Map<String, INDArray> b = new LinkedHashMap<>(Map.of("w", Nd4j.create(new float[][] {{1f, 2f}})));
        AdamW first = AdamW.withDefaults();
        first.update(a, Map.of("w", Nd4j.create(new float[][] {{0.5f, -0.5f}})), 0.1);
        b.get("w").assign(a.get("w"));
        AdamW second = AdamW.withDefaults();
        second.restore(first.state(), first.step(), b);
        first.update(a, Map.of("w", Nd4j.create(new float[][] {{0.2f, 0.1f}})), 0.1);
        second.update(b, Map.of("w", Nd4j.create(new float[][] {{0.2f, 0.1f}})), 0.1);
        assertThat(b.get("w")).isEqualTo(a.get("w"));
    }

    @Test
    void clippingScalesTheGlobalNormDown() {
        Map<String, INDArray> grads = Map.of("a", Nd4j.create(new double[] {3, 0}), "b", Nd4j.create(new double[] {0, 4}));
        assertThat(AdamW.clipGradients(grads, 1.0)).isCloseTo(5.0, within(1e-12));
        assertThat(grads.get("a").getDouble(0)).isCloseTo(0.6, within(1e-6));
        assertThat(grads.get("b").getDouble(1)).isCloseTo(0.8, within(1e-6));
    }

    @Test
    void scheduleWarmsUpLinearlyThenDecaysAlongACosine() {
        LearningRateSchedule schedule = new LearningRateSchedule(1e-3, 1e-4, 10, 110, true);
        assertThat(schedule.at(0)).isCloseTo(1e-4, within(1e-15));
        assertThat(schedule.at(9)).isCloseTo(1e-3, within(1e-15));
        assertThat(schedule.at(60)).isCloseTo(5.5e-4, within(1e-12)); // halfway down the cosine
        assertThat(schedule.at(110)).isCloseTo(1e-4, within(1e-15));
        assertThat(schedule.at(500)).isCloseTo(1e-4, within(1e-15));
        assertThat(LearningRateSchedule.constant(3e-4).at(1234)).isEqualTo(3e-4);
    }
}
