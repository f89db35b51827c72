package org.attentionexplorer.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attentionexplorer.math.FloatTensor;
import java.util.concurrent.CopyOnWriteArrayList;
import org.attentionexplorer.data.Batch;
import org.attentionexplorer.data.BatchSource;
import org.attentionexplorer.generate.Generator;
import org.attentionexplorer.generate.SamplingSettings;
import org.attentionexplorer.model.ComputeThreads;
import org.attentionexplorer.model.GptModel;
import org.attentionexplorer.text.Tokenizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a model: for each step, the batch {@code train.batch(step)}, forward, backward, clipping and an AdamW
 * update; every so often an evaluation, a sample and a checkpoint. Everything a step depends on (batch, dropout
 * masks, learning rate, optimizer state) is a function of the seed and the step, so a run resumed from a
 * checkpoint continues with the losses an uninterrupted run would have.
 *
 * <p>{@link #run()} blocks its thread; {@link #pause()}, {@link #resume()} and {@link #cancel()} may be called from
 * any other thread. A NaN or infinite loss stops the run before the broken weights reach a checkpoint.
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final GptModel model;
    private final Tokenizer tokenizer;
    private final BatchSource train;
    private final BatchSource validation;
    private final TrainingSettings settings;
    private final CheckpointSaver saver;
    private final AdamW optimizer;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final List<LossPoint> history; // appended on the training thread, read from any
    private final Object pauseLock = new Object();
    private volatile boolean paused;
    private volatile boolean cancelled;
    private volatile long step;
    private volatile long tokensSeen;

    /**
     * A run that starts at {@code resumeFrom} (null: a new run at step 0).
     *
     * @param validation may be null: validation loss is then NaN
     * @param saver      may be null: no checkpoints
     */
    public Trainer(GptModel model, Tokenizer tokenizer, BatchSource train, BatchSource validation, TrainingSettings settings,
            CheckpointSaver saver, TrainingSnapshot resumeFrom) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.train = train;
        this.validation = validation;
        this.settings = settings;
        this.saver = saver;
        this.optimizer = new AdamW(settings.beta1(), settings.beta2(), 1e-8, settings.weightDecay());
        this.history = new CopyOnWriteArrayList<>();
        if (resumeFrom != null) {
            if (resumeFrom.optimizerState().isEmpty()) {
                // A checkpoint saved without AdamW's moments: continue with fresh moments (not bit-identical).
                LOG.warn("the checkpoint has no optimizer state: continuing from step {} with fresh AdamW moments", resumeFrom.step());
            } else {
                optimizer.restore(resumeFrom.optimizerState(), resumeFrom.step(), model.parameters());
            }
            step = resumeFrom.step();
            tokensSeen = resumeFrom.tokensSeen();
            history.addAll(resumeFrom.history());
        }
    }

    public void addListener(TrainingListener listener) {
        listeners.add(listener);
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    public void cancel() {
        cancelled = true;
        resume();
    }

    public boolean isPaused() {
        return paused;
    }

    /** Steps completed so far. */
    public long step() {
        return step;
    }

    /** The losses measured so far. */
    public List<LossPoint> history() {
        return List.copyOf(history);
    }

    /** Everything needed to resume from here. Call it from the training thread (e.g. a listener) or when the run is not running. */
    public TrainingSnapshot snapshot() {
        return new TrainingSnapshot(model.toTensors(), optimizer.state(), step, tokensSeen, settings.seed(), history);
    }

    /** Trains up to {@code settings.steps()}; returns the last event (Finished, Cancelled or Failed). */
    public TrainingEvent run() {
        ComputeThreads.applyToThisThread();
        try (StepMemory memory = new StepMemory()) {
            return run(memory);
        }
    }

    private TrainingEvent run(StepMemory memory) {
        long firstStep = step;
        long started = System.nanoTime();
        double recentRate = 0;
        while (step < settings.steps()) {
            waitWhilePaused();
            if (cancelled) {
                return finish(new TrainingEvent.Cancelled(step));
            }
            long t0 = System.nanoTime();
            Batch batch = train.batch(step);
            StepOutcome outcome = memory.inside(() -> trainStep(batch));
            if (outcome.failure() != null) {
                return finish(new TrainingEvent.Failed(step, outcome.failure()));
            }
            step++;
            tokensSeen += batch.tokenCount();
            double seconds = (System.nanoTime() - t0) / 1e9;
            double rate = batch.tokenCount() / seconds;
            recentRate = recentRate == 0 ? rate : 0.8 * recentRate + 0.2 * rate;
            double eta = (settings.steps() - step) * batch.tokenCount() / recentRate;
            emit(new TrainingEvent.Step(step, settings.steps(), outcome.loss(), outcome.learningRate(), outcome.gradNorm(),
                    tokensSeen, recentRate, eta));

            if (step % settings.evalInterval() == 0 || step == settings.steps()) {
                evaluate(memory, outcome.learningRate());
            }
            if (settings.sampleInterval() > 0 && step % settings.sampleInterval() == 0) {
                sample(memory);
            }
            if (saver != null && ((settings.checkpointInterval() > 0 && step % settings.checkpointInterval() == 0)
                    || step == settings.steps())) {
                if (!save()) {
                    return finish(new TrainingEvent.Failed(step, "the checkpoint of step " + step + " was not written (a weight is "
                            + "not finite, or the disk refused it; see the log): training stopped and the previous checkpoint is kept"));
                }
            }
        }
        LOG.info("trained steps {} to {} in {} s", firstStep, step, String.format("%.1f", (System.nanoTime() - started) / 1e9));
        return finish(new TrainingEvent.Finished(step));
    }

    /** What one step gave: its loss, gradient norm and learning rate, or why it failed (null when it did not). */
    private record StepOutcome(double loss, double gradNorm, double learningRate, String failure) {
    }

    /** Forward, backward, clipping and the update of step {@code step + 1}; its arrays live in the step's workspace. */
    private StepOutcome trainStep(Batch batch) {
        GptModel.StepResult result = model.lossAndGradients(batch.inputs(), batch.targets(), settings.seed() * 1_000_003L + step);
        if (!Double.isFinite(result.loss())) {
            return new StepOutcome(result.loss(), Double.NaN, Double.NaN, "the loss became " + result.loss() + " at step "
                    + (step + 1) + "; training stopped and no checkpoint was written after it (the last good one is kept). "
                    + "Try a lower learning rate.");
        }
        double gradNorm = AdamW.clipGradients(result.gradients(), settings.gradClip());
        if (!Double.isFinite(gradNorm)) {
            return new StepOutcome(result.loss(), gradNorm, Double.NaN, "the gradients became " + gradNorm + " at step "
                    + (step + 1) + "; training stopped before the update, and no checkpoint was written after it. "
                    + "Try a lower learning rate.");
        }
        double learningRate = settings.schedule().at(step);
        optimizer.update(model.parameters(), result.gradients(), learningRate);
        return new StepOutcome(result.loss(), gradNorm, learningRate, null);
    }

    private void evaluate(StepMemory memory, double learningRate) {
        double trainLoss = meanLoss(memory, train);
        double valLoss = validation == null ? Double.NaN : meanLoss(memory, validation);
        LossPoint point = new LossPoint(step, tokensSeen, trainLoss, valLoss, learningRate);
        history.add(point);
        emit(new TrainingEvent.Evaluation(point));
    }

    /**
     * Mean evaluation-mode loss per token over the source's first batches, at most one epoch of them (the book's
     * calc_loss_loader with num_batches).
     */
    private double meanLoss(StepMemory memory, BatchSource source) {
        long batches = Math.min(settings.evalBatches(), source.batchesPerEpoch());
        double sum = 0;
        long tokens = 0;
        for (int i = 0; i < batches; i++) {
            Batch batch = source.batch(i);
            sum += memory.inside(() -> model.loss(batch.inputs(), batch.targets())) * batch.tokenCount();
            tokens += batch.tokenCount();
        }
        return sum / tokens;
    }

    private void sample(StepMemory memory) {
        String prompt = settings.samplePrompt();
        String text;
        try {
            text = memory.inside(() -> Generator.generate(model, tokenizer, prompt, SamplingSettings.greedy(settings.sampleTokens()),
                    s -> { }, () -> cancelled).text());
        } catch (IllegalArgumentException e) {
            LOG.warn("no sample at step {}: {}", step, e.getMessage());
            return;
        }
        emit(new TrainingEvent.Sample(step, prompt, text));
    }

    private boolean save() {
        TrainingSnapshot snapshot = snapshot();
        for (Map.Entry<String, FloatTensor> weight : snapshot.weights().entrySet()) {
            for (float value : weight.getValue().data()) {
                if (!Float.isFinite(value)) {
                    LOG.error("not saving step {}: {} holds {}", step, weight.getKey(), value);
                    return false;
                }
            }
        }
        try {
            Path path = saver.save(snapshot);
            emit(new TrainingEvent.CheckpointSaved(step, path));
            return true;
        } catch (IOException e) {
            LOG.error("could not write the checkpoint at step {}: {}", step, e.getMessage());
            return false;
        }
    }

    private void waitWhilePaused() {
        synchronized (pauseLock) {
            while (paused && !cancelled) {
                try {
                    pauseLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelled = true;
                }
            }
        }
    }

    private TrainingEvent finish(TrainingEvent event) {
        emit(event);
        return event;
    }

    private void emit(TrainingEvent event) {
        for (TrainingListener listener : listeners) {
            listener.onEvent(event);
        }
    }
}
