package org.attentionexplorer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The hand-written backward pass against central finite differences, in float64 on a tiny model. For every
 * parameter tensor a few elements are perturbed by +-1e-5; the analytic and numeric gradients must agree to a
 * relative error below 1e-5 (seen: about 1e-8), or an absolute one below 1e-9 where both are tiny.
 */
class GradientCheckTest {
    private static final double H = 1e-5;

    @ParameterizedTest(name = "qkvBias={0}, tiedHead={1}, dropout={2}")
    @CsvSource({"false, false, 0.0", "true, true, 0.0", "true, false, 0.3"})
    void analyticGradientsMatchFiniteDifferences(boolean qkvBias, boolean tiedHead, double dropout) {
        GptConfig config = new GptConfig(11, 6, 8, 2, 2, dropout, qkvBias, tiedHead);
        GptModel model = GptInit.GPT2.create(config, 7, DataType.DOUBLE);
        // Larger weights than GPT-2's 0.02 so that every path carries a visible gradient.
        SplittableRandom random = new SplittableRandom(3);
        model.parameters().values().forEach(p -> {
            for (long i = 0; i < p.length(); i++) {
                p.putScalar(i, p.getDouble(i) + random.nextGaussian() * 0.3);
            }
        });
        int[][] inputs = {{1, 4, 2, 9, 3, 0}, {5, 5, 10, 7, 6, 2}};
        int[][] targets = {{4, 2, 9, 3, 0, 8}, {5, 10, 7, 6, 2, 1}};
        long seed = 99;
        GptModel.StepResult step = model.lossAndGradients(inputs, targets, seed);
        assertThat(step.loss()).isCloseTo(model.trainingLoss(inputs, targets, seed), org.assertj.core.data.Offset.offset(1e-12));

        double worst = 0;
        for (Map.Entry<String, INDArray> entry : model.parameters().entrySet()) {
            INDArray parameter = entry.getValue();
            INDArray gradient = step.gradients().get(entry.getKey());
            for (int probe = 0; probe < 3; probe++) {
                long i = random.nextLong(parameter.length());
                double original = parameter.getDouble(i);
                parameter.putScalar(i, original + H);
                double plus = model.trainingLoss(inputs, targets, seed);
                parameter.putScalar(i, original - H);
                double minus = model.trainingLoss(inputs, targets, seed);
                parameter.putScalar(i, original);
                double numeric = (plus - minus) / (2 * H);
                double analytic = gradient.getDouble(i);
                double error = Math.abs(numeric - analytic);
                double scale = Math.max(Math.abs(numeric), Math.abs(analytic));
                if (error > 1e-9) {
                    worst = Math.max(worst, error / scale);
                    assertThat(error / scale).as("%s[%d]: analytic %g, numeric %g", entry.getKey(), i, analytic, numeric)
                            .isLessThan(1e-5);
                }
            }
        }
        assertThat(worst).isLessThan(1e-5);
    }
}
