package org.attentionexplorer.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attentionexplorer.data.Batch;
import org.attentionexplorer.data.BatchSource;
import org.attentionexplorer.math.FloatTensor;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.model.GptInit;
import org.attentionexplorer.model.GptModel;
import org.attentionexplorer.testing.CycleBatches;
import org.attentionexplorer.testing.TestTokenizer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class StepMemoryTest {
    private static final GptConfig CONFIG = new GptConfig(7, 8, 16, 2, 2, 0.1, false, false);

    /** Windows of the cycle 0 1 2 3 4 5 6 0 1 ..., starting at a step-dependent offset: easy to learn. */
    private static final BatchSource CYCLE = CycleBatches.of(5, 3);

    private static TrainingSettings settings(long steps) {
        return new TrainingSettings(steps, new LearningRateSchedule(1e-2, 1e-3, 3, steps, true), 0.1, 0.9, 0.95, 1.0,
                4, 2, 5, "abc", 4, 0, 42);
    }

    @Test
    void arraysMadeInsideLiveInTheWorkspaceAndArraysMadeOutsideDoNot() {
        try (StepMemory memory = new StepMemory()) {
            boolean[] attached = memory.inside(() -> {
                INDArray scratch = Nd4j.ones(DataType.FLOAT, 64, 64).muli(2);
                INDArray kept = StepMemory.outside(() -> Nd4j.zeros(DataType.FLOAT, 64, 64));
                return new boolean[] {scratch.isAttached(), kept.isAttached()};
            });
            assertThat(attached).containsExactly(true, false);
            assertThat(memory.size()).as("the block learnt from the first scope").isGreaterThanOrEqualTo(64 * 64 * 4);
            assertThat(Nd4j.getWorkspaceManager().anyWorkspaceActiveForCurrentThread()).isFalse();
        }
    }

    @Test
    void closingReleasesTheBlock() {
        StepMemory memory = new StepMemory();
        memory.inside(() -> Nd4j.ones(DataType.FLOAT, 256, 256).sumNumber());
        assertThat(memory.size()).isPositive();
        memory.close();
        assertThat(memory.size()).isZero();
    }

    @Test
    void aRunInTheWorkspaceHasTheLossesAndWeightsOfTheSameStepsOnPlainArrays() {
        // The trainer, with dropout, evaluation every 4 steps and a sample every 5 (both inside the workspace too).
        GptModel trained = GptInit.GPT2.create(CONFIG, 3, DataType.FLOAT);
        List<Double> losses = new ArrayList<>();
        List<Double> valLosses = new ArrayList<>();
        List<String> samples = new ArrayList<>();
        Trainer trainer = new Trainer(trained, new TestTokenizer(7), CYCLE, CYCLE, settings(12), null, null);
        trainer.addListener(event -> {
            if (event instanceof TrainingEvent.Step s) {
                losses.add(s.loss());
            } else if (event instanceof TrainingEvent.Evaluation e) {
                valLosses.add(e.point().valLoss());
            } else if (event instanceof TrainingEvent.Sample sample) {
                samples.add(sample.text());
            }
        });
        trainer.run();

        // The same steps written out, no workspace anywhere.
        GptModel plain = GptInit.GPT2.create(CONFIG, 3, DataType.FLOAT);
        TrainingSettings s = settings(12);
        AdamW optimizer = new AdamW(s.beta1(), s.beta2(), 1e-8, s.weightDecay());
        List<Double> plainLosses = new ArrayList<>();
        List<Double> plainValLosses = new ArrayList<>();
        for (long step = 0; step < s.steps(); step++) {
            Batch batch = CYCLE.batch(step);
            GptModel.StepResult result = plain.lossAndGradients(batch.inputs(), batch.targets(), s.seed() * 1_000_003L + step);
            AdamW.clipGradients(result.gradients(), s.gradClip());
            optimizer.update(plain.parameters(), result.gradients(), s.schedule().at(step));
            plainLosses.add(result.loss());
            if ((step + 1) % s.evalInterval() == 0) {
                double sum = 0;
                for (int i = 0; i < s.evalBatches(); i++) {
                    sum += plain.loss(CYCLE.batch(i).inputs(), CYCLE.batch(i).targets());
                }
                plainValLosses.add(sum / s.evalBatches());
            }
        }

        assertThat(losses).hasSize(12).isEqualTo(plainLosses);
        assertThat(valLosses).hasSize(3).isEqualTo(plainValLosses);
        assertThat(samples).hasSize(2).allSatisfy(text -> assertThat(text).startsWith("abc").hasSizeGreaterThan(3));
        Map<String, FloatTensor> expected = plain.toTensors();
        trained.toTensors().forEach((name, tensor) -> assertThat(tensor.data()).as(name).containsExactly(expected.get(name).data()));
        // what outlives the run is outside any workspace
        trained.parameters().forEach((name, array) -> assertThat(array.isAttached()).as(name).isFalse());
        assertThat(Nd4j.getWorkspaceManager().anyWorkspaceActiveForCurrentThread()).isFalse();
    }
}
