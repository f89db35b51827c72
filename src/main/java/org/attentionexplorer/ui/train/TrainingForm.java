package org.attentionexplorer.ui.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.attentionexplorer.data.SyntheticTask;
import org.attentionexplorer.data.SyntheticTasks;
import org.attentionexplorer.io.LoadedModel;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.model.GptInit;
import org.attentionexplorer.text.TextSources;
import org.attentionexplorer.text.TokenizerKind;
import org.attentionexplorer.train.LearningRateSchedule;
import org.attentionexplorer.train.TrainingSettings;

/**
 * The form of a run: what to train on, the model's shape (from a preset, then edited) and the optimisation, as
 * JavaFX properties a view binds to, with the problems that keep the run from starting, each naming its field.
 * No controls: tested without a UI.
 */
public final class TrainingForm {
    /** What a run trains on. */
    public enum Source { TEXT_FILE, TASK }

    /** The training window a fine-tuning run starts with (the Context length field), at most the model's context. */
    static final int FINE_TUNE_WINDOW = 128;
    static final String DATA = "Data";
    static final String MODEL = "Model";
    static final String OPTIMISATION = "Optimisation";
    static final String PROGRESS = "Evaluation, samples, checkpoints";

    /** One editable field: where it goes, its label (also used in messages), what it means, its type and value. */
    public record Field<T>(String category, String label, String description, Class<T> type, ObjectProperty<T> property) {
    }

    // ---- data ----
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(this, "source", Source.TASK);
    private final ObjectProperty<Path> textFile = new SimpleObjectProperty<>(this, "textFile");
    private final ObjectProperty<String> task = new SimpleObjectProperty<>(this, "task", "copy");
    private final ObjectProperty<String> preset = new SimpleObjectProperty<>(this, "preset", "tiny");
    private final ObjectProperty<Path> checkpointRoot = new SimpleObjectProperty<>(this, "checkpointRoot", defaultCheckpointRoot());
    private final ObjectProperty<String> probeText = new SimpleObjectProperty<>(this, "probeText", "");
    private final ObjectProperty<LoadedModel> openModel = new SimpleObjectProperty<>(this, "openModel");
    private final BooleanProperty fineTune = new SimpleBooleanProperty(this, "fineTune", false);

    // ---- the fields of the property sheet ----
    private final Field<TokenizerKind> tokenizer = field(DATA, "Tokenizer", "How a text becomes tokens (tasks use their own symbols)",
            TokenizerKind.class, TokenizerKind.CHAR);
    private final Field<Double> trainShare = field(DATA, "Train share", "Share of a text used for training; the rest validates",
            Double.class, 0.9);
    private final Field<Integer> contextLength = field(MODEL, "Context length", "Longest sequence the model sees (tokens)", Integer.class, 12);
    private final Field<Integer> embDim = field(MODEL, "Embedding width", "d_model: width of every token's vector", Integer.class, 32);
    private final Field<Integer> numHeads = field(MODEL, "Heads", "Attention heads per layer (must divide the embedding width)",
            Integer.class, 4);
    private final Field<Integer> numLayers = field(MODEL, "Layers", "Transformer blocks", Integer.class, 2);
    private final Field<Double> dropRate = field(MODEL, "Dropout", "Dropout rate in training, in [0, 1)", Double.class, 0.0);
    private final Field<Boolean> qkvBias = field(MODEL, "Query/key/value biases", "Biases on the query, key and value projections",
            Boolean.class, false);
    private final Field<Boolean> tiedHead = field(MODEL, "Tied output head", "The output head shares the token embedding", Boolean.class, false);
    private final Field<GptInit> init = field(MODEL, "Initialisation", "gpt2: GPT-2's scheme; torch: as the book's GPTModel draws",
            GptInit.class, GptInit.GPT2);
    private final Field<Integer> steps = field(OPTIMISATION, "Steps", "Optimizer steps (one batch each)", Integer.class, 300);
    private final Field<Integer> batchSize = field(OPTIMISATION, "Batch size", "Sequences per step", Integer.class, 16);
    private final Field<Double> learningRate = field(OPTIMISATION, "Learning rate", "Peak learning rate of AdamW", Double.class, 1e-3);
    private final Field<Integer> warmupSteps = field(OPTIMISATION, "Warmup steps", "Steps of linear warmup to the peak", Integer.class, 30);
    private final Field<Boolean> cosine = field(OPTIMISATION, "Cosine schedule", "Decay to a tenth of the peak (off: constant)",
            Boolean.class, true);
    private final Field<Double> weightDecay = field(OPTIMISATION, "Weight decay", "AdamW's decoupled weight decay", Double.class, 0.1);
    private final Field<Double> gradClip = field(OPTIMISATION, "Gradient clip", "Largest gradient norm (0: no clipping)", Double.class, 1.0);
    private final Field<Long> seed = field(OPTIMISATION, "Seed", "Seeds weights, batch order and dropout: the same seed replays a run",
            Long.class, 123L);
    private final Field<Integer> evalInterval = field(PROGRESS, "Evaluate every", "Measure train and validation loss every N steps",
            Integer.class, 10);
    private final Field<Integer> evalBatches = field(PROGRESS, "Evaluation batches", "Batches per evaluation of each split", Integer.class, 4);
    private final Field<Integer> sampleInterval = field(PROGRESS, "Sample every", "Generate a sample every N steps (0: never)",
            Integer.class, 25);
    private final Field<String> samplePrompt = field(PROGRESS, "Sample prompt", "The prompt of the samples", String.class, "");
    private final Field<Integer> sampleTokens = field(PROGRESS, "Sample tokens", "Tokens per sample", Integer.class, 40);
    private final Field<Integer> checkpointInterval = field(PROGRESS, "Checkpoint every",
            "Save every N steps besides the end (0: only at the end and on stop)", Integer.class, 0);

    private final List<Field<?>> fields = List.of(contextLength, embDim, numHeads, numLayers, dropRate, qkvBias, tiedHead, init,
            steps, batchSize, learningRate, warmupSteps, cosine, weightDecay, gradClip, seed,
            tokenizer, trainShare, evalInterval, evalBatches, sampleInterval, samplePrompt, sampleTokens, checkpointInterval);

    public TrainingForm() {
        applyPreset("tiny");
        // fine-tuning trains on windows of the context length: start from a short one (memory grows with its square)
        fineTune.addListener((o, was, is) -> {
            if (is && openModel.get() != null) {
                contextLength.property().set(Math.min(FINE_TUNE_WINDOW, openModel.get().model().config().contextLength()));
            }
        });
    }

    /** Where runs go unless the user chooses another folder: {@code ~/attention-explorer/runs}. */
    public static Path defaultCheckpointRoot() {
        return Path.of(System.getProperty("user.home"), "attention-explorer", "runs");
    }

    // ---- properties ----

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    public ObjectProperty<Path> textFileProperty() {
        return textFile;
    }

    /** The synthetic task's name (one of {@link SyntheticTasks#names()}). */
    public ObjectProperty<String> taskProperty() {
        return task;
    }

    /** The preset last applied (its values can be edited afterwards). */
    public ObjectProperty<String> presetProperty() {
        return preset;
    }

    /** The folder each run gets its own sub-folder in. */
    public ObjectProperty<Path> checkpointRootProperty() {
        return checkpointRoot;
    }

    /** The sentence whose attention is traced as the model learns ("" for the task's first example or the text's start). */
    public ObjectProperty<String> probeTextProperty() {
        return probeText;
    }

    /** The model open in the app (a checkpoint or a GPT-2 folder), which a run may start from; null when none is. */
    public ObjectProperty<LoadedModel> openModelProperty() {
        return openModel;
    }

    /**
     * Start from the open model's weights and tokenizer (fine-tuning) instead of a new model; the model fields then do
     * not apply, except Context length, the length of the training windows (at most the model's context). The run trains a copy, so the open model stays as it was, and it saves the explorer's checkpoints.
     */
    public BooleanProperty fineTuneProperty() {
        return fineTune;
    }

    /** The model a run starts from: the open model when fine-tuning, else null (a new model). */
    public LoadedModel startFrom() {
        return fineTune.get() ? openModel.get() : null;
    }

    /** Every field of the property sheet, in order. */
    public List<Field<?>> fields() {
        return fields;
    }

    /** Every property whose change can change {@link #problems()}. */
    public List<Observable> observables() {
        List<Observable> all = new ArrayList<>(List.of(source, textFile, task, checkpointRoot, probeText, openModel, fineTune));
        fields.forEach(f -> all.add(f.property()));
        return all;
    }

    public ObjectProperty<Integer> contextLengthProperty() {
        return contextLength.property();
    }

    public ObjectProperty<Integer> stepsProperty() {
        return steps.property();
    }

    public ObjectProperty<Integer> warmupStepsProperty() {
        return warmupSteps.property();
    }

    public ObjectProperty<Integer> embDimProperty() {
        return embDim.property();
    }

    public ObjectProperty<Integer> numHeadsProperty() {
        return numHeads.property();
    }

    public ObjectProperty<Integer> evalIntervalProperty() {
        return evalInterval.property();
    }

    public ObjectProperty<Integer> batchSizeProperty() {
        return batchSize.property();
    }

    public ObjectProperty<Integer> evalBatchesProperty() {
        return evalBatches.property();
    }

    public ObjectProperty<String> samplePromptProperty() {
        return samplePrompt.property();
    }

    public ObjectProperty<Integer> sampleIntervalProperty() {
        return sampleInterval.property();
    }

    public ObjectProperty<Double> learningRateProperty() {
        return learningRate.property();
    }

    public ObjectProperty<TokenizerKind> tokenizerProperty() {
        return tokenizer.property();
    }

    public ObjectProperty<Integer> checkpointIntervalProperty() {
        return checkpointInterval.property();
    }

    // ---- commands ----

    /** Fills the model fields from a preset ({@link GptConfig#presetNames()}); a task keeps the context it needs. */
    public void applyPreset(String name) {
        GptConfig config = GptConfig.preset(name).orElseThrow(() -> new IllegalArgumentException("no preset named " + name));
        preset.set(name);
        contextLength.property().set(config.contextLength());
        embDim.property().set(config.embDim());
        numHeads.property().set(config.numHeads());
        numLayers.property().set(config.numLayers());
        dropRate.property().set(config.dropRate());
        qkvBias.property().set(config.qkvBias());
        tiedHead.property().set(config.tiedHead());
        fitContextToTask();
    }

    /** Trains on a synthetic task, with the context its examples need. */
    public void chooseTask(String name) {
        task.set(name);
        source.set(Source.TASK);
        fitContextToTask();
    }

    public void chooseTextFile(Path file) {
        textFile.set(file);
        source.set(Source.TEXT_FILE);
    }

    private void fitContextToTask() {
        if (source.get() == Source.TASK && SyntheticTasks.names().contains(task.get())) {
            contextLength.property().set(SyntheticTasks.byName(task.get()).contextLength());
        }
    }

    // ---- validation and what the form describes ----

    /** Why the run cannot start, one sentence per problem naming the field; empty when it can. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (fineTune.get() && openModel.get() == null) {
            problems.add("Fine-tune: open a model first (File > Open model), or untick it to train a new one.");
        } else if (fineTune.get() && source.get() == Source.TASK) {
            problems.add("Fine-tune: the open model is fine-tuned on a text; choose a text file (a synthetic task has its own symbols).");
        }
        if (source.get() == Source.TEXT_FILE) {
            Path file = textFile.get();
            if (file == null) {
                problems.add("Text: choose a .txt or .pdf file to train on, or a synthetic task.");
            } else if (!Files.isRegularFile(file)) {
                problems.add("Text: " + file + " is not a file that can be read.");
            } else if (!TextSources.isSupported(file)) {
                problems.add("Text: " + file.getFileName() + " is neither .txt nor .pdf.");
            }
            between(problems, trainShare, 0.0, 1.0, false);
        } else if (!SyntheticTasks.names().contains(task.get())) {
            problems.add("Task: choose one of " + String.join(", ", SyntheticTasks.names()) + ".");
        } else {
            SyntheticTask t = SyntheticTasks.byName(task.get());
            Integer context = contextLength.property().get();
            if (context != null && context < t.contextLength()) {
                problems.add(String.format(Locale.ROOT, "Context length: the %s task needs %d tokens, the model has %d.", t.name(),
                        t.contextLength(), context));
            }
        }
        atLeast(problems, contextLength, 1);
        atLeast(problems, embDim, 1);
        atLeast(problems, numHeads, 1);
        atLeast(problems, numLayers, 1);
        Integer width = embDim.property().get();
        Integer heads = numHeads.property().get();
        if (width != null && heads != null && width > 0 && heads > 0 && width % heads != 0) {
            problems.add("Heads: " + heads + " does not divide the embedding width " + width + " (each head gets width / heads).");
        }
        between(problems, dropRate, 0.0, 1.0, true);
        atLeast(problems, steps, 1);
        atLeast(problems, batchSize, 1);
        Double lr = learningRate.property().get();
        if (lr == null || !(lr > 0) || lr > 1) {
            problems.add("Learning rate: needs a number above 0 and at most 1, got " + lr + ".");
        }
        atLeast(problems, warmupSteps, 0);
        Integer warm = warmupSteps.property().get();
        Integer total = steps.property().get();
        if (warm != null && total != null && warm > total) {
            problems.add("Warmup steps: " + warm + " is more than the " + total + " steps of the run.");
        }
        nonNegative(problems, weightDecay);
        nonNegative(problems, gradClip);
        if (seed.property().get() == null) {
            problems.add("Seed: needs a whole number.");
        }
        atLeast(problems, evalInterval, 1);
        atLeast(problems, evalBatches, 1);
        atLeast(problems, sampleInterval, 0);
        atLeast(problems, sampleTokens, 0);
        atLeast(problems, checkpointInterval, 0);
        Path root = checkpointRoot.get();
        if (root == null) {
            problems.add("Checkpoint folder: choose where the run's checkpoints go.");
        } else if (Files.exists(root) && !Files.isDirectory(root)) {
            problems.add("Checkpoint folder: " + root + " is a file, not a folder.");
        }
        return problems;
    }

    /** The model's shape (vocabulary size 1: the tokenizer sets it). Call only when {@link #problems()} is empty. */
    public GptConfig config() {
        return new GptConfig(1, contextLength.property().get(), embDim.property().get(), numHeads.property().get(),
                numLayers.property().get(), dropRate.property().get(), qkvBias.property().get(), tiedHead.property().get());
    }

    /** The optimisation and reporting settings. Call only when {@link #problems()} is empty. */
    public TrainingSettings settings() {
        int total = steps.property().get();
        double peak = learningRate.property().get();
        boolean decays = cosine.property().get();
        LearningRateSchedule schedule = new LearningRateSchedule(peak, decays ? peak / 10 : peak, warmupSteps.property().get(), total, decays);
        return new TrainingSettings(total, schedule, weightDecay.property().get(), 0.9, 0.95, gradClip.property().get(),
                evalInterval.property().get(), evalBatches.property().get(), sampleInterval.property().get(),
                samplePrompt.property().get() == null ? "" : samplePrompt.property().get(), sampleTokens.property().get(),
                checkpointInterval.property().get(), seed.property().get());
    }

    public GptInit init() {
        return init.property().get();
    }

    public int batchSize() {
        return batchSize.property().get();
    }

    public double trainShare() {
        return trainShare.property().get();
    }

    public TokenizerKind tokenizer() {
        return tokenizer.property().get();
    }

    private static <T> Field<T> field(String category, String label, String description, Class<T> type, T value) {
        return new Field<>(category, label, description, type, new SimpleObjectProperty<>(value));
    }

    private static void atLeast(List<String> problems, Field<Integer> field, int min) {
        Integer value = field.property().get();
        if (value == null) {
            problems.add(field.label() + ": needs a whole number.");
        } else if (value < min) {
            problems.add(field.label() + ": needs at least " + min + ", got " + value + ".");
        }
    }

    private static void nonNegative(List<String> problems, Field<Double> field) {
        Double value = field.property().get();
        if (value == null || !(value >= 0) || value.isInfinite()) {
            problems.add(field.label() + ": needs a number of at least 0, got " + value + ".");
        }
    }

    /** A value in [min, max) (or (min, max) when the lower end is excluded). */
    private static void between(List<String> problems, Field<Double> field, double min, double max, boolean minIncluded) {
        Double value = field.property().get();
        boolean ok = value != null && (minIncluded ? value >= min : value > min) && value < max;
        if (!ok) {
            problems.add(String.format(Locale.ROOT, "%s: needs a number %s %s and below %s, got %s.", field.label(),
                    minIncluded ? "from" : "above", trim(min), trim(max), value));
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
