package org.attentionexplorer.ui.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.attentionexplorer.text.TokenLabels;

/**
 * The generation view: the prompt and sampling settings on the left; on the right the prompt followed by the
 * generated tokens, each a clickable chip, which appear as the model makes them; below, the clicked token's
 * candidates as probability bars, with a button that shows its attention in the model view
 * ({@link GenerationViewModel#onShowAttentionProperty()}).
 */
public final class GenerationView extends BorderPane {
    private final GenerationViewModel model;
    private final TextArea prompt = new TextArea();
    private final Label modelName = new Label();
    private final SliderField temperature;
    private final SliderField topK;
    private final SliderField topP;
    private final SliderField maxTokens;
    private final TextField seed = new TextField();
    private final Button generate = new Button("Generate");
    private final Button stop = new Button("Stop");
    private final Label error = new Label();
    private final Label note = new Label();
    private final Label status = new Label();
    private final List<Node> promptChips = new ArrayList<>();
    private final TextFlow output = new TextFlow();
    private final List<Label> chips = new ArrayList<>();
    private final CandidateBars bars = new CandidateBars();
    private final Button showAttention = new Button("Show its attention in the model steps");
    /** Text typed into a field that is not a number: said here, the value stays. */
    private final Label inputProblem = new Label();
    private String seedProblem = "";

    public GenerationView(GenerationViewModel model) {
        this.model = model;
        this.temperature = new SliderField("Temperature", 0, 2, 2, model.temperatureProperty());
        this.topK = new SliderField("Top-k", 0, Math.max(1, model.vocabSizeProperty().get()), 0, model.topKProperty());
        this.topP = new SliderField("Top-p", 0.01, 1, 2, model.topPProperty());
        this.maxTokens = new SliderField("Max tokens", 1, 500, 0, model.maxTokensProperty());
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("generation-view");
        getStylesheets().add(Objects.requireNonNull(GenerationView.class.getResource("/styles/generation.css")).toExternalForm());

        Label settingsTitle = new Label("Generate");
        settingsTitle.getStyleClass().add("generation-title");
        modelName.getStyleClass().add("model-name");
        modelName.setWrapText(true);
        prompt.setPromptText("Type a prompt for the model to continue");
        prompt.setWrapText(true);
        prompt.setPrefRowCount(4);
        prompt.getStyleClass().add("prompt");
        seed.setPrefColumnCount(8);
        seed.setAccessibleText("Seed");
        Label seedName = new Label("Seed");
        seedName.getStyleClass().add("setting-name");
        seedName.setPrefWidth(110);
        HBox seedRow = new HBox(8, seedName, seed);
        seedRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label hint = new Label("Temperature 0 is greedy. Top-k 0 and top-p 1 keep every token.");
        hint.getStyleClass().add("generation-hint");
        hint.setWrapText(true);
        generate.setDefaultButton(true);
        generate.getStyleClass().add("generate-button");
        HBox buttons = new HBox(8, generate, stop);
        Stream.of(error, inputProblem).forEach(l -> {
            l.getStyleClass().add("generation-error");
            l.setWrapText(true);
        });
        note.getStyleClass().add("generation-note");
        note.setWrapText(true);
        VBox settings = new VBox(10, settingsTitle, modelName, new Label("Prompt"), prompt, temperature, topK, topP, maxTokens,
                seedRow, hint, buttons, error, inputProblem, note);
        settings.getStyleClass().add("generation-settings");
        settings.setPadding(new Insets(12));
        settings.setPrefWidth(400);
        settings.setMinWidth(320);
        // wrapped labels need a width to wrap at
        Stream.of(modelName, hint, error, inputProblem, note).forEach(l -> l.setMaxWidth(Double.MAX_VALUE));
        ScrollPane settingsScroll = new ScrollPane(settings);
        settingsScroll.setFitToWidth(true);
        settingsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        setLeft(settingsScroll);

        output.getStyleClass().add("generated-text");
        output.setLineSpacing(6);
        ScrollPane outputScroll = new ScrollPane(output);
        outputScroll.setFitToWidth(true);
        outputScroll.getStyleClass().add("generated-scroll");
        VBox.setVgrow(outputScroll, Priority.ALWAYS);
        status.getStyleClass().add("generation-status");
        showAttention.getStyleClass().add("show-attention");
        VBox barsBox = new VBox(8, bars, showAttention);
        barsBox.getStyleClass().add("bars-box");
        VBox right = new VBox(10, outputScroll, status, barsBox);
        right.setPadding(new Insets(12));
        setCenter(right);
    }

    private void initListeners() {
        prompt.textProperty().bindBidirectional(model.promptProperty());
        modelName.textProperty().bind(Bindings.when(model.modelNameProperty().isEmpty()).then("No model loaded")
                .otherwise(Bindings.concat("Model: ", model.modelNameProperty())));
        model.vocabSizeProperty().addListener((obs, old, now) -> topK.setMax(Math.max(1, now.intValue())));
        seed.setText(Long.toString(model.seedProperty().get()));
        model.seedProperty().addListener((obs, old, now) -> seed.setText(Long.toString(now.longValue())));
        seed.setOnAction(e -> commitSeed());
        seed.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                commitSeed();
            }
        });
        generate.disableProperty().bind(model.canGenerateProperty().not());
        generate.setOnAction(e -> {
            commitSeed();
            model.generate();
        });
        stop.disableProperty().bind(model.runningProperty().not());
        stop.setOnAction(e -> model.stop());
        error.textProperty().bind(model.errorProperty());
        Stream.of(error, note, inputProblem).forEach(l -> {
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        });
        // a field's refused text is said once, under the settings
        Stream.of(temperature, topK, topP, maxTokens).forEach(f -> f.problemProperty().addListener((obs, old, now) -> showInputProblems()));
        note.textProperty().bind(model.noteProperty());
        status.textProperty().bind(model.statusProperty());
        model.promptTokensProperty().addListener((obs, old, now) -> showPrompt(now));
        model.tokens().addListener((ListChangeListener<GeneratedToken>) change -> {
            while (change.next()) {
                if (change.wasRemoved() && change.getList().isEmpty()) {
                    clearChips();
                }
                if (change.wasAdded()) {
                    change.getAddedSubList().forEach(this::addChip);
                }
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (old != null && old.index() < chips.size()) {
                chips.get(old.index()).getStyleClass().remove("selected");
            }
            if (now != null && now.index() < chips.size()) {
                chips.get(now.index()).getStyleClass().add("selected");
            }
            bars.show(now);
        });
        showAttention.disableProperty().bind(model.selectedProperty().isNull().or(model.onShowAttentionProperty().isNull()));
        showAttention.setOnAction(e -> model.showAttention());
    }

    private void commitSeed() {
        String text = seed.getText().trim();
        try {
            model.seedProperty().set(Long.parseLong(text));
            seedProblem = "";
        } catch (NumberFormatException e) {
            seedProblem = "Seed: \"" + text + "\" is not a whole number; it stays " + model.seedProperty().get() + ".";
        }
        showInputProblems();
    }

    private void showInputProblems() {
        Stream<String> fields = Stream.of(temperature, topK, topP, maxTokens).map(f -> f.problemProperty().get());
        inputProblem.setText(String.join(" ", Stream.concat(fields, Stream.of(seedProblem)).filter(p -> !p.isEmpty()).toList()));
    }

    private void clearChips() {
        output.getChildren().setAll(promptChips);
        chips.clear();
    }

    /** The prompt's tokens as grey chips (not clickable): struck through where the context cut them off, marked where unknown. */
    private void showPrompt(List<PromptToken> tokens) {
        promptChips.clear();
        for (PromptToken token : tokens) {
            Label chip = new Label(chipText(token.text()));
            chip.getStyleClass().add("prompt-chip");
            if (token.unknown()) {
                chip.getStyleClass().add("unknown");
            }
            if (!token.seen()) {
                chip.getStyleClass().add("cropped");
            }
            promptChips.add(chip);
            if (token.text().contains("\n")) {
                promptChips.add(new Text("\n"));
            }
        }
        output.getChildren().setAll(promptChips);
        output.getChildren().addAll(chips);
    }

    private void addChip(GeneratedToken token) {
        Label chip = new Label(chipText(token.piece()));
        chip.getStyleClass().add("token-chip");
        chip.setOnMouseClicked(e -> {
            model.select(token.index());
            chip.requestFocus();
        });
        // keyboard: Tab reaches the chips, focusing one selects it, the arrow keys move to its neighbours
        chip.setFocusTraversable(true);
        chip.focusedProperty().addListener((obs, was, is) -> {
            if (is) {
                model.select(token.index());
            }
        });
        chip.setOnKeyPressed(e -> {
            int to = switch (e.getCode()) {
                case LEFT, UP -> token.index() - 1;
                case RIGHT, DOWN -> token.index() + 1;
                case HOME -> 0;
                case END -> chips.size() - 1;
                default -> -1;
            };
            if (to >= 0 && to < chips.size()) {
                chips.get(to).requestFocus();
                e.consume();
            }
        });
        chip.setAccessibleText("generated token " + (token.index() + 1) + ": " + token.piece());
        chips.add(chip);
        List<Node> children = output.getChildren();
        children.add(chip);
        if (token.text().contains("\n")) {
            children.add(new Text("\n"));
        }
    }

    /** What a chip shows: a newline as an arrow (the line then breaks after the chip), other invisible characters escaped. */
    static String chipText(String text) {
        return TokenLabels.escape(text.replace("\n", "\u21b5").replace("\t", "\u2192"));
    }
}
