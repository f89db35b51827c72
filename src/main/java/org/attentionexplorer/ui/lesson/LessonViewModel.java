package org.attentionexplorer.ui.lesson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.attentionexplorer.attention.AttentionLab;
import org.attentionexplorer.attention.AttentionModule;
import org.attentionexplorer.attention.Lesson;
import org.attentionexplorer.attention.LessonException;
import org.attentionexplorer.attention.LessonJson;
import org.attentionexplorer.attention.LessonTrace;
import org.attentionexplorer.math.Matrix;
import org.attentionexplorer.ui.task.BackgroundWork;

/**
 * The state of the lesson views: the lesson being explored, its trace, the current step and the query token
 * followed in every view. Every edit makes a new, validated {@link Lesson}; its trace is computed in the
 * background and replaces the shown one when ready. An edit the lesson rules refuse leaves the lesson as it
 * was and says why in {@link #errorProperty()}.
 */
public final class LessonViewModel {
    private final BackgroundWork.Slot tracing;
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final ReadOnlyObjectWrapper<LessonTrace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(this, "step", Step.TOKENS);
    private final IntegerProperty selectedQuery = new SimpleIntegerProperty(this, "selectedQuery", 1);
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(this, "source", Source.LESSON);
    private final ObjectProperty<ModelSteps> modelSteps = new SimpleObjectProperty<>(this, "modelSteps");
    private final IntegerProperty whatIfWidth = new SimpleIntegerProperty(this, "whatIfWidth", 0);
    private final BooleanProperty whatIfScaled = new SimpleBooleanProperty(this, "whatIfScaled", false);

    public LessonViewModel(BackgroundWork work, Lesson initial) {
        this.tracing = work.newSlot();
        apply(lesson -> initial);
        source.addListener((o, was, is) -> keepQueryInRange());
        modelSteps.addListener((o, was, is) -> keepQueryInRange());
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /** The trace of the current lesson (null until the first one is computed). */
    public ReadOnlyObjectProperty<LessonTrace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    /** Why the last edit or file was refused, or "" when all is well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    /** The query token (row) followed in every view. */
    public IntegerProperty selectedQueryProperty() {
        return selectedQuery;
    }

    /** The file the lesson was opened from or saved to, or null. */
    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** Where steps 1 to 8 take their numbers from: the lesson (the default) or the model of {@link #modelStepsProperty()}. */
    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    /**
     * A trained model's trace and chosen head, shown in steps 1 to 8 when the source is the model, and the reason
     * step 9 is one of the steps; null while no model is open. A {@code ui.model.ModelViewModel} binds it.
     */
    public ObjectProperty<ModelSteps> modelStepsProperty() {
        return modelSteps;
    }

    /** Step 5's imagined head width d (see {@link Saturation}); 0: the shown head's own d_k. */
    public IntegerProperty whatIfWidthProperty() {
        return whatIfWidth;
    }

    /** Whether step 5's imagined head divides its scores by sqrt(d) (off by default, to show softmax saturating). */
    public BooleanProperty whatIfScaledProperty() {
        return whatIfScaled;
    }

    /** True when steps 1 to 8 show the model's numbers (the source is the model and a model is open). */
    public boolean showsModel() {
        return source.get() == Source.MODEL && modelSteps.get() != null;
    }

    /** The steps one can walk through: the lesson's eight, and step 9 once a model is open. */
    public List<Step> steps() {
        return modelSteps.get() == null ? Step.LESSON_STEPS : List.of(Step.values());
    }

    public Lesson lesson() {
        return lesson.get();
    }

    // ---- commands ----

    /** The next of the lesson's steps (staying on the last). */
    public void nextStep() {
        List<Step> steps = steps();
        int i = steps.indexOf(step.get());
        step.set(steps.get(Math.min(i + 1, steps.size() - 1)));
    }

    /** The previous of the lesson's steps (staying on the first). */
    public void previousStep() {
        List<Step> steps = steps();
        int i = Math.max(steps.indexOf(step.get()), 1);
        step.set(steps.get(i - 1));
    }

    /** Opens a lesson file; a bad file leaves the current lesson and explains. */
    public void open(Path path) {
        try {
            Lesson opened = LessonJson.read(path);
            file.set(path);
            apply(old -> opened);
        } catch (LessonException e) {
            error.set(e.getMessage());
        }
    }

    /** Saves the lesson (with its weights made explicit, so the file stands on its own) atomically. */
    public void save(Path path) throws IOException {
        LessonJson.write(lesson.get(), path);
        file.set(path);
    }

    public void setCausal(boolean causal) {
        apply(l -> copy(l, l.module(), l.dOut(), l.numHeads(), causal, l.dropout(), l.training(), l.seed(), l.tokens(),
                l.embeddings(), true));
    }

    public void setDropout(double rate) {
        apply(l -> copy(l, l.module(), l.dOut(), l.numHeads(), l.causal(), rate, l.training(), l.seed(), l.tokens(),
                l.embeddings(), true));
    }

    public void setTraining(boolean training) {
        apply(l -> copy(l, l.module(), l.dOut(), l.numHeads(), l.causal(), l.dropout(), training, l.seed(), l.tokens(),
                l.embeddings(), true));
    }

    /** A new seed: the weights are drawn again (as the book's module draws them) and dropout masks change. */
    public void setSeed(long seed) {
        apply(l -> copy(l, l.module(), l.dOut(), l.numHeads(), l.causal(), l.dropout(), l.training(), seed, l.tokens(),
                l.embeddings(), false));
    }

    /** Another module, width or head count: the weights are drawn again from the seed. */
    public void setShape(AttentionModule module, int dOut, int numHeads) {
        apply(l -> copy(l, module, dOut, numHeads, l.causal(), l.dropout(), l.training(), l.seed(), l.tokens(),
                l.embeddings(), false));
    }

    /** One value of the input embeddings X. */
    public void setEmbedding(int row, int col, double value) {
        apply(l -> {
            double[][] x = l.embeddings().toArray();
            x[row][col] = value;
            return copy(l, l.module(), l.dOut(), l.numHeads(), l.causal(), l.dropout(), l.training(), l.seed(), l.tokens(),
                    Matrix.of(x), true);
        });
    }

    public void renameToken(int index, String text) {
        apply(l -> {
            List<String> tokens = new ArrayList<>(l.tokens());
            tokens.set(index, text);
            return copy(l, l.module(), l.dOut(), l.numHeads(), l.causal(), l.dropout(), l.training(), l.seed(), tokens,
                    l.embeddings(), true);
        });
    }

    /** Appends a token with an embedding of zeros. */
    public void addToken(String text) {
        apply(l -> {
            List<String> tokens = new ArrayList<>(l.tokens());
            tokens.add(text);
            double[][] x = l.embeddings().toArray();
            double[][] grown = java.util.Arrays.copyOf(x, x.length + 1);
            grown[x.length] = new double[l.dIn()];
            return copy(l, l.module(), l.dOut(), l.numHeads(), l.causal(), l.dropout(), l.training(), l.seed(), tokens,
                    Matrix.of(grown), true);
        });
    }

    public void removeToken(int index) {
        apply(l -> {
            List<String> tokens = new ArrayList<>(l.tokens());
            tokens.remove(index);
            List<double[]> rows = new ArrayList<>(List.of(l.embeddings().toArray()));
            rows.remove(index);
            return copy(l, l.module(), l.dOut(), l.numHeads(), l.causal(), l.dropout(), l.training(), l.seed(), tokens,
                    Matrix.of(rows.toArray(new double[0][])), true);
        });
    }

    /**
     * The lesson with these settings. Explicit weights are kept when {@code keepWeights} (and dropped, to be drawn
     * from the seed, otherwise); weights do not depend on tokens or embeddings, only on shapes.
     */
    private static Lesson copy(Lesson l, AttentionModule module, int dOut, int numHeads, boolean causal, double dropout,
            boolean training, long seed, List<String> tokens, Matrix embeddings, boolean keepWeights) {
        return new Lesson(l.name(), l.description(), tokens, embeddings, module, dOut, numHeads, causal, dropout, training,
                l.qkvBias() && module.usesLinearLayers(), seed, keepWeights ? l.weights() : null);
    }

    /** The followed query stays one of the shown tokens. */
    private void keepQueryInRange() {
        int tokens = showsModel() ? modelSteps.get().trace().tokens().size() : lesson.get().tokenCount();
        if (selectedQuery.get() >= tokens) {
            selectedQuery.set(tokens - 1);
        }
    }

    /** Makes the edited lesson current if it is valid, and traces it in the background. */
    private void apply(UnaryOperator<Lesson> edit) {
        Lesson edited;
        try {
            edited = edit.apply(lesson.get());
        } catch (LessonException e) {
            error.set(e.getMessage());
            return;
        }
        error.set("");
        lesson.set(edited);
        keepQueryInRange();
        tracing.submit(() -> AttentionLab.trace(edited), trace::set, e -> error.set(e.getMessage()));
    }
}
