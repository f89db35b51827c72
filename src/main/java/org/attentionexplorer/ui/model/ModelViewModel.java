package org.attentionexplorer.ui.model;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.attentionexplorer.io.CheckpointException;
import org.attentionexplorer.io.LoadedModel;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.model.ModelTrace;
import org.attentionexplorer.model.ModelTracer;
import org.attentionexplorer.text.Encoding;
import org.attentionexplorer.ui.heatmap.PreparedHeatmap;
import org.attentionexplorer.ui.lesson.LessonViewModel;
import org.attentionexplorer.ui.lesson.ModelSteps;
import org.attentionexplorer.ui.lesson.Source;
import org.attentionexplorer.ui.lesson.Step;
import org.attentionexplorer.ui.lesson.StepContent;
import org.attentionexplorer.ui.task.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trained model as a source of numbers for the walk-through: the checkpoint is read in the background, the text
 * of the top bar is traced through it in the background on every change (the latest text wins), and the chosen
 * layer and head are what steps 5 to 8 show. The lesson's view model gets the model's steps, so its views can
 * show either source. A file that cannot be opened leaves the open model as it was and says why in
 * {@link #errorProperty()}; a text that cannot be traced as typed says why in {@link #noticeProperty()}.
 */
public final class ModelViewModel {
    /** The text traced until the learner types another: a line of the story the bundled model learned. */
    public static final String DEFAULT_TEXT = "Two flashes, then darkness, then two flashes again.";
    private final javafx.beans.property.ReadOnlyObjectWrapper<LoadedModel> loadedModel =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "loaded");

    private static final Logger LOG = LoggerFactory.getLogger(ModelViewModel.class);
    private static final int TOP_K = 5;

    /** One text traced through one model, with everything the views show of it. */
    private record Traced(ModelSteps steps, List<HeadThumbnail> grid, String notice) {
    }

    private final LessonViewModel lesson;
    private final BackgroundWork.Slot loading;
    private final BackgroundWork.Slot tracing;
    private LoadedModel model;

    private final StringProperty text = new SimpleStringProperty(this, "text", DEFAULT_TEXT);
    private final IntegerProperty layer = new SimpleIntegerProperty(this, "layer", 0);
    private final IntegerProperty head = new SimpleIntegerProperty(this, "head", 0);
    private final ReadOnlyObjectWrapper<ModelSteps> base = new ReadOnlyObjectWrapper<>(this, "base");
    private final ReadOnlyObjectWrapper<ModelSteps> steps = new ReadOnlyObjectWrapper<>(this, "steps");
    private final ReadOnlyObjectWrapper<List<HeadThumbnail>> grid = new ReadOnlyObjectWrapper<>(this, "grid", List.of());
    private final ReadOnlyStringWrapper modelName = new ReadOnlyStringWrapper(this, "modelName", "");
    private final ReadOnlyIntegerWrapper layerCount = new ReadOnlyIntegerWrapper(this, "layerCount", 0);
    private final ReadOnlyIntegerWrapper headCount = new ReadOnlyIntegerWrapper(this, "headCount", 0);
    private final ReadOnlyIntegerWrapper contextLength = new ReadOnlyIntegerWrapper(this, "contextLength", 0);
    private final ReadOnlyBooleanWrapper loadingNow = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyBooleanWrapper tracingNow = new ReadOnlyBooleanWrapper(this, "tracing", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "No model open");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");

    /**
     * @param work   where checkpoints are read and texts traced
     * @param lesson the walk-through's view model: it gets {@link #stepsProperty()} as its model steps, and
     *               {@link #openHead(int, int)} switches its source and step
     */
    public ModelViewModel(BackgroundWork work, LessonViewModel lesson) {
        this.lesson = lesson;
        this.loading = work.newSlot();
        this.tracing = work.newSlot();
        lesson.modelStepsProperty().bind(steps);
        text.addListener((o, was, is) -> retrace());
        layer.addListener((o, was, is) -> showHead());
        head.addListener((o, was, is) -> showHead());
    }

    // ---- properties ----

    /** The text traced through the model (the top bar's text field binds to it); every change is traced again. */
    public StringProperty textProperty() {
        return text;
    }

    /** The layer of the head steps 5 to 8 show (0 first); kept within the model's layers. */
    public IntegerProperty layerProperty() {
        return layer;
    }

    /** The head steps 5 to 7 show (0 first); kept within the layer's heads. */
    public IntegerProperty headProperty() {
        return head;
    }

    /** The model's trace of the text with the chosen head, or null while there is none. */
    public ReadOnlyObjectProperty<ModelSteps> stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    /** Step 9: every layer x head of the trace, layer 0 first; empty while there is no trace. */
    public ReadOnlyObjectProperty<List<HeadThumbnail>> gridProperty() {
        return grid.getReadOnlyProperty();
    }

    /** The open model's file name, or "". */
    public ReadOnlyStringProperty modelNameProperty() {
        return modelName.getReadOnlyProperty();
    }

    /** The open model's number of layers (0: none open). */
    public ReadOnlyIntegerProperty layerCountProperty() {
        return layerCount.getReadOnlyProperty();
    }

    /** The open model's heads per layer (0: none open). */
    public ReadOnlyIntegerProperty headCountProperty() {
        return headCount.getReadOnlyProperty();
    }

    /** The open model's context length in tokens (0: none open). */
    public ReadOnlyIntegerProperty contextLengthProperty() {
        return contextLength.getReadOnlyProperty();
    }

    /** True while a checkpoint is being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loadingNow.getReadOnlyProperty();
    }

    /** True while the text is being traced. */
    public ReadOnlyBooleanProperty tracingProperty() {
        return tracingNow.getReadOnlyProperty();
    }

    /** One line on the model: none, loading, or its name and shape. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /**
     * Why the last file could not be opened (naming the file and what is wrong), or "". Set anew by every failed
     * {@link #open(Path)} (cleared when one starts), so a listener can show each failure in a dialog.
     */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What to know about the text: empty or too short (not traced), cropped to the context, unknown characters; or "". */
    /** The open model itself, for other views that use it (generation); null until one is open. */
    public ReadOnlyObjectProperty<LoadedModel> loadedProperty() {
        return loadedModel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    // ---- commands ----

    /** Reads a checkpoint or a GPT-2 folder in the background; when it is ready it replaces the open model and the text is traced. */
    public void open(Path file) {
        error.set("");
        loadingNow.set(true);
        String previous = status.get();
        status.set("Loading " + file.getFileName() + "...");
        loading.submit(() -> LoadedModel.read(file), loaded -> {
            loadingNow.set(false);
            model = loaded;
            loadedModel.set(loaded);
            GptConfig config = loaded.model().config();
            modelName.set(String.valueOf(file.getFileName()));
            layerCount.set(config.numLayers());
            headCount.set(config.numHeads());
            contextLength.set(config.contextLength());
            status.set(modelName.get() + ": " + config.numLayers() + " layers x " + config.numHeads() + " heads, context "
                    + config.contextLength() + (loaded.origin() == LoadedModel.Origin.GPT2_FOLDER ? ", GPT-2 folder"
                    : ", trained " + loaded.checkpoint().step() + " steps"));
            LOG.info("model {} open: {}", file, config);
            base.set(null);
            steps.set(null);
            grid.set(List.of());
            retrace();
        }, e -> {
            loadingNow.set(false);
            status.set(previous);
            if (e instanceof CheckpointException) {
                error.set(e.getMessage());
                LOG.warn("model not opened: {}", e.getMessage());
            } else {
                error.set(file + ": cannot be opened as a model (" + e.getMessage() + ")");
                LOG.warn("model {} not opened", file, e);
            }
        });
    }

    /** Step 9's click: shows that head in steps 5 to 8 with the model's numbers, starting at step 5. */
    public void openHead(int newLayer, int newHead) {
        layer.set(newLayer);
        head.set(newHead);
        lesson.sourceProperty().set(Source.MODEL);
        lesson.stepProperty().set(Step.QKV);
    }

    // ---- work ----

    /** Traces the current text through the current model in the background; a newer call wins. */
    private void retrace() {
        LoadedModel current = model;
        if (current == null) {
            return;
        }
        String traced = text.get() == null ? "" : text.get();
        tracingNow.set(true);
        tracing.submit(() -> trace(current, traced), result -> {
            tracingNow.set(false);
            notice.set(result.notice());
            if (result.steps() != null) {
                base.set(result.steps());
                grid.set(result.grid());
                showHead();
            }
        }, e -> {
            tracingNow.set(false);
            notice.set("The text could not be traced: " + e.getMessage());
            LOG.warn("tracing failed", e);
        });
    }

    /** In the background: the check of the text, and if it can be traced, the trace, its simplified attention and the grid. */
    private static Traced trace(LoadedModel loaded, String text) {
        Encoding encoding = loaded.tokenizer().encodeWithSpans(text);
        TextCheck check = TextCheck.of(text, encoding, loaded.tokenizer(), loaded.model().config().contextLength());
        if (!check.traceable()) {
            return new Traced(null, List.of(), check.message());
        }
        ModelTrace trace = ModelTracer.trace(loaded.model(), loaded.tokenizer(), text, TOP_K);
        List<HeadThumbnail> thumbnails = StepContent.grid(trace).stream()
                .map(t -> new HeadThumbnail(t, PreparedHeatmap.of(t.data()))).toList();
        return new Traced(ModelSteps.of(trace, 0, 0), thumbnails, check.message());
    }

    /** The chosen head of the current trace, the choice kept within the model. */
    private void showHead() {
        ModelSteps traced = base.get();
        if (traced == null) {
            return;
        }
        int l = Math.max(0, Math.min(layer.get(), traced.layerCount() - 1));
        int h = Math.max(0, Math.min(head.get(), traced.trace().layers().get(l).heads().size() - 1));
        if (l != layer.get() || h != head.get()) {
            layer.set(l);
            head.set(h);
            return;
        }
        steps.set(traced.withHead(l, h));
    }
}
