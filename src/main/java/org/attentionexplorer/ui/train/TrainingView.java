package org.attentionexplorer.ui.train;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.WindowEvent;
import org.attentionexplorer.model.ModelTrace;
import org.attentionexplorer.ui.heatmap.HeatmapView;

/**
 * The training view: the form on the left; on the right the run's progress (bar, step, loss, tokens/s, ETA), the
 * loss chart, the probe sentence's attention for a chosen layer and head, the latest sample and the checkpoints
 * (double-click or Open hands one to {@link TrainingViewModel#onOpenCheckpointProperty()}).
 *
 * <p>For the window: {@link #closeRequested(WindowEvent, Runnable)} asks before closing during training and
 * closes once the checkpoint is saved.
 */
public final class TrainingView extends BorderPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final TrainingViewModel model;
    private final TrainingFormView formView;
    private final ProgressBar progress = new ProgressBar(0);
    private final Label stepLabel = new Label();
    private final Label speed = new Label();
    private final Label state = new Label();
    private final Label message = new Label();
    private final Label description = new Label();
    private final LossChart chart;
    private final CheckBox logScale = new CheckBox("Log scale");
    private final ChoiceBox<String> xAxis = new ChoiceBox<>();
    private final Spinner<Integer> layer = new Spinner<>(0, 0, 0);
    private final Spinner<Integer> head = new Spinner<>(0, 0, 0);
    private final Label probeTitle = new Label("Probe sentence");
    private final HeatmapView heatmap = new HeatmapView();
    private final TextArea sample = new TextArea();
    private final ListView<CheckpointList.Entry> checkpoints = new ListView<>();
    private final Button open = new Button("Open");
    private final Button continueRun = new Button("Continue training");

    public TrainingView(TrainingViewModel model) {
        this.model = model;
        this.formView = new TrainingFormView(model);
        this.chart = new LossChart(model.history());
        createView();
        initListeners();
    }

    public TrainingViewModel model() {
        return model;
    }

    /** The loss chart (tests count its points). */
    public LossChart chart() {
        return chart;
    }

    private void createView() {
        getStyleClass().add("training-view");
        ScrollPane left = new ScrollPane(formView);
        left.setFitToWidth(true);
        left.setPrefViewportWidth(480);
        setLeft(left);

        progress.setPrefWidth(320);
        stepLabel.getStyleClass().add("training-step");
        state.getStyleClass().add("training-state");
        state.setStyle("-fx-font-weight: bold;");
        HBox status = new HBox(14, state, progress, stepLabel, speed);
        status.setAlignment(Pos.CENTER_LEFT);
        for (Label label : new Label[] {state, stepLabel, speed}) {
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the bar gives way, the numbers never truncate
        }
        progress.setMinWidth(80);
        HBox.setHgrow(progress, Priority.SOMETIMES);
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wraps onto more lines instead of ending in "..."
        description.setWrapText(true);
        description.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        description.getStyleClass().add("panel-formula");

        xAxis.getItems().setAll("steps", "tokens seen");
        xAxis.setValue("steps");
        HBox chartTools = new HBox(12, new Label("Loss against"), xAxis, logScale);
        chartTools.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(chart, Priority.ALWAYS);

        layer.setPrefWidth(70);
        head.setPrefWidth(70);
        probeTitle.getStyleClass().add("panel-title");
        HBox probeTools = new HBox(8, new Label("Attention weights of layer"), layer, new Label("head"), head);
        probeTools.setAlignment(Pos.CENTER_LEFT);
        probeTools.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        heatmap.setPrefSize(460, 380);
        heatmap.setMinSize(200, 200);
        VBox probe = new VBox(4, probeTitle, probeTools, heatmap);
        VBox.setVgrow(heatmap, Priority.ALWAYS);

        sample.setEditable(false);
        sample.setWrapText(true);
        sample.setPrefRowCount(5);
        sample.getStyleClass().add("training-sample");
        checkpoints.setPrefHeight(150);
        checkpoints.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(CheckpointList.Entry entry, boolean empty) {
                super.updateItem(entry, empty);
                // two lines, so the step and the date stay visible in a narrow list
                setText(empty || entry == null ? null : String.format(Locale.ROOT, "%s%n%s%s   %.1f MB", entry.run(),
                        entry.step() >= 0 ? String.format(Locale.ROOT, "step %,d   ", entry.step()) : "not a checkpoint of ours   ",
                        WHEN.format(entry.modified()), entry.bytes() / 1e6));
            }
        });
        open.disableProperty().bind(checkpoints.getSelectionModel().selectedItemProperty().isNull());
        open.setTooltip(new Tooltip("Open the selected checkpoint as the model of the walk-through and the Generate tab"));
        continueRun.setId("continue-training");
        continueRun.disableProperty().bind(checkpoints.getSelectionModel().selectedItemProperty().isNull()
                .or(Bindings.createBooleanBinding(() -> model.stateProperty().get().active(), model.stateProperty())));
        continueRun.setTooltip(new Tooltip("Train the selected checkpoint further, on its own data and settings, up to the "
                + "Steps of the form if that is later than the end of its run"));
        Label sampleTitle = new Label("Latest sample");
        sampleTitle.getStyleClass().add("panel-title");
        Label checkpointTitle = new Label("Checkpoints");
        checkpointTitle.getStyleClass().add("panel-title");
        HBox checkpointHeader = new HBox(10, checkpointTitle, open, continueRun);
        checkpointHeader.setAlignment(Pos.CENTER_LEFT);
        VBox side = new VBox(6, sampleTitle, sample, checkpointHeader, checkpoints);
        HBox.setHgrow(side, Priority.ALWAYS);
        VBox.setVgrow(checkpoints, Priority.ALWAYS);
        HBox lower = new HBox(16, probe, side);

        VBox right = new VBox(8, status, message, description, chartTools, chart, lower);
        right.setPadding(new Insets(10));
        setCenter(right);
    }

    private void initListeners() {
        progress.progressProperty().bind(model.progressProperty());
        stepLabel.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "step %,d / %,d   loss %s",
                model.stepProperty().get(), model.totalStepsProperty().get(), number(model.lossProperty().get())),
                model.stepProperty(), model.totalStepsProperty(), model.lossProperty()));
        speed.textProperty().bind(Bindings.createStringBinding(() -> {
            double rate = model.tokensPerSecondProperty().get();
            return Double.isFinite(rate) ? String.format(Locale.ROOT, "%,.0f tokens/s   ETA %s", rate,
                    TrainingViewModel.duration(model.etaSecondsProperty().get())) : "";
        }, model.tokensPerSecondProperty(), model.etaSecondsProperty()));
        state.textProperty().bind(model.stateProperty().map(s -> s.name().charAt(0) + s.name().substring(1).toLowerCase(Locale.ROOT)));
        message.textProperty().bind(model.messageProperty());
        description.textProperty().bind(model.runDescriptionProperty());
        sample.textProperty().bind(model.sampleProperty());

        logScale.selectedProperty().bindBidirectional(model.logScaleProperty());
        model.logScaleProperty().addListener((o, was, is) -> chart.setLogScale(is));
        xAxis.setOnAction(e -> model.tokensOnXAxisProperty().set("tokens seen".equals(xAxis.getValue())));
        model.tokensOnXAxisProperty().addListener((o, was, is) -> {
            chart.setTokensOnXAxis(is);
            xAxis.setValue(is ? "tokens seen" : "steps");
        });

        layer.valueProperty().addListener((o, was, is) -> model.probeLayerProperty().set(is));
        head.valueProperty().addListener((o, was, is) -> model.probeHeadProperty().set(is));
        model.probeTraceProperty().addListener((o, was, is) -> fitSpinners(is));
        model.probeHeatmapProperty().addListener((o, was, is) -> heatmap.setData(is));
        model.probeStepProperty().addListener((o, was, is) -> probeTitle.setText(is.longValue() < 0
                ? "Probe sentence" : "Probe sentence after step " + is));

        checkpoints.setItems(model.checkpoints());
        open.setOnAction(e -> openSelected());
        continueRun.setOnAction(e -> {
            CheckpointList.Entry entry = checkpoints.getSelectionModel().getSelectedItem();
            if (entry != null) {
                model.continueTraining(entry.path());
            }
        });
        checkpoints.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected();
            }
        });
    }

    /**
     * For the window's close request: during training, asks whether to stop; if so the window closes (through
     * {@code close}) once the checkpoint of the last step is saved; otherwise the request is refused.
     */
    public void closeRequested(WindowEvent event, Runnable close) {
        if (!model.running()) {
            return;
        }
        event.consume();
        ButtonType stopAndClose = new ButtonType("Stop, save and close", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep training", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, String.format(Locale.ROOT,
                "Training is at step %,d of %,d. Closing stops it after the current step and saves a checkpoint first.",
                model.stepProperty().get(), model.totalStepsProperty().get()), stopAndClose, keep);
        ask.setHeaderText("Stop training and close?");
        if (getScene() != null) {
            ask.initOwner(getScene().getWindow());
        }
        if (ask.showAndWait().orElse(keep) == stopAndClose) {
            model.stop().whenComplete((ended, error) -> Platform.runLater(close));
        }
    }

    /** Blocks until a running training has stopped and saved, at most {@code timeout}; for a close without a dialog. */
    public boolean stopAndWait(Duration timeout) {
        return model.stopAndWait(timeout);
    }

    private void openSelected() {
        CheckpointList.Entry entry = checkpoints.getSelectionModel().getSelectedItem();
        if (entry != null) {
            model.openCheckpoint(entry.path());
        }
    }

    private void fitSpinners(ModelTrace trace) {
        if (trace == null) {
            return;
        }
        int layers = trace.layers().size();
        int heads = trace.layers().get(0).heads().size();
        if (((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) layer.getValueFactory()).getMax() != layers - 1) {
            layer.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(0, layers - 1,
                    Math.min(model.probeLayerProperty().get(), layers - 1)));
        }
        if (((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) head.getValueFactory()).getMax() != heads - 1) {
            head.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(0, heads - 1,
                    Math.min(model.probeHeadProperty().get(), heads - 1)));
        }
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "-";
    }
}
