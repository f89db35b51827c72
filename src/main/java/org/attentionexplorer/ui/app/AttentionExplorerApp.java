package org.attentionexplorer.ui.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Stage;
import org.attentionexplorer.attention.Lesson;
import org.attentionexplorer.attention.LessonException;
import org.attentionexplorer.attention.LessonJson;
import org.attentionexplorer.io.BundledModel;
import org.attentionexplorer.train.Benchmark;
import org.attentionexplorer.ui.generate.GenerationView;
import org.attentionexplorer.ui.generate.GenerationViewModel;
import org.attentionexplorer.ui.lesson.Source;
import org.attentionexplorer.ui.model.ModelBar;
import org.attentionexplorer.ui.model.ModelGridView;
import org.attentionexplorer.ui.model.ModelViewModel;
import org.attentionexplorer.ui.train.TrainingView;
import org.attentionexplorer.ui.train.TrainingViewModel;
import org.attentionexplorer.ui.lesson.LessonViewModel;
import org.attentionexplorer.ui.lesson.Step;
import org.attentionexplorer.ui.task.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop application: opens on the last lesson the user had (the bundled one the first time), with the
 * window where it was and the text size the user chose.
 */
public final class AttentionExplorerApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(AttentionExplorerApp.class);

    @Override
    public void start(Stage stage) {
        AppOptions options = AppOptions.of(getParameters().getNamed());
        WindowState state = WindowState.forUser();
        BackgroundWork work = BackgroundWork.withDaemonThread(Platform::runLater);
        LessonViewModel model = new LessonViewModel(work, firstLesson(options, state));
        options.step().flatMap(Step::byId).ifPresent(model.stepProperty()::set);
        MainWindow window = new MainWindow(model);
        window.setOnLessonFile(state::setLastLesson);

        double[] bounds = state.bounds().orElse(new double[] {Double.NaN, Double.NaN, 1280, 860});
        Scene scene = new Scene(window, bounds[2], bounds[3]);
        scene.getStylesheets().add(AttentionExplorerApp.class.getResource("/styles/app.css").toExternalForm());
        PresentationMode presentation = new PresentationMode(stage, state);
        presentation.install(scene);
        addViewMenu(window, presentation, stage);

        stage.setTitle("Attention Explorer");
        stage.setScene(scene);
        if (!Double.isNaN(bounds[0])) {
            stage.setX(bounds[0]);
            stage.setY(bounds[1]);
        }
        stage.setMaximized(state.maximized());
        stage.setOnHidden(e -> remember(stage, state));
        ModelViewModel models = new ModelViewModel(BackgroundWork.withDaemonThread(Platform::runLater), model);
        window.setWalkThroughTop(new ModelBar(models, model));
        window.stepView().setStepNineView(new ModelGridView(models, model));

        TrainingView training = new TrainingView(TrainingViewModel.forApp(BackgroundWork.withDaemonThread(Platform::runLater)));
        window.addTab("Train", training);
        GenerationViewModel generation = new GenerationViewModel(BackgroundWork.withDaemonThread(Platform::runLater),
                Platform::runLater);
        Tab generate = window.addTab("Generate", new GenerationView(generation));
        generation.onShowAttentionProperty().set(text -> {
            models.textProperty().set(text);
            model.sourceProperty().set(Source.MODEL);
            model.stepProperty().set(Step.MODEL);
            window.showWalkThrough();
        });
        ModelOpener opener = new ModelOpener(models, window, state, generation::setModel);
        training.model().form().openModelProperty().bind(models.loadedProperty());
        training.model().onOpenCheckpointProperty().set(file -> {
            opener.open(file);
            generate.getTabPane().getSelectionModel().select(0);
        });
        options.model().or(state::lastModel).or(BundledModel::locate).ifPresent(opener::open);
        stage.setOnCloseRequest(event -> training.closeRequested(event, stage::close));

        stage.show();
        window.requestFocus();
        work.newSlot().submit(Benchmark::backendDescription, backend -> window.statusBar().setText("Backend: " + backend),
                e -> window.statusBar().setText("Backend: not available (" + e.getMessage() + ")"));
        options.afterFirstFrame(scene);
    }

    private static Lesson firstLesson(AppOptions options, WindowState state) {
        var file = options.lesson().or(state::lastLesson);
        if (file.isPresent()) {
            try {
                return LessonJson.read(file.get());
            } catch (LessonException e) {
                LOG.warn("opening the bundled lesson instead: {}", e.getMessage());
            }
        }
        return LessonJson.bundled();
    }

    private static void addViewMenu(MainWindow window, PresentationMode presentation, Stage stage) {
        // F5, F11 and Ctrl +/-/0 are handled by the presentation mode's key filter; the menu names them
        MenuItem present = new MenuItem("Present: full screen, larger text (F5)");
        present.setOnAction(e -> presentation.togglePresenting());
        MenuItem fullScreen = new MenuItem("Full screen (F11)");
        fullScreen.setOnAction(e -> stage.setFullScreen(!stage.isFullScreen()));
        MenuItem larger = new MenuItem("Larger text (Ctrl +)");
        larger.setOnAction(e -> presentation.larger());
        MenuItem smaller = new MenuItem("Smaller text (Ctrl -)");
        smaller.setOnAction(e -> presentation.smaller());
        MenuItem reset = new MenuItem("Normal text size (Ctrl 0)");
        reset.setOnAction(e -> presentation.resetFont());
        window.viewMenu().getItems().addAll(present, fullScreen, new SeparatorMenuItem(), larger, smaller, reset);
    }

    private static void remember(Stage stage, WindowState state) {
        state.setMaximized(stage.isMaximized());
        if (!stage.isMaximized() && !stage.isFullScreen()) {
            state.setBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        }
        state.flush();
    }
}
