package org.attentionexplorer.ui.train;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.attentionexplorer.data.SyntheticTasks;
import org.attentionexplorer.model.GptConfig;
import org.controlsfx.control.PropertySheet;

/**
 * The left column of the training view: the data (a text file or a synthetic task), a preset, every setting in a
 * property sheet, the checkpoint folder and the probe sentence, the problems that keep Start disabled, and the
 * run's buttons.
 */
final class TrainingFormView extends VBox {
    private final TrainingViewModel model;
    private final TrainingForm form;
    private final RadioButton textSource = new RadioButton("Text file");
    private final RadioButton taskSource = new RadioButton("Synthetic task");
    private final Label textFile = new Label();
    private final Button chooseText = new Button("Choose...");
    private final ComboBox<String> task = new ComboBox<>();
    private final ComboBox<String> preset = new ComboBox<>();
    private final CheckBox fineTune = new CheckBox("Fine-tune the open model");
    private final PropertySheet sheet = new PropertySheet();
    private final Label folder = new Label();
    private final Button chooseFolder = new Button("Change...");
    private final TextField probe = new TextField();
    private final Label problems = new Label();
    final Button start = new Button("Start");
    final Button pause = new Button("Pause");
    final Button stop = new Button("Stop");

    TrainingFormView(TrainingViewModel model) {
        this.model = model;
        this.form = model.form();
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("training-form");
        setSpacing(8);
        setPadding(new Insets(10));
        ToggleGroup sources = new ToggleGroup();
        textSource.setToggleGroup(sources);
        taskSource.setToggleGroup(sources);
        task.getItems().setAll(SyntheticTasks.names());
        preset.getItems().setAll(GptConfig.presetNames());
        textFile.setMaxWidth(220);
        HBox textRow = new HBox(6, textSource, chooseText, textFile);
        HBox taskRow = new HBox(6, taskSource, task);
        HBox presetRow = new HBox(6, new Label("Preset"), preset);
        sheet.getItems().setAll(form.fields().stream().map(f -> (PropertySheet.Item) new FieldItem<>(f)).toList());
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setSearchBoxVisible(false);
        sheet.setModeSwitcherVisible(false);
        sheet.setPrefHeight(430);
        VBox.setVgrow(sheet, Priority.ALWAYS);
        folder.setMaxWidth(260);
        HBox folderRow = new HBox(6, new Label("Checkpoints in"), folder, chooseFolder);
        probe.setPromptText("the start of the validation data");
        HBox probeRow = new HBox(6, new Label("Probe sentence"), probe);
        HBox.setHgrow(probe, Priority.ALWAYS);
        problems.getStyleClass().add("training-problems");
        problems.setStyle("-fx-text-fill: #b00020;");
        problems.setWrapText(true);
        problems.setMaxWidth(440);
        start.setDefaultButton(true);
        HBox buttons = new HBox(8, start, pause, stop);
        for (HBox row : new HBox[] {textRow, taskRow, presetRow, folderRow, probeRow}) {
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }
        Label title = new Label("Train a model");
        title.getStyleClass().add("step-title");
        getChildren().addAll(title, textRow, taskRow, fineTune, presetRow, sheet, folderRow, probeRow, problems, buttons);
        setPrefWidth(470);
    }

    private void initListeners() {
        sync();
        form.sourceProperty().addListener(x -> sync());
        form.textFileProperty().addListener(x -> sync());
        form.taskProperty().addListener(x -> sync());
        form.presetProperty().addListener(x -> sync());
        form.checkpointRootProperty().addListener(x -> sync());
        textSource.setOnAction(e -> form.sourceProperty().set(TrainingForm.Source.TEXT_FILE));
        taskSource.setOnAction(e -> form.chooseTask(task.getValue()));
        task.setOnAction(e -> {
            if (task.getValue() != null && !task.getValue().equals(form.taskProperty().get())) {
                form.chooseTask(task.getValue());
            }
        });
        preset.setOnAction(e -> {
            if (preset.getValue() != null && !preset.getValue().equals(form.presetProperty().get())) {
                form.applyPreset(preset.getValue());
            }
        });
        chooseText.setOnAction(e -> chooseText());
        chooseFolder.setOnAction(e -> chooseFolder());
        probe.textProperty().bindBidirectional(form.probeTextProperty());
        fineTune.selectedProperty().bindBidirectional(form.fineTuneProperty());
        fineTune.disableProperty().bind(form.openModelProperty().isNull());
        fineTune.textProperty().bind(Bindings.createStringBinding(() -> form.openModelProperty().get() == null
                ? "Fine-tune the open model (none is open)"
                : "Fine-tune the open model: " + form.openModelProperty().get().source().getFileName(), form.openModelProperty()));
        preset.disableProperty().bind(form.fineTuneProperty());
        problems.textProperty().bind(Bindings.createStringBinding(
                () -> model.problems().isEmpty() ? "" : "Before starting: " + String.join("\n", model.problems()), model.problems()));
        start.disableProperty().bind(model.canStartProperty().not());
        start.setOnAction(e -> model.start());
        pause.textProperty().bind(Bindings.when(model.stateProperty().isEqualTo(TrainingViewModel.RunState.PAUSED))
                .then("Resume").otherwise("Pause"));
        pause.disableProperty().bind(model.stateProperty().isNotEqualTo(TrainingViewModel.RunState.RUNNING)
                .and(model.stateProperty().isNotEqualTo(TrainingViewModel.RunState.PAUSED)));
        pause.setOnAction(e -> {
            if (model.stateProperty().get() == TrainingViewModel.RunState.PAUSED) {
                model.resume();
            } else {
                model.pause();
            }
        });
        stop.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            TrainingViewModel.RunState s = model.stateProperty().get();
            return !s.active() || s == TrainingViewModel.RunState.STOPPING;
        }, model.stateProperty()));
        stop.setOnAction(e -> model.stop());
        sheet.disableProperty().bind(Bindings.createBooleanBinding(() -> model.stateProperty().get().active(), model.stateProperty()));
    }

    /** Shows the form's data choice in the controls that are not bound. */
    private void sync() {
        boolean text = form.sourceProperty().get() == TrainingForm.Source.TEXT_FILE;
        textSource.setSelected(text);
        taskSource.setSelected(!text);
        textFile.setText(form.textFileProperty().get() == null ? "(none)" : form.textFileProperty().get().getFileName().toString());
        task.setValue(form.taskProperty().get());
        preset.setValue(form.presetProperty().get());
        folder.setText(form.checkpointRootProperty().get() == null ? "(none)" : form.checkpointRootProperty().get().toString());
    }

    private void chooseText() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Texts (*.txt, *.pdf)", "*.txt", "*.pdf"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            form.chooseTextFile(file.toPath());
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        if (form.checkpointRootProperty().get() != null && form.checkpointRootProperty().get().toFile().isDirectory()) {
            chooser.setInitialDirectory(form.checkpointRootProperty().get().toFile());
        }
        File dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) {
            form.checkpointRootProperty().set(dir.toPath());
        }
    }
}
