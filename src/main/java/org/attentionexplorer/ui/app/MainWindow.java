package org.attentionexplorer.ui.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.attentionexplorer.ui.lesson.LessonEditor;
import org.attentionexplorer.ui.lesson.LessonViewModel;
import org.attentionexplorer.ui.lesson.Step;
import org.attentionexplorer.ui.lesson.StepView;
import org.controlsfx.control.StatusBar;

/**
 * The application window: a menu bar and the lesson's settings on top; tabs in the middle, the first of which is
 * the walk-through (the steps on the left, arrow keys step through them; the current step in the middle; the lesson
 * editor on the right when shown); a status bar at the bottom. Other features add their own tabs
 * ({@link #addTab}) and menu items ({@link #fileMenu()}).
 */
public final class MainWindow extends BorderPane {
    private final LessonViewModel model;
    private final StatusBar status = new StatusBar();
    private final TabPane tabs = new TabPane();
    private final Menu fileMenu = new Menu("_File");
    private final Menu viewMenu = new Menu("_View");
    private final ToggleButton edit = new ToggleButton("Edit lesson");
    private final StepView stepView;
    private final BorderPane walkThrough = new BorderPane();
    private Consumer<Path> onLessonFile = path -> { };

    public MainWindow(LessonViewModel model) {
        this.model = model;
        this.stepView = new StepView(model);
        createView();
        initListeners();
    }

    /** The status bar, where the app reports the backend and running work. */
    public StatusBar statusBar() {
        return status;
    }

    /** The File menu, for features that open their own files (models, checkpoints). */
    public Menu fileMenu() {
        return fileMenu;
    }

    /** The View menu, for the presentation controls. */
    public Menu viewMenu() {
        return viewMenu;
    }

    /** Adds a feature's view as a tab after the walk-through. */
    public Tab addTab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        tabs.getTabs().add(tab);
        return tab;
    }

    /** Shows the walk-through tab (for example when another view asks to show a head's attention). */
    public void showWalkThrough() {
        tabs.getSelectionModel().select(0);
    }

    /** The step view, which shows step 9 with the node the model feature gives it. */
    public StepView stepView() {
        return stepView;
    }

    /** A bar above the walk-through's steps (the model's text and head selectors). */
    public void setWalkThroughTop(Node bar) {
        walkThrough.setTop(bar);
    }

    /** Called with every lesson file opened or saved, so the app can remember the last one. */
    public void setOnLessonFile(Consumer<Path> listener) {
        this.onLessonFile = listener;
    }

    private void createView() {
        getStyleClass().add("main-window");
        ListView<Step> steps = new ListView<>();
        steps.getItems().addAll(model.steps());
        // step 9 joins the list once a model is open
        model.modelStepsProperty().addListener((o, was, is) -> {
            if (steps.getItems().size() != model.steps().size()) {
                Step current = model.stepProperty().get();
                steps.getItems().setAll(model.steps());
                steps.getSelectionModel().select(current);
            }
        });
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
        steps.setPrefWidth(310);
        steps.getStyleClass().add("step-list");

        ScrollPane center = new ScrollPane(stepView);
        center.setFitToWidth(true);
        ScrollPane editor = new ScrollPane(new LessonEditor(model));
        editor.setFitToWidth(true);
        editor.setPrefWidth(400);
        editor.setId("lesson-editor-pane");
        editor.visibleProperty().bind(edit.selectedProperty());
        editor.managedProperty().bind(edit.selectedProperty());

        walkThrough.setCenter(center);
        walkThrough.setLeft(steps);
        walkThrough.setRight(editor);
        tabs.getStyleClass().add("main-tabs");
        addTab("Walk-through", walkThrough);

        setTop(new VBox(menuBar(), toolbar()));
        setCenter(tabs);
        status.setText("");
        setBottom(status);
        setPadding(Insets.EMPTY);
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open lesson...");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> chooseFile(false));
        MenuItem save = new MenuItem("Save lesson as...");
        save.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        save.setOnAction(e -> chooseFile(true));
        fileMenu.getItems().addAll(open, save);
        return new MenuBar(fileMenu, viewMenu);
    }

    private ToolBar toolbar() {
        Label name = new Label();
        name.textProperty().bind(model.lessonProperty().map(l -> l.name()));
        name.getStyleClass().add("lesson-name");
        Button open = new Button("Open lesson...");
        open.setOnAction(e -> chooseFile(false));
        CheckBox causal = new CheckBox("Causal");
        causal.setSelected(model.lesson().causal());
        causal.setTooltip(new Tooltip("Context vectors use the causal weights: no token attends to a later one"));
        causal.selectedProperty().addListener((o, was, is) -> model.setCausal(is));
        Spinner<Double> dropout = new Spinner<>(0.0, 0.9, model.lesson().dropout(), 0.1);
        dropout.setPrefWidth(80);
        dropout.setTooltip(new Tooltip("Dropout rate on the attention weights (training mode only)"));
        dropout.valueProperty().addListener((o, was, is) -> model.setDropout(is));
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, (int) model.lesson().seed());
        seed.setEditable(true);
        seed.setPrefWidth(110);
        seed.setTooltip(new Tooltip("torch.manual_seed for the weights and the dropout mask"));
        seed.valueProperty().addListener((o, was, is) -> model.setSeed(is));
        model.lessonProperty().addListener((o, was, is) -> {
            causal.setSelected(is.causal());
            dropout.getValueFactory().setValue(is.dropout());
            seed.getValueFactory().setValue((int) is.seed());
        });
        edit.setTooltip(new Tooltip("Edit the tokens, the embeddings X, the module, d_out and heads"));
        return new ToolBar(name, new Separator(), open, edit, new Separator(), causal, new Label("Dropout"), dropout,
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

    /** File > Open lesson with the file chosen: a file that cannot be read is explained in a dialog and the lesson stays. */
    void openLesson(Path path) {
        model.open(path);
        if (!model.errorProperty().get().isEmpty()) {
            Dialogs.error(this, "The lesson could not be opened", model.errorProperty().get()
                    + "\n\nThe lesson you had open is still open.");
        } else {
            onLessonFile.accept(path);
        }
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
            openLesson(path);
            return;
        }
        try {
            model.save(path);
            onLessonFile.accept(path);
        } catch (IOException e) {
            Dialogs.error(this, "The lesson could not be saved",
                    path + ": " + e.getMessage() + ". Your lesson is still open; try another folder.");
        }
    }
}
