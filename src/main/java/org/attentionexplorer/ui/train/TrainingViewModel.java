package org.attentionexplorer.ui.train;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.attentionexplorer.model.ModelTrace;
import org.attentionexplorer.train.LossPoint;
import org.attentionexplorer.train.TrainingEvent;
import org.attentionexplorer.ui.heatmap.HeatmapData;
import org.attentionexplorer.ui.task.BackgroundWork;

/**
 * The training view's state and commands: the {@link TrainingForm}, start / pause / resume / stop, and what a
 * running {@link TrainingRun} reports, batched onto the UI thread at most once per interval ({@link EventBatcher}):
 * progress, tokens/s, ETA, the loss history, the latest sample, the probe sentence's attention for a chosen
 * layer and head, and the checkpoints under the run folder. No controls: tested without a UI.
 *
 * <p>For the app: {@link #running()} and {@link #stopAndWait(Duration)} for the close dialog, and
 * {@link #onOpenCheckpointProperty()}, called with a checkpoint the user opens.
 */
public final class TrainingViewModel {
    /** The shortest time between two batches of updates reaching the FX thread in the app. */
    public static final Duration UI_INTERVAL = Duration.ofMillis(100);
    /** The shortest time between two traces of the probe sentence in the app. */
    public static final Duration PROBE_INTERVAL = Duration.ofMillis(1500);

    /** Where the view model's run is. */
    public enum RunState {
        IDLE, PREPARING, RUNNING, PAUSED, STOPPING, FINISHED, STOPPED, FAILED;

        /** A run exists and has not ended. */
        public boolean active() {
            return this == PREPARING || this == RUNNING || this == PAUSED || this == STOPPING;
        }
    }

    private final BackgroundWork.Slot listing;
    private final Executor trainingThread;
    private final Executor ui;
    private final EventBatcher<TrainingRun.Update> batcher;
    private final long probeIntervalNanos;
    private final TrainingForm form = new TrainingForm();
    private volatile TrainingRun run;

    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.IDLE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper runDescription = new ReadOnlyStringWrapper(this, "runDescription", "");
    private final ReadOnlyObjectWrapper<Path> runFolder = new ReadOnlyObjectWrapper<>(this, "runFolder");
    private final ReadOnlyLongWrapper step = new ReadOnlyLongWrapper(this, "step");
    private final ReadOnlyLongWrapper totalSteps = new ReadOnlyLongWrapper(this, "totalSteps");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyDoubleWrapper loss = new ReadOnlyDoubleWrapper(this, "loss", Double.NaN);
    private final ReadOnlyDoubleWrapper tokensPerSecond = new ReadOnlyDoubleWrapper(this, "tokensPerSecond", Double.NaN);
    private final ReadOnlyDoubleWrapper etaSeconds = new ReadOnlyDoubleWrapper(this, "etaSeconds", Double.NaN);
    private final ObservableList<LossPoint> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper sample = new ReadOnlyStringWrapper(this, "sample", "");
    private final ReadOnlyObjectWrapper<ModelTrace> probeTrace = new ReadOnlyObjectWrapper<>(this, "probeTrace");
    private final ReadOnlyLongWrapper probeStep = new ReadOnlyLongWrapper(this, "probeStep", -1);
    private final IntegerProperty probeLayer = new SimpleIntegerProperty(this, "probeLayer", 0);
    private final IntegerProperty probeHead = new SimpleIntegerProperty(this, "probeHead", 0);
    private final ReadOnlyObjectWrapper<HeatmapData> probeHeatmap = new ReadOnlyObjectWrapper<>(this, "probeHeatmap");
    private final ObservableList<CheckpointList.Entry> checkpoints = FXCollections.observableArrayList();
    private final ObjectProperty<Consumer<Path>> onOpenCheckpoint = new SimpleObjectProperty<>(this, "onOpenCheckpoint");
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
    private final BooleanProperty tokensOnXAxis = new SimpleBooleanProperty(this, "tokensOnXAxis", false);
    private final BooleanBinding canStart;

    /**
     * @param work           small background jobs (listing checkpoints)
     * @param trainingThread where a run's training loop runs (its own thread: it blocks for the whole run)
     * @param ui             the UI thread ({@code Platform::runLater}); updates are delivered there
     * @param uiInterval     the shortest time between two deliveries ({@link #UI_INTERVAL}; 0 in tests)
     * @param probeInterval  the shortest time between two probe traces ({@link #PROBE_INTERVAL}; 0: every step)
     */
    public TrainingViewModel(BackgroundWork work, Executor trainingThread, Executor ui, Duration uiInterval, Duration probeInterval) {
        this.listing = work.newSlot();
        this.trainingThread = trainingThread;
        this.ui = ui;
        this.batcher = new EventBatcher<>(ui, uiInterval.toNanos(), this::deliver);
        this.probeIntervalNanos = probeInterval.toNanos();
        canStart = Bindings.createBooleanBinding(() -> problems.isEmpty() && !state.get().active(), problems, state);
        form.observables().forEach(o -> o.addListener(x -> validate()));
        form.checkpointRootProperty().addListener((o, was, is) -> refreshCheckpoints());
        probeTrace.addListener(x -> showProbe());
        probeLayer.addListener(x -> showProbe());
        probeHead.addListener(x -> showProbe());
        validate();
        refreshCheckpoints();
    }

    /** The app's view model: runs on a daemon thread each, updates through {@code Platform::runLater} every 100 ms. */
    public static TrainingViewModel forApp(BackgroundWork work) {
        Executor thread = runnable -> {
            Thread t = new Thread(runnable, "attention-explorer-training");
            t.setDaemon(true); // closing the app goes through stopAndWait, which waits for the checkpoint
            t.start();
        };
        return new TrainingViewModel(work, thread, Platform::runLater, UI_INTERVAL, PROBE_INTERVAL);
    }

    // ---- properties ----

    public TrainingForm form() {
        return form;
    }

    /** Why Start is refused: one sentence per problem, naming the field. */
    public ObservableList<String> problems() {
        return FXCollections.unmodifiableObservableList(problems);
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** What happened last, in a sentence (an error names what and where). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The data of the run, e.g. "task copy: ..." or "book.txt: 41,230 tokens (...)", and the parameter count. */
    public ReadOnlyStringProperty runDescriptionProperty() {
        return runDescription.getReadOnlyProperty();
    }

    /** The folder the current (or last) run writes into. */
    public ReadOnlyObjectProperty<Path> runFolderProperty() {
        return runFolder.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalStepsProperty() {
        return totalSteps.getReadOnlyProperty();
    }

    /** Steps done as a share of the run, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The training loss of the latest step. */
    public ReadOnlyDoubleProperty lossProperty() {
        return loss.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty tokensPerSecondProperty() {
        return tokensPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty etaSecondsProperty() {
        return etaSeconds.getReadOnlyProperty();
    }

    /** Train and validation loss at each evaluation of the current run, oldest first. */
    public ObservableList<LossPoint> history() {
        return FXCollections.unmodifiableObservableList(history);
    }

    /** The latest sample, "step N: text". */
    public ReadOnlyStringProperty sampleProperty() {
        return sample.getReadOnlyProperty();
    }

    /** The latest trace of the probe sentence (null before the first). */
    public ReadOnlyObjectProperty<ModelTrace> probeTraceProperty() {
        return probeTrace.getReadOnlyProperty();
    }

    /** The step the probe trace was taken after. */
    public ReadOnlyLongProperty probeStepProperty() {
        return probeStep.getReadOnlyProperty();
    }

    public IntegerProperty probeLayerProperty() {
        return probeLayer;
    }

    public IntegerProperty probeHeadProperty() {
        return probeHead;
    }

    /** The chosen head's attention weights on the probe sentence. */
    public ReadOnlyObjectProperty<HeatmapData> probeHeatmapProperty() {
        return probeHeatmap.getReadOnlyProperty();
    }

    /** Checkpoints under the checkpoint folder, newest first. */
    public ObservableList<CheckpointList.Entry> checkpoints() {
        return FXCollections.unmodifiableObservableList(checkpoints);
    }

    /** Called with the file when the user opens a checkpoint (the app shows it in the model view). */
    public ObjectProperty<Consumer<Path>> onOpenCheckpointProperty() {
        return onOpenCheckpoint;
    }

    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** Plot against tokens seen instead of steps. */
    public BooleanProperty tokensOnXAxisProperty() {
        return tokensOnXAxis;
    }

    // ---- commands ----

    /** A run exists that has not ended (and saved): the app asks before closing. Any thread. */
    public boolean running() {
        TrainingRun r = run;
        return r != null && !r.done().isDone();
    }

    /** Starts a run of the form's values, or says why not in {@link #messageProperty()}. */
    public void start() {
        validate();
        if (!problems.isEmpty()) {
            message.set("Cannot start: " + problems.get(0));
            return;
        }
        if (running()) {
            message.set("A run is already going: stop it first.");
            return;
        }
        TrainingPlan plan = TrainingPlan.of(form, probeIntervalNanos);
        launch(new TrainingRun(plan, batcher::offer), plan.settings().steps(), "Preparing the data and the model...");
    }

    /**
     * Continues the run saved in {@code checkpoint} with its own model, data and settings, up to the form's Steps
     * if that is later than the run's own end; says why not in {@link #messageProperty()}.
     */
    public void continueTraining(Path checkpoint) {
        if (running()) {
            message.set("A run is already going: stop it first.");
            return;
        }
        Integer steps = form.stepsProperty().get();
        ContinuePlan plan = new ContinuePlan(checkpoint, steps == null ? 0 : Math.max(0, steps), form.checkpointRootProperty().get(),
                form.probeTextProperty().get(), probeIntervalNanos);
        launch(new TrainingRun(plan, batcher::offer), 0, "Reading " + checkpoint.getFileName() + " and its data to continue its run...");
    }

    private void launch(TrainingRun created, long total, String preparing) {
        history.clear();
        sample.set("");
        probeTrace.set(null);
        probeStep.set(-1);
        step.set(0);
        totalSteps.set(total);
        progress.set(0);
        loss.set(Double.NaN);
        tokensPerSecond.set(Double.NaN);
        etaSeconds.set(Double.NaN);
        runDescription.set("");
        state.set(RunState.PREPARING);
        message.set(preparing);
        run = created;
        trainingThread.execute(created);
    }

    /** Pauses after the current step. */
    public void pause() {
        TrainingRun r = run;
        if (r != null && (state.get() == RunState.RUNNING || state.get() == RunState.PREPARING)) {
            r.pause();
            state.set(RunState.PAUSED);
            message.set("Paused after step " + step.get() + ".");
        }
    }

    public void resume() {
        TrainingRun r = run;
        if (r != null && state.get() == RunState.PAUSED) {
            r.resume();
            state.set(RunState.RUNNING);
            message.set("Training.");
        }
    }

    /**
     * Stops after the current step and saves a checkpoint of it. The future completes, on the training thread, once
     * the file is on disk (at once when nothing runs).
     */
    public CompletableFuture<TrainingRun.Ended> stop() {
        TrainingRun r = run;
        if (r == null || r.done().isDone()) {
            return CompletableFuture.completedFuture(r == null ? null : r.done().getNow(null));
        }
        r.cancel();
        ui.execute(() -> { // any thread may stop (the close dialog); the state changes on the UI thread, unless already ended
            if (state.get().active() && !r.done().isDone()) {
                state.set(RunState.STOPPING);
                message.set("Stopping after the current step, then saving a checkpoint...");
            }
        });
        return r.done();
    }

    /**
     * Stops and blocks until the run has saved its checkpoint, at most {@code timeout}: for the close dialog.
     *
     * @return true when nothing runs any more (false: the timeout passed first)
     */
    public boolean stopAndWait(Duration timeout) {
        try {
            stop().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true; // the run ended (its own failure is reported as an Ended update)
        }
    }

    /** Asks the app to open a checkpoint (e.g. in the model view). */
    public void openCheckpoint(Path file) {
        Consumer<Path> open = onOpenCheckpoint.get();
        if (open == null) {
            message.set("Opening checkpoints is not available here.");
            return;
        }
        open.accept(file);
    }

    /** Lists the checkpoints under the checkpoint folder again (in the background). */
    public void refreshCheckpoints() {
        Path root = form.checkpointRootProperty().get();
        if (root == null) {
            checkpoints.clear();
            return;
        }
        listing.submit(() -> CheckpointList.scan(root), checkpoints::setAll,
                e -> message.set("Could not list the checkpoints in " + root + ": " + e.getMessage()));
    }

    /** Seconds as m:ss or h:mm:ss ("?" when unknown). */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    // ---- updates from the run, on the UI thread ----

    private void validate() {
        List<String> now = form.problems();
        if (!now.equals(problems)) {
            problems.setAll(now);
        }
    }

    private void deliver(List<TrainingRun.Update> batch) {
        TrainingEvent.Step lastStep = null;
        List<LossPoint> points = new ArrayList<>();
        TrainingRun.Probe lastProbe = null;
        for (TrainingRun.Update update : batch) {
            if (update instanceof TrainingRun.Prepared p) {
                runDescription.set(String.format(Locale.ROOT, "%s; %,d parameters", p.description(), p.parameters()));
                runFolder.set(p.folder());
                totalSteps.set(p.totalSteps());
                step.set(p.firstStep());
                progress.set((double) p.firstStep() / Math.max(1, p.totalSteps()));
                history.setAll(p.history());
                if (state.get() == RunState.PREPARING) {
                    state.set(RunState.RUNNING);
                    message.set((p.firstStep() > 0 ? String.format(Locale.ROOT, "Continuing from step %,d; ", p.firstStep()) : "Training; ")
                            + "checkpoints go to " + p.folder());
                }
            } else if (update instanceof TrainingRun.Probe p) {
                lastProbe = p;
            } else if (update instanceof TrainingRun.Ended e) {
                apply(lastStep, points, lastProbe);
                lastStep = null;
                points.clear();
                lastProbe = null;
                // the message first: whoever watches the state finds the message of that state
                message.set(e.outcome() == TrainingRun.Outcome.FAILED ? "Training failed: " + e.message()
                        : Character.toUpperCase(e.message().charAt(0)) + e.message().substring(1) + ".");
                state.set(switch (e.outcome()) {
                    case FINISHED -> RunState.FINISHED;
                    case STOPPED -> RunState.STOPPED;
                    case FAILED -> RunState.FAILED;
                });
                refreshCheckpoints();
            } else if (update instanceof TrainingRun.Event wrapped) {
                TrainingEvent event = wrapped.event();
                if (event instanceof TrainingEvent.Step s) {
                    lastStep = s;
                } else if (event instanceof TrainingEvent.Evaluation e) {
                    points.add(e.point());
                } else if (event instanceof TrainingEvent.Sample s) {
                    sample.set("step " + s.step() + ": " + s.text());
                } else if (event instanceof TrainingEvent.CheckpointSaved) {
                    refreshCheckpoints();
                }
            }
        }
        apply(lastStep, points, lastProbe);
    }

    private void apply(TrainingEvent.Step s, List<LossPoint> points, TrainingRun.Probe probe) {
        if (s != null) {
            step.set(s.step());
            totalSteps.set(s.totalSteps());
            progress.set((double) s.step() / Math.max(1, s.totalSteps()));
            loss.set(s.loss());
            tokensPerSecond.set(s.tokensPerSecond());
            etaSeconds.set(s.etaSeconds());
        }
        if (!points.isEmpty()) {
            history.addAll(points); // one change per batch: the chart redraws once
        }
        if (probe != null) {
            probeStep.set(probe.step());
            probeTrace.set(probe.trace());
        }
    }

    private void showProbe() {
        ModelTrace trace = probeTrace.get();
        if (trace == null) {
            probeHeatmap.set(null);
            return;
        }
        int layers = trace.layers().size();
        int heads = trace.layers().get(0).heads().size();
        if (probeLayer.get() >= layers || probeLayer.get() < 0) {
            probeLayer.set(Math.max(0, Math.min(probeLayer.get(), layers - 1)));
            return; // the listener shows it
        }
        if (probeHead.get() >= heads || probeHead.get() < 0) {
            probeHead.set(Math.max(0, Math.min(probeHead.get(), heads - 1)));
            return;
        }
        probeHeatmap.set(ProbeHeatmap.of(trace, probeLayer.get(), probeHead.get()));
    }
}
