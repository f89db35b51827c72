package org.attentionexplorer.ui.app;

import java.io.IOException;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.attentionexplorer.ui.lesson.LessonViewModel;
import org.attentionexplorer.ui.lesson.Step;
import org.attentionexplorer.ui.lesson.StepView;
import org.controlsfx.control.StatusBar;

/**
 * The application window: the lesson's settings on top, the steps on the left (arrow keys step through them),
 * the current step in the middle, and a status bar at the bottom.
 */
public final class MainWindow extends BorderPane {
    private final LessonViewModel model;
    private final StatusBar status = new StatusBar();

    public MainWindow(LessonViewModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    /** The status bar, where the app reports the backend and running work. */
    public StatusBar statusBar() {
        return status;
    }

    private void createView() {
        getStyleClass().add("main-window");
        ListView<Step> steps = new ListView<>();
        steps.getItems().addAll(Step.LESSON_STEPS);
        steps.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Step step, boolean empty) {
                super.updateItem(step, empty);
                setText(empty || step == null ? null : step.title());
            }
        });
        steps.getSelectionModel().select(model.stepProperty().get());
        steps.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                model.stepProperty().set(is);
            }
        });
        model.stepProperty().addListener((o, was, is) -> steps.getSelectionModel().select(is));
        steps.setPrefWidth(300);
        setLeft(steps);

        ScrollPane center = new ScrollPane(new StepView(model));
        center.setFitToWidth(true);
        setCenter(center);
        setTop(toolbar());
        status.setText("");
        setBottom(status);
        setPadding(Insets.EMPTY);
    }

    private ToolBar toolbar() {
        Button open = new Button("Open lesson...");
        open.setOnAction(e -> chooseFile(false));
        Button save = new Button("Save lesson as...");
        save.setOnAction(e -> chooseFile(true));
        Label name = new Label();
        name.textProperty().bind(model.lessonProperty().map(l -> l.name()));
        name.getStyleClass().add("lesson-name");
        CheckBox causal = new CheckBox("Causal");
        causal.setSelected(model.lesson().causal());
        causal.selectedProperty().addListener((o, was, is) -> model.setCausal(is));
        Spinner<Double> dropout = new Spinner<>(0.0, 0.9, model.lesson().dropout(), 0.1);
        dropout.setPrefWidth(80);
        dropout.valueProperty().addListener((o, was, is) -> model.setDropout(is));
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, (int) model.lesson().seed());
        seed.setEditable(true);
        seed.setPrefWidth(110);
        seed.valueProperty().addListener((o, was, is) -> model.setSeed(is));
        return new ToolBar(name, new Separator(), open, save, new Separator(), causal, new Label("Dropout"), dropout,
                new Label("Seed"), seed);
    }

    private void initListeners() {
        setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.RIGHT) {
                model.nextStep();
                event.consume();
            } else if (event.getCode() == KeyCode.LEFT) {
                model.previousStep();
                event.consume();
            }
        });
        model.errorProperty().addListener((o, was, is) -> status.setText(is));
    }

    private void chooseFile(boolean save) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lessons (*.json)", "*.json"));
        Window window = getScene().getWindow();
        var file = save ? chooser.showSaveDialog(window) : chooser.showOpenDialog(window);
        if (file == null) {
            return;
        }
        Path path = file.toPath();
        if (!save) {
            model.open(path);
            if (!model.errorProperty().get().isEmpty()) {
                alert("The lesson could not be opened", model.errorProperty().get());
            }
            return;
        }
        try {
            model.save(path);
        } catch (IOException e) {
            alert("The lesson could not be saved", path + ": " + e.getMessage() + ". Your lesson is still open; try another folder.");
        }
    }

    private void alert(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.ERROR, text);
        alert.setHeaderText(header);
        alert.initOwner(getScene().getWindow());
        alert.showAndWait();
    }
}
