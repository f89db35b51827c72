package org.attentionexplorer.ui.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.attentionexplorer.data.Batch;
import org.attentionexplorer.data.SyntheticTasks;
import org.attentionexplorer.io.AppVersion;
import org.attentionexplorer.io.Checkpoint;
import org.attentionexplorer.io.CheckpointException;
import org.attentionexplorer.io.Checkpoints;
import org.attentionexplorer.io.LoadedModel;
import org.attentionexplorer.model.GptModel;
import org.attentionexplorer.model.ModelTrace;
import org.attentionexplorer.model.ModelTracer;
import org.attentionexplorer.text.TokenizerJson;
import org.attentionexplorer.train.FreshModel;
import org.attentionexplorer.train.HistoryCsv;
import org.attentionexplorer.train.LossPoint;
import org.attentionexplorer.train.Trainer;
import org.attentionexplorer.train.TrainingData;
import org.attentionexplorer.train.TrainingEvent;
import org.attentionexplorer.train.TrainingSettings;
import org.attentionexplorer.train.TrainingSettingsJson;
import org.attentionexplorer.train.TrainingSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training run on its own thread: loads the data, builds the model, trains, traces the probe sentence now and
 * then, and saves the checkpoint and loss history into the run's folder (the command line's layout, so
 * {@code train --resume} continues it). Everything it reports is an immutable {@link Update} handed to a consumer
 * on the training thread (the view model batches them onto the FX thread). No JavaFX here.
 *
 * <p>Stopping saves a checkpoint of the last completed step before {@link #done()} completes; checkpoints are
 * written atomically, so a file is never half-written whatever happens to the process.
 */
public final class TrainingRun implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);
    static final String CHECKPOINT_FILE = "checkpoint.safetensors";
    static final String HISTORY_FILE = "history.csv";
    private static final int PROBE_TOKENS = 48;
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** How a run ended. */
    public enum Outcome { FINISHED, STOPPED, FAILED }

    /** What a run reports, in order. */
    public sealed interface Update {
    }

    /**
     * The data is loaded and the model built; training starts at {@code firstStep} (0, or the step a continued run
     * was saved at, whose loss history so far is {@code history}).
     */
    public record Prepared(String description, Path folder, long parameters, long totalSteps, long firstStep,
            List<LossPoint> history) implements Update {
    }

    /** An event of the trainer. */
    public record Event(TrainingEvent event) implements Update {
    }

    /** A trace of the probe sentence after {@code step} steps. */
    public record Probe(long step, ModelTrace trace) implements Update {
    }

    /** The run is over: nothing follows. {@code message} says what happened and what was kept. */
    public record Ended(Outcome outcome, long step, String message) implements Update {
    }

    private final TrainingPlan plan;          // a new model, or null when continuing
    private final ContinuePlan continuing;    // a saved run going on, or null
    private final String probeText;
    private final long probeIntervalNanos;
    private final Consumer<Update> updates;
    private final CompletableFuture<Ended> done = new CompletableFuture<>();
    private volatile Trainer trainer;
    private volatile boolean cancelled;
    private volatile boolean pauseRequested;
    private long lastProbe = Long.MIN_VALUE / 2;
    private boolean probeBroken;

    /** A run that trains a new model. */
    public TrainingRun(TrainingPlan plan, Consumer<Update> updates) {
        this.plan = plan;
        this.continuing = null;
        this.probeText = plan.probeText();
        this.probeIntervalNanos = plan.probeIntervalNanos();
        this.updates = updates;
    }

    /** A run that continues the one saved in a checkpoint. */
    public TrainingRun(ContinuePlan continuing, Consumer<Update> updates) {
        this.plan = null;
        this.continuing = continuing;
        this.probeText = continuing.probeText();
        this.probeIntervalNanos = continuing.probeIntervalNanos();
        this.updates = updates;
    }

    /** Completes (on the training thread) once the run is over and its checkpoint, if any, is on disk. */
    public CompletableFuture<Ended> done() {
        return done;
    }

    public void pause() {
        pauseRequested = true;
        Trainer t = trainer;
        if (t != null) {
            t.pause();
        }
    }

    public void resume() {
        pauseRequested = false;
        Trainer t = trainer;
        if (t != null) {
            t.resume();
        }
    }

    /** Stops after the current step; the run then saves a checkpoint and ends. Any thread. */
    public void cancel() {
        cancelled = true;
        Trainer t = trainer;
        if (t != null) {
            t.cancel();
        }
    }

    @Override
    public void run() {
        Ended end;
        try {
            end = train();
        } catch (IOException e) {
            end = new Ended(Outcome.FAILED, 0, e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException | CheckpointException e) {
            // bad data or settings the form could not see (e.g. a text too short for one batch): the message says where
            end = new Ended(Outcome.FAILED, 0, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("training failed", e);
            end = new Ended(Outcome.FAILED, 0, "training failed unexpectedly: " + e + " (see the log)");
        }
        updates.accept(end);
        done.complete(end);
    }

    /** What a run trains and where it writes: a fresh model of the plan, or a saved run going on. */
    private record Setup(GptModel model, TrainingData data, TrainingSettings settings, Path folder, ObjectNode training,
            TrainingSnapshot resumeFrom) {
    }

    private Setup fresh() throws IOException {
        LoadedModel from = plan.startFrom();
        TrainingData data;
        GptModel model;
        if (from != null) {
            // fine-tuning: the open model's tokenizer and context; a copy, since the app keeps tracing the original
            data = TrainingData.fromTextFile(plan.textFile(), plan.tokenizer(), from.tokenizer(), window(plan),
                    plan.batchSize(), plan.trainShare(), plan.settings().seed());
            model = FreshModel.copyOf(from.model());
        } else {
            data = plan.source() == TrainingForm.Source.TASK
                    ? TrainingData.fromTask(SyntheticTasks.byName(plan.task()), plan.batchSize(), plan.settings().seed())
                    : TrainingData.fromTextFile(plan.textFile(), plan.tokenizer(), null, plan.config().contextLength(), plan.batchSize(),
                            plan.trainShare(), plan.settings().seed());
            model = FreshModel.forData(plan.config(), data, plan.init(), plan.settings().seed());
        }
        Path folder = plan.checkpointRoot().resolve(plan.name() + "-" + LocalDateTime.now().format(FOLDER_TIME));
        return new Setup(model, data, plan.settings(), folder, trainingJson(), null);
    }

    /** A run folder's checkpoint is continued in place (its history goes on in the same files); a loose file gets a new folder. */
    private Setup continued() throws IOException {
        Path file = continuing.checkpoint();
        Continuation c = Continuation.of(file, continuing.steps());
        Path runFolder = runFolderOf(file);
        Path folder = runFolder != null ? runFolder
                : continuing.checkpointRoot().resolve(Continuation.name(file) + "-" + LocalDateTime.now().format(FOLDER_TIME));
        return new Setup(c.loaded().model(), c.data(), c.settings(), folder, c.training(), c.snapshot());
    }

    /** The run folder a checkpoint belongs to (the parent of a run's {@value #CHECKPOINT_FILE}), or null for a loose file. */
    static Path runFolderOf(Path file) {
        Path parent = file.getParent();
        return file.getFileName().toString().equals(CHECKPOINT_FILE) && parent != null && parent.getFileName() != null
                ? parent : null;
    }

    private Ended train() throws IOException {
        Setup setup = continuing != null ? continued() : fresh();
        GptModel model = setup.model();
        TrainingData data = setup.data();
        Path folder = setup.folder();
        Files.createDirectories(folder);
        Path checkpointFile = folder.resolve(CHECKPOINT_FILE);
        Path historyFile = folder.resolve(HISTORY_FILE);
        ObjectNode training = setup.training();
        String probe = probeText.isBlank() ? defaultProbe(data) : probeText;

        Trainer t = new Trainer(model, data.tokenizer(), data.train(), data.validation(), setup.settings(),
                snapshot -> save(checkpointFile, model, data, snapshot, training), setup.resumeFrom());
        t.addListener(event -> {
            updates.accept(new Event(event));
            if (event instanceof TrainingEvent.Evaluation) {
                try {
                    HistoryCsv.write(historyFile, t.history());
                } catch (IOException e) {
                    LOG.warn("could not write {}: {}", historyFile, e.getMessage());
                }
            }
            if (event instanceof TrainingEvent.Step s && System.nanoTime() - lastProbe >= probeIntervalNanos) {
                probe(model, data, probe, s.step());
            }
        });
        trainer = t;
        if (pauseRequested) {
            t.pause();
        }
        long first = t.step();
        if (cancelled) {
            return new Ended(Outcome.STOPPED, first, "stopped before the first step; nothing was saved");
        }
        updates.accept(new Prepared(data.description(), folder, model.parameterCount(false), setup.settings().steps(), first,
                List.copyOf(t.history())));
        probe(model, data, probe, first);

        TrainingEvent last = t.run();
        probe(model, data, probe, t.step());
        if (last instanceof TrainingEvent.Failed failed) {
            return new Ended(Outcome.FAILED, failed.step(), failed.message());
        }
        if (last instanceof TrainingEvent.Cancelled) {
            if (t.step() == first) {
                return new Ended(Outcome.STOPPED, first, "stopped before the first step; nothing was saved");
            }
            Path saved = save(checkpointFile, model, data, t.snapshot(), training);
            updates.accept(new Event(new TrainingEvent.CheckpointSaved(t.step(), saved)));
            return new Ended(Outcome.STOPPED, t.step(), "stopped at step " + t.step() + "; saved " + saved);
        }
        return new Ended(Outcome.FINISHED, t.step(), "finished " + t.step() + " steps; saved " + checkpointFile);
    }

    /** Traces the probe sentence on the training thread, between steps, so the weights cannot change under it. */
    private void probe(GptModel model, TrainingData data, String probe, long step) {
        lastProbe = System.nanoTime();
        if (probeBroken) {
            return;
        }
        try {
            updates.accept(new Probe(step, ModelTracer.trace(model, data.tokenizer(), probe, 0)));
        } catch (IllegalArgumentException e) {
            probeBroken = true;
            LOG.warn("the probe sentence cannot be traced: {}", e.getMessage());
        }
    }

    /** The start of the validation data (or of the first training batch), up to {@value #PROBE_TOKENS} tokens. */
    private static String defaultProbe(TrainingData data) {
        Batch batch = (data.validation() != null ? data.validation() : data.train()).batch(0);
        int[] row = batch.inputs()[0];
        return data.tokenizer().decode(Arrays.copyOf(row, Math.min(row.length, PROBE_TOKENS)));
    }

    private Path save(Path file, GptModel model, TrainingData data, TrainingSnapshot snapshot, ObjectNode training) throws IOException {
        Checkpoints.write(file, new Checkpoint(model.config(), TokenizerJson.toJson(data.tokenizer()), snapshot.weights(),
                snapshot.optimizerState(), snapshot.step(), snapshot.tokensSeen(), snapshot.seed(), snapshot.history(), training,
                AppVersion.current()));
        return file;
    }

    /** Fine-tuning trains on windows of the form's context length, at most the model's (memory grows with its square). */
    private static int window(TrainingPlan plan) {
        return Math.min(plan.config().contextLength(), plan.startFrom().model().config().contextLength());
    }

    /** The settings as the command line writes them, so {@code train --resume} continues the run with its own. */
    private ObjectNode trainingJson() {
        ObjectNode training = TrainingSettingsJson.toJson(plan.settings());
        training.put("batchSize", plan.batchSize());
        training.put("trainRatio", plan.trainShare());
        training.put("init", plan.startFrom() != null ? "pretrained" : plan.init().name().toLowerCase(java.util.Locale.ROOT));
        if (plan.startFrom() != null) {
            training.put("pretrained", plan.startFrom().source().toString());
            training.put("window", window(plan));
        }
        if (plan.source() == TrainingForm.Source.TASK) {
            training.put("task", plan.task());
        } else {
            training.put("text", plan.textFile().toAbsolutePath().toString()); // found again when the run is continued
        }
        return training;
    }
}
