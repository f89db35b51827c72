package org.attentionexplorer.ui.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.attentionexplorer.io.LoadedModel;
import org.attentionexplorer.train.LossPoint;
import org.attentionexplorer.ui.task.BackgroundWork;
import org.attentionexplorer.ui.train.TrainingViewModel.RunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training view model without a UI: updates are delivered on the training thread at once. */
class TrainingViewModelTest {
    @TempDir
    Path runs;

    private TrainingViewModel model(java.util.concurrent.Executor trainingThread) {
        TrainingViewModel model = new TrainingViewModel(BackgroundWork.sameThread(), trainingThread, Runnable::run, Duration.ZERO,
                Duration.ZERO);
        model.form().checkpointRootProperty().set(runs);
        model.form().stepsProperty().set(12);
        model.form().warmupStepsProperty().set(2);
        model.form().evalIntervalProperty().set(3);
        model.form().batchSizeProperty().set(4);
        model.form().sampleIntervalProperty().set(6);
        return model;
    }

    @Test
    void theDefaultFormIsATinyModelOnTheCopyTaskAndCanStart() {
        TrainingViewModel model = model(Runnable::run);
        assertThat(model.form().presetProperty().get()).isEqualTo("tiny");
        assertThat(model.form().contextLengthProperty().get()).as("the copy task's context").isEqualTo(16);
        assertThat(model.problems()).isEmpty();
        assertThat(model.canStartProperty().get()).isTrue();
        assertThat(model.stateProperty().get()).isEqualTo(RunState.IDLE);
    }

    @Test
    void badValuesAreNamedAndStartIsRefusedUntilTheyAreFixed() {
        TrainingViewModel model = model(Runnable::run);
        model.form().numHeadsProperty().set(3);
        model.form().contextLengthProperty().set(10);
        model.form().learningRateProperty().set(0.0);
        assertThat(model.problems()).containsExactly(
                "Context length: the copy task needs 16 tokens, the model has 10.",
                "Heads: 3 does not divide the embedding width 32 (each head gets width / heads).",
                "Learning rate: needs a number above 0 and at most 1, got 0.0.");
        assertThat(model.canStartProperty().get()).isFalse();
        model.start();
        assertThat(model.stateProperty().get()).isEqualTo(RunState.IDLE);
        assertThat(model.messageProperty().get()).startsWith("Cannot start: Context length");

        model.form().applyPreset("tiny");
        model.form().learningRateProperty().set(1e-3);
        assertThat(model.problems()).isEmpty();
        model.form().sourceProperty().set(TrainingForm.Source.TEXT_FILE);
        assertThat(model.problems()).containsExactly("Text: choose a .txt or .pdf file to train on, or a synthetic task.");
        model.form().chooseTextFile(runs.resolve("missing.txt"));
        assertThat(model.problems()).containsExactly("Text: " + runs.resolve("missing.txt") + " is not a file that can be read.");
    }

    @Test
    void theOpenGpt2ModelIsFineTunedAsACopyIntoOurCheckpoint() throws Exception {
        var spec = org.attentionexplorer.testing.Gpt2Fixtures.Spec.tiny("F32", false);
        var weights = org.attentionexplorer.testing.Gpt2Fixtures.weights(spec, 9);
        LoadedModel gpt2 = LoadedModel.read(org.attentionexplorer.testing.Gpt2Fixtures.write(runs.resolve("gpt2"), spec, weights));
        TrainingViewModel model = model(Runnable::run);
        model.form().fineTuneProperty().set(true);
        assertThat(model.problems()).containsExactly("Fine-tune: open a model first (File > Open model), or untick it to train a new one.");
        model.form().openModelProperty().set(gpt2);
        assertThat(model.problems()).first().asString().startsWith("Fine-tune: the open model is fine-tuned on a text");
        Path text = Files.writeString(runs.resolve("story.txt"), "The keeper lit the lamp and the ship saw it. ".repeat(30));
        model.form().chooseTextFile(text);
        model.form().stepsProperty().set(2);
        model.form().warmupStepsProperty().set(0);
        model.form().evalIntervalProperty().set(2);
        model.form().batchSizeProperty().set(2);
        model.form().contextLengthProperty().set(8);
        assertThat(model.problems()).isEmpty();
        model.start();
        assertThat(model.stateProperty().get()).as(model.messageProperty().get()).isEqualTo(RunState.FINISHED);
        LoadedModel saved = LoadedModel.read(model.runFolderProperty().get().resolve("checkpoint.safetensors"));
        assertThat(saved.origin()).isEqualTo(LoadedModel.Origin.CHECKPOINT);
        assertThat(saved.model().config()).isEqualTo(gpt2.model().config());
        assertThat(saved.tokenizer().kind()).isEqualTo("gpt2");
        assertThat(saved.checkpoint().training().get("init").asText()).isEqualTo("pretrained");
        assertThat(saved.checkpoint().training().get("window").asInt()).as("the context length field is the window").isEqualTo(8);
        assertThat(saved.checkpoint().tokensSeen()).isEqualTo(2 * 2 * 8);
        assertThat(saved.model().toTensors().get("h.0.mlp.c_fc.weight")).as("trained").isNotEqualTo(weights.get("h.0.mlp.c_fc.weight"));
        assertThat(gpt2.model().toTensors().get("h.0.mlp.c_fc.weight")).as("the open model is untouched").isEqualTo(weights.get("h.0.mlp.c_fc.weight"));
    }

    @Test
    void aShortRunReportsEveryEvaluationASampleTheProbeAndItsCheckpointWhichOpens() throws Exception {
        TrainingViewModel model = model(Runnable::run);
        model.start();
        assertThat(model.stateProperty().get()).as(model.messageProperty().get()).isEqualTo(RunState.FINISHED);
        assertThat(model.history()).extracting(LossPoint::step).containsExactly(3L, 6L, 9L, 12L);
        assertThat(model.history()).allMatch(p -> Double.isFinite(p.trainLoss()) && Double.isFinite(p.valLoss()));
        assertThat(model.history().get(3).trainLoss()).as("the copy task is learned a little").isLessThan(model.history().get(0).trainLoss());
        assertThat(model.stepProperty().get()).isEqualTo(12);
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.tokensPerSecondProperty().get()).isPositive();
        assertThat(model.sampleProperty().get()).startsWith("step 12: ");
        assertThat(model.runDescriptionProperty().get()).startsWith("task copy:").contains("parameters");

        assertThat(model.probeStepProperty().get()).isEqualTo(12);
        int tokens = model.probeTraceProperty().get().tokens().size();
        assertThat(tokens).isEqualTo(16);
        assertThat(model.probeHeatmapProperty().get().rows()).isEqualTo(tokens);
        assertThat(model.probeHeatmapProperty().get().values().get(0, 1)).as("causal: the first token sees only itself").isZero();

        Path saved = model.runFolderProperty().get().resolve("checkpoint.safetensors");
        assertThat(model.messageProperty().get()).isEqualTo("Finished 12 steps; saved " + saved + ".");
        assertThat(LoadedModel.read(saved).checkpoint().step()).isEqualTo(12);
        assertThat(Files.readAllLines(model.runFolderProperty().get().resolve("history.csv"))).hasSize(5);
        assertThat(model.checkpoints()).extracting(CheckpointList.Entry::path).containsExactly(saved);
        assertThat(model.running()).isFalse();

        // another layer and head of the same trace, within the model's; a checkpoint opens through the callback
        model.probeLayerProperty().set(7);
        model.probeHeadProperty().set(9);
        assertThat(model.probeLayerProperty().get()).isEqualTo(1);
        assertThat(model.probeHeadProperty().get()).isEqualTo(3);
        assertThat(model.probeHeatmapProperty().get().explain(2, 1)).startsWith("layer 1, head 3: weight of");

        List<Path> opened = new ArrayList<>();
        model.openCheckpoint(runs.resolve("x.safetensors"));
        assertThat(opened).isEmpty();
        assertThat(model.messageProperty().get()).contains("not available");
        model.onOpenCheckpointProperty().set(opened::add);
        model.openCheckpoint(model.checkpoints().get(0).path());
        assertThat(opened).containsExactly(model.checkpoints().get(0).path());
    }

    @Test
    void stoppingMidRunSavesTheLastStepBeforeItReturns() throws Exception {
        List<Thread> threads = new ArrayList<>();
        TrainingViewModel model = model(runnable -> {
            Thread thread = new Thread(runnable, "test-training");
            threads.add(thread);
            thread.start();
        });
        model.form().stepsProperty().set(100_000);
        CountDownLatch threeSteps = new CountDownLatch(1);
        model.stepProperty().addListener((o, was, is) -> {
            if (is.longValue() >= 3) {
                threeSteps.countDown();
            }
        });
        model.start();
        assertThat(model.running()).isTrue();
        assertThat(threeSteps.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(model.stopAndWait(Duration.ofSeconds(60))).isTrue();
        threads.get(0).join();

        assertThat(model.running()).isFalse();
        assertThat(model.stateProperty().get()).isEqualTo(RunState.STOPPED);
        long step = model.stepProperty().get();
        assertThat(step).isBetween(3L, 99_999L);
        Path saved = model.runFolderProperty().get().resolve("checkpoint.safetensors");
        assertThat(LoadedModel.read(saved).checkpoint().step()).as("the checkpoint holds the last completed step").isEqualTo(step);
        try (var files = Files.list(model.runFolderProperty().get())) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).as("no temporary file left")
                    .contains("checkpoint.safetensors").isSubsetOf("checkpoint.safetensors", "history.csv");
        }
    }

    @Test
    void aFinishedRunContinuesFromItsCheckpointWithItsHistoryUpToTheNewStepsAndInTheSameFolder() {
        TrainingViewModel model = model(Runnable::run);
        model.start();
        Path folder = model.runFolderProperty().get();
        Path saved = folder.resolve("checkpoint.safetensors");
        assertThat(model.checkpoints()).extracting(CheckpointList.Entry::step).containsExactly(12L);

        model.continueTraining(saved);
        assertThat(model.stateProperty().get()).as("at its end already").isEqualTo(RunState.FAILED);
        assertThat(model.messageProperty().get()).isEqualTo("Training failed: " + folder.getFileName()
                + " has trained 12 steps, the end of its run: set Steps (under Optimisation) above 12 to train it further");

        model.form().stepsProperty().set(18);
        model.continueTraining(saved);
        assertThat(model.stateProperty().get()).as(model.messageProperty().get()).isEqualTo(RunState.FINISHED);
        assertThat(model.runFolderProperty().get()).isEqualTo(folder);
        assertThat(model.history()).extracting(LossPoint::step).as("the first run's evaluations, then the new ones")
                .containsExactly(3L, 6L, 9L, 12L, 15L, 18L);
        assertThat(model.stepProperty().get()).isEqualTo(18);
        assertThat(LoadedModel.read(saved).checkpoint().step()).isEqualTo(18);
        assertThat(model.checkpoints()).extracting(CheckpointList.Entry::step).containsExactly(18L);
    }

    @Test
    void aCheckpointThatDoesNotSayHowItWasTrainedIsRefusedWithAMessage() {
        TrainingViewModel model = model(Runnable::run);
        Path loose = org.attentionexplorer.testing.TinyCheckpoints.write(runs.resolve("loose.safetensors"), "abc", 5);
        model.continueTraining(loose);
        assertThat(model.stateProperty().get()).isEqualTo(RunState.FAILED);
        assertThat(model.messageProperty().get()).startsWith("Training failed: ").contains(loose.toString())
                .contains("it does not say how the model was trained").endsWith("open it as a model instead");
        assertThat(LoadedModel.read(loose).checkpoint().step()).as("the file is untouched").isEqualTo(5);
    }
}
