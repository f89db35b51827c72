package org.attentionexplorer.ui.generate;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.attentionexplorer.generate.Generation;
import org.attentionexplorer.generate.GenerationStep;
import org.attentionexplorer.generate.Generator;
import org.attentionexplorer.generate.SamplingSettings;
import org.attentionexplorer.io.LoadedModel;
import org.attentionexplorer.model.GptModel;
import org.attentionexplorer.text.Encoding;
import org.attentionexplorer.text.TokenLabels;
import org.attentionexplorer.text.Tokenizer;
import org.attentionexplorer.ui.task.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of the generation view: a prompt and the sampling settings (temperature, top-k, top-p, seed, max
 * tokens), checked as they change; the generated tokens, which arrive while the model generates them (in batches,
 * at most every {@value #FLUSH_INTERVAL_MS} ms); the selected token, whose candidates the view draws as bars; and
 * a callback that shows a token's attention in the model view. Generation runs in the background and can be stopped.
 */
public final class GenerationViewModel {
    /** Candidates reported (and drawn) per step. */
    public static final int CANDIDATES = 10;
    /** Longest generation the view allows. */
    public static final int MAX_TOKENS_LIMIT = 2000;
    static final long FLUSH_INTERVAL_MS = 40;
    private static final Logger LOG = LoggerFactory.getLogger(GenerationViewModel.class);

    private final BackgroundWork.Slot generating;
    private final Batcher<Tagged> stream;

    // settings
    private final StringProperty prompt = new SimpleStringProperty(this, "prompt", "");
    private final DoubleProperty temperature = new SimpleDoubleProperty(this, "temperature", 0.8);
    private final IntegerProperty topK = new SimpleIntegerProperty(this, "topK", 0);
    private final DoubleProperty topP = new SimpleDoubleProperty(this, "topP", 1.0);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 123);
    private final IntegerProperty maxTokens = new SimpleIntegerProperty(this, "maxTokens", 100);
    // the model
    private final ReadOnlyStringWrapper modelName = new ReadOnlyStringWrapper(this, "modelName", "");
    private final ReadOnlyIntegerWrapper vocabSize = new ReadOnlyIntegerWrapper(this, "vocabSize", 0);
    private final ReadOnlyIntegerWrapper contextLength = new ReadOnlyIntegerWrapper(this, "contextLength", 0);
    private GptModel model;
    private Tokenizer tokenizer;
    // checks and state
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final BooleanBinding canGenerate;
    // the result
    private final ReadOnlyStringWrapper generatedPrompt = new ReadOnlyStringWrapper(this, "generatedPrompt", "");
    private final ReadOnlyObjectWrapper<List<PromptToken>> promptTokens = new ReadOnlyObjectWrapper<>(this, "promptTokens", List.of());
    private final ObservableList<GeneratedToken> tokens = FXCollections.observableArrayList();
    private final ObservableList<GeneratedToken> readOnlyTokens = FXCollections.unmodifiableObservableList(tokens);
    private final ReadOnlyObjectWrapper<GeneratedToken> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ObjectProperty<Consumer<String>> onShowAttention = new SimpleObjectProperty<>(this, "onShowAttention");

    private long run;
    private AtomicBoolean stopRequested = new AtomicBoolean();

    /**
     * @param work generation runs there (a long task: give it an executor of its own if other views share one)
     * @param ui   where generated tokens are handed over as they come ({@code Platform::runLater} in the app,
     *             {@code Runnable::run} in tests)
     */
    public GenerationViewModel(BackgroundWork work, Executor ui) {
        this.generating = work.newSlot();
        this.stream = new Batcher<>(ui, TimeUnit.MILLISECONDS.toNanos(FLUSH_INTERVAL_MS), System::nanoTime, this::append);
        canGenerate = Bindings.createBooleanBinding(() -> !running.get() && error.get().isEmpty() && model != null,
                running, error, modelName);
        prompt.addListener((obs, old, now) -> check());
        temperature.addListener((obs, old, now) -> check());
        topK.addListener((obs, old, now) -> check());
        topP.addListener((obs, old, now) -> check());
        maxTokens.addListener((obs, old, now) -> check());
        check();
    }

    // ---- settings ----

    public StringProperty promptProperty() {
        return prompt;
    }

    /** 0 means greedy decoding: always the most probable token. */
    public DoubleProperty temperatureProperty() {
        return temperature;
    }

    /** 0 means every token is a candidate. */
    public IntegerProperty topKProperty() {
        return topK;
    }

    /** 1 means every token is a candidate. */
    public DoubleProperty topPProperty() {
        return topP;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public IntegerProperty maxTokensProperty() {
        return maxTokens;
    }

    // ---- the model ----

    /** The model's name as the view shows it ("" when none is loaded). */
    public ReadOnlyStringProperty modelNameProperty() {
        return modelName.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty vocabSizeProperty() {
        return vocabSize.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty contextLengthProperty() {
        return contextLength.getReadOnlyProperty();
    }

    /** Generates from this model from now on (stopping a generation in progress); the tokens shown so far are kept. */
    public void setModel(GptModel model, Tokenizer tokenizer, String displayName) {
        stop();
        run++;
        running.set(false);
        this.model = model;
        this.tokenizer = tokenizer;
        vocabSize.set(tokenizer.vocabSize());
        contextLength.set(model.config().contextLength());
        modelName.set(displayName);
        check();
    }

    /** A model read from a checkpoint, named after its file. */
    public void setModel(LoadedModel loaded) {
        setModel(loaded.model(), loaded.tokenizer(), String.valueOf(loaded.source().getFileName()));
    }

    // ---- checks and state ----

    /** Why Generate cannot run now ("" when it can): no model, an empty prompt, a setting out of range. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the settings will do that a user might not expect: greedy at temperature 0, unknown characters, a cropped prompt. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** How the last generation went: "Generating...", "Generated 100 tokens in 1.2 s (83 tokens/s)", "Stopped after 12 tokens". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public BooleanBinding canGenerateProperty() {
        return canGenerate;
    }

    // ---- the result ----

    /** The prompt the shown tokens continue. */
    public ReadOnlyStringProperty generatedPromptProperty() {
        return generatedPrompt.getReadOnlyProperty();
    }

    /** The tokens of {@link #generatedPromptProperty()}, as the tokenizer split it. */
    public ReadOnlyObjectProperty<List<PromptToken>> promptTokensProperty() {
        return promptTokens.getReadOnlyProperty();
    }

    /** The generated tokens, in order; grows while generating. */
    public ObservableList<GeneratedToken> tokens() {
        return readOnlyTokens;
    }

    /** The token whose candidates are shown (null: none). */
    public ReadOnlyObjectProperty<GeneratedToken> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Receives {@link GeneratedToken#attentionText()} of a token: the lead view traces it and shows its heads. */
    public ObjectProperty<Consumer<String>> onShowAttentionProperty() {
        return onShowAttention;
    }

    // ---- commands ----

    /** Starts generating with the current settings; does nothing when {@link #errorProperty()} says why it cannot. */
    public void generate() {
        check();
        if (!canGenerate.get()) {
            return;
        }
        boolean greedy = temperature.get() == 0;
        SamplingSettings settings = new SamplingSettings(maxTokens.get(), greedy, greedy ? 1.0 : temperature.get(), topK.get(),
                topP.get(), seed.get(), true, CANDIDATES);
        long thisRun = ++run;
        AtomicBoolean stop = new AtomicBoolean();
        stopRequested = stop;
        tokens.clear();
        selected.set(null);
        generatedPrompt.set(prompt.get());
        promptTokens.set(PromptToken.of(tokenizer, prompt.get(), model.config().contextLength()));
        running.set(true);
        status.set("Generating...");
        GptModel gptModel = model;
        Tokenizer tok = tokenizer;
        String text = prompt.get();
        generating.submit(() -> {
            long start = System.nanoTime();
            TokenTexts texts = new TokenTexts(tok, text, gptModel.config().contextLength());
            Generation generation = Generator.generate(gptModel, tok, text, settings,
                    step -> stream.add(new Tagged(thisRun, texts.next(step))), stop::get);
            return new Finished(thisRun, generation, System.nanoTime() - start);
        }, this::finished, e -> failed(thisRun, e));
    }

    /** Asks a running generation to stop after the token it is making; the tokens so far stay. */
    public void stop() {
        if (running.get()) {
            stopRequested.set(true);
            status.set("Stopping...");
        }
    }

    /** Shows the candidates of the token at this index (-1: none). */
    public void select(int index) {
        selected.set(index >= 0 && index < tokens.size() ? tokens.get(index) : null);
    }

    /** Hands the selected token's text to {@link #onShowAttentionProperty()}, if both are set. */
    public void showAttention() {
        GeneratedToken token = selected.get();
        Consumer<String> consumer = onShowAttention.get();
        if (token != null && consumer != null) {
            consumer.accept(token.attentionText());
        }
    }

    // ---- internals ----

    private record Tagged(long run, GeneratedToken token) {
    }

    private record Finished(long run, Generation generation, long nanos) {
    }

    private void append(List<Tagged> batch) {
        for (Tagged tagged : batch) {
            if (tagged.run() == run) {
                tokens.add(tagged.token());
            }
        }
    }

    private void finished(Finished result) {
        if (result.run() != run) {
            return;
        }
        stream.flush();
        running.set(false);
        Generation generation = result.generation();
        int n = generation.steps().size();
        String count = n + (n == 1 ? " token" : " tokens");
        double seconds = result.nanos() / 1e9;
        status.set(switch (generation.stopReason()) {
            case MAX_TOKENS -> String.format(Locale.ROOT, "Generated %s in %.1f s (%.0f tokens/s).", count, seconds, n / Math.max(seconds, 1e-9));
            case END_OF_TEXT -> "The model chose <|endoftext|> after " + count + ": generation ends there.";
            case CANCELLED -> "Stopped after " + count + ".";
        });
        check();
    }

    private void failed(long thisRun, Exception e) {
        if (thisRun != run) {
            return;
        }
        stream.flush();
        running.set(false);
        LOG.warn("generation failed", e);
        status.set("Generation failed after " + tokens.size() + " tokens: " + e.getMessage());
    }

    /** Checks the prompt and settings against the model, setting {@link #errorProperty()} and {@link #noteProperty()}. */
    private void check() {
        Set<String> notes = new LinkedHashSet<>();
        error.set(problem(notes));
        note.set(String.join(" ", notes));
    }

    private String problem(Set<String> notes) {
        double t = temperature.get();
        if (!(t >= 0 && Double.isFinite(t))) {
            return "Temperature must be 0 (greedy) or more, got " + t + ".";
        }
        if (t == 0) {
            notes.add("Temperature 0 means greedy decoding: the most probable token every time, so top-k, top-p and seed do not matter.");
        }
        double p = topP.get();
        if (!(p > 0 && p <= 1)) {
            return "Top-p must be above 0 and at most 1 (1 keeps every token), got " + p + ".";
        }
        int tokensWanted = maxTokens.get();
        if (tokensWanted < 1 || tokensWanted > MAX_TOKENS_LIMIT) {
            return "Max tokens must be from 1 to " + MAX_TOKENS_LIMIT + ", got " + tokensWanted + ".";
        }
        if (model == null) {
            return "No model: open a checkpoint to generate from.";
        }
        int k = topK.get();
        if (k < 0 || k > tokenizer.vocabSize()) {
            return "Top-k must be from 0 (every token) to " + tokenizer.vocabSize() + ", the model's vocabulary, got " + k + ".";
        }
        String text = prompt.get();
        if (text.isEmpty()) {
            return "The prompt is empty: type some text for the model to continue.";
        }
        Encoding encoding = tokenizer.encodeWithSpans(text);
        unknown(text, encoding).ifPresent(notes::add);
        int context = model.config().contextLength();
        if (encoding.size() > context) {
            notes.add("The prompt is " + encoding.size() + " tokens long; the model sees only its last " + context + ".");
        }
        if (Math.min(encoding.size(), context) + tokensWanted > context) {
            notes.add("Prompt and new tokens pass the context of " + context + " tokens: from there on, every token refills"
                    + " the key/value cache with the last " + (context - 1) + " tokens, which is much slower.");
        }
        return "";
    }

    /** "The model does not know "é" and "€": each becomes <|unk|>." when the prompt has pieces outside the vocabulary. */
    private Optional<String> unknown(String text, Encoding encoding) {
        if (tokenizer.unknownId().isEmpty()) {
            return Optional.empty();
        }
        int unk = tokenizer.unknownId().getAsInt();
        int[] ids = encoding.ids();
        Set<String> pieces = new LinkedHashSet<>();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == unk) {
                pieces.add(TokenLabels.quote(text.substring(encoding.starts()[i], encoding.ends()[i])));
            }
        }
        if (pieces.isEmpty()) {
            return Optional.empty();
        }
        List<String> list = pieces.stream().limit(6).toList();
        String named = list.size() == 1 ? list.get(0)
                : String.join(", ", list.subList(0, list.size() - 1)) + " and " + list.get(list.size() - 1)
                        + (pieces.size() > list.size() ? " (and " + (pieces.size() - list.size()) + " more)" : "");
        String what = tokenizer.kind().equals("word") ? (pieces.size() == 1 ? "word" : "words")
                : (pieces.size() == 1 ? "character" : "characters");
        return Optional.of("The model does not know the " + what + " " + named + ": "
                + (pieces.size() == 1 ? "it becomes " : "each becomes ") + Tokenizer.UNKNOWN + ".");
    }

    /** The texts of each generated token (its text up to it, and the part of that which fits the context). Background thread. */
    private static final class TokenTexts {
        private final Tokenizer tokenizer;
        private final String prompt;
        private final String decodedPrompt;
        private final int context;
        private int[] ids;
        private int generated;
        private String upToPrevious;

        TokenTexts(Tokenizer tokenizer, String prompt, int context) {
            this.tokenizer = tokenizer;
            this.prompt = prompt;
            this.context = context;
            this.ids = tokenizer.encode(prompt);
            this.decodedPrompt = tokenizer.decode(ids);
            this.upToPrevious = prompt;
        }

        GeneratedToken next(GenerationStep step) {
            ids = Arrays.copyOf(ids, ids.length + 1);
            ids[ids.length - 1] = step.id();
            String whole = tokenizer.decode(ids);
            String upTo = whole.startsWith(decodedPrompt) ? prompt + whole.substring(decodedPrompt.length()) : upToPrevious + step.text();
            String piece = upTo.startsWith(upToPrevious) ? upTo.substring(upToPrevious.length()) : step.text();
            upToPrevious = upTo;
            String window = ids.length <= context ? upTo : tokenizer.decode(Arrays.copyOfRange(ids, ids.length - context, ids.length));
            return new GeneratedToken(generated++, step, upTo, window, piece);
        }
    }
}
