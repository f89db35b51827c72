package org.attentionexplorer.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.attentionexplorer.data.BatchSource;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.model.GptInit;
import org.attentionexplorer.model.GptModel;
import org.attentionexplorer.testing.CycleBatches;
import org.attentionexplorer.testing.TestTokenizer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class TrainerTest {
    private static final GptConfig CONFIG = new GptConfig(7, 8, 16, 2, 2, 0.1, false, false);

    /** Windows of the cycle 0 1 2 3 4 5 6 0 1 ..., starting at a step-dependent offset: easy to learn. */
    private static final BatchSource CYCLE = CycleBatches.of(3, 5);

    private static TrainingSettings settings(long steps) {
        return new TrainingSettings(steps, new LearningRateSchedule(1e-2, 1e-3, 3, steps, true), 0.1, 0.9, 0.95, 1.0,
                5, 2, 0, "", 0, 0, 42);
    }

    private static List<Double> stepLosses(List<TrainingEvent> events) {
        return events.stream().filter(e -> e instanceof TrainingEvent.Step).map(e -> ((TrainingEvent.Step) e).loss()).toList();
    }

    @Test
    void theLossFallsOnALearnablePattern() {
        GptModel model = GptInit.GPT2.create(CONFIG, 1, DataType.FLOAT);
        List<TrainingEvent> events = new ArrayList<>();
        Trainer trainer = new Trainer(model, new TestTokenizer(7), CYCLE, CYCLE, settings(40), null, null);
        trainer.addListener(events::add);
        assertThat(trainer.run()).isEqualTo(new TrainingEvent.Finished(40));
        List<Double> losses = stepLosses(events);
        assertThat(losses).hasSize(40);
        assertThat(losses.get(0)).isGreaterThan(1.7); // ln 7 = 1.95 at the start
        assertThat(losses.get(39)).isLessThan(0.5 * losses.get(0));
        assertThat(trainer.history()).hasSize(8); // every 5 steps
        assertThat(trainer.history().get(7).valLoss()).isLessThan(trainer.history().get(0).valLoss());
    }

    @Test
    void aResumedRunContinuesWithTheLossesOfAnUninterruptedOne() {
        List<TrainingEvent> straight = new ArrayList<>();
        Trainer whole = new Trainer(GptInit.GPT2.create(CONFIG, 1, DataType.FLOAT), new TestTokenizer(7), CYCLE, null,
                settings(16), null, null);
        whole.addListener(straight::add);
        whole.run();

        TrainingSettings firstHalf = settings(16);
        List<TrainingEvent> first = new ArrayList<>();
        List<TrainingSnapshot> saved = new ArrayList<>();
        Trainer part = new Trainer(GptInit.GPT2.create(CONFIG, 1, DataType.FLOAT), new TestTokenizer(7), CYCLE, null,
                firstHalf, snapshot -> {
                    saved.add(snapshot);
                    return Path.of("step-" + snapshot.step());
                }, null);
        part.addListener(first::add);
        part.addListener(e -> {
            if (e instanceof TrainingEvent.Step s && s.step() == 8) {
                part.cancel();
            }
        });
        assertThat(part.run()).isEqualTo(new TrainingEvent.Cancelled(8));
        TrainingSnapshot snapshot = part.snapshot();

        // A fresh process: the model rebuilt from the snapshot's tensors, the optimizer from its state.
        GptModel restored = GptModel.fromTensors(CONFIG, snapshot.weights(), DataType.FLOAT);
        List<TrainingEvent> second = new ArrayList<>();
        Trainer resumed = new Trainer(restored, new TestTokenizer(7), CYCLE, null, settings(16), null, snapshot);
        resumed.addListener(second::add);
        resumed.run();

        List<Double> joined = new ArrayList<>(stepLosses(first));
        joined.addAll(stepLosses(second));
        assertThat(joined).containsExactlyElementsOf(stepLosses(straight));
        assertThat(resumed.step()).isEqualTo(16);
    }

    @Test
    void aSnapshotWithoutOptimizerStateContinuesWithFreshMoments() {
        Trainer first = new Trainer(GptInit.GPT2.create(CONFIG, 1, DataType.FLOAT), new TestTokenizer(7), CYCLE, null,
                settings(4), null, null);
        first.run();
        TrainingSnapshot full = first.snapshot();
        TrainingSnapshot slim = new TrainingSnapshot(full.weights(), java.util.Map.of(), full.step(), full.tokensSeen(),
                full.seed(), full.history());
        Trainer resumed = new Trainer(GptModel.fromTensors(CONFIG, slim.weights(), DataType.FLOAT), new TestTokenizer(7), CYCLE,
                null, settings(8), null, slim);
        assertThat(resumed.run()).isEqualTo(new TrainingEvent.Finished(8));
        assertThat(resumed.history()).extracting(LossPoint::step).containsExactly(4L, 5L, 8L); // the first run ended at 4
        assertThat(resumed.snapshot().optimizerState()).isNotEmpty();
    }

    @Test
    void aNanLossStopsTheRunWithoutSavingTheBrokenWeights() {
        GptModel model = GptInit.GPT2.create(CONFIG, 1, DataType.FLOAT);
        List<Long> savedSteps = new ArrayList<>();
        TrainingSettings everyTwo = new TrainingSettings(10, LearningRateSchedule.constant(1e-3), 0, 0.9, 0.95, 1.0, 5, 1,
                0, "", 0, 2, 1);
        Trainer trainer = new Trainer(model, new TestTokenizer(7), CYCLE, null, everyTwo, snapshot -> {
            savedSteps.add(snapshot.step());
            return Path.of("ckpt");
        }, null);
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Step s && s.step() == 5) {
                model.parameters().get("wte.weight").putScalar(0, Float.NaN);
                model.parameters().get("wte.weight").putScalar(new long[] {1, 0}, Float.NaN);
            }
        });
        TrainingEvent end = trainer.run();
        assertThat(end).isInstanceOf(TrainingEvent.Failed.class);
        assertThat(((TrainingEvent.Failed) end).message()).contains("the loss became NaN at step 6", "last good one is kept");
        assertThat(savedSteps).containsExactly(2L, 4L);
    }

    @Test
    void weightsThatAreNotFiniteAreNeverSaved() {
        GptModel model = GptInit.GPT2.create(CONFIG, 1, DataType.FLOAT);
        List<Long> savedSteps = new ArrayList<>();
        TrainingSettings everyTwo = new TrainingSettings(10, LearningRateSchedule.constant(1e-3), 0, 0.9, 0.95, 1.0, 5, 1,
                0, "", 0, 2, 1);
        Trainer trainer = new Trainer(model, new TestTokenizer(7), CYCLE, null, everyTwo, snapshot -> {
            savedSteps.add(snapshot.step());
            return Path.of("ckpt");
        }, null);
        // Break a weight after the update of step 4, a checkpoint step, before its checkpoint is written.
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Step s && s.step() == 4) {
                model.parameters().get("h.0.mlp.c_fc.weight").putScalar(3, Float.POSITIVE_INFINITY);
            }
        });
        TrainingEvent end = trainer.run();
        assertThat(end).isInstanceOf(TrainingEvent.Failed.class);
        assertThat(((TrainingEvent.Failed) end).message()).contains("checkpoint of step 4 was not written", "previous checkpoint is kept");
        assertThat(savedSteps).containsExactly(2L);
    }

    @Test
    void pauseHoldsTheRunUntilResumedFromAnotherThread() throws Exception {
        Trainer trainer = new Trainer(GptInit.GPT2.create(CONFIG, 1, DataType.FLOAT), new TestTokenizer(7), CYCLE, null,
                settings(6), null, null);
        CountDownLatch pausedAtThree = new CountDownLatch(1);
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Step s && s.step() == 3) {
                trainer.pause();
                pausedAtThree.countDown();
            }
        });
        Thread thread = new Thread(trainer::run);
        thread.start();
        assertThat(pausedAtThree.await(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        assertThat(trainer.step()).isEqualTo(3);
        assertThat(trainer.isPaused()).isTrue();
        trainer.resume();
        thread.join(30_000);
        assertThat(trainer.step()).isEqualTo(6);
    }
}
