package org.attentionexplorer.ui.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.attentionexplorer.attention.LessonJson;
import org.attentionexplorer.train.Benchmark;
import org.attentionexplorer.ui.lesson.LessonViewModel;
import org.attentionexplorer.ui.lesson.Step;
import org.attentionexplorer.ui.task.BackgroundWork;

/** The desktop application: opens on the bundled lesson. */
public final class AttentionExplorerApp extends Application {
    @Override
    public void start(Stage stage) {
        BackgroundWork work = BackgroundWork.withDaemonThread(Platform::runLater);
        LessonViewModel model = new LessonViewModel(work, LessonJson.bundled());
        // -Dae.step=mask opens on that step (for screenshots and demos)
        Step.byId(System.getProperty("ae.step", "")).ifPresent(model.stepProperty()::set);
        MainWindow window = new MainWindow(model);
        Scene scene = new Scene(window, 1280, 860);
        scene.getStylesheets().add(AttentionExplorerApp.class.getResource("/styles/app.css").toExternalForm());
        stage.setTitle("Attention Explorer");
        stage.setScene(scene);
        stage.show();
        window.requestFocus();
        work.newSlot().submit(Benchmark::backendDescription, backend -> window.statusBar().setText("Backend: " + backend),
                e -> window.statusBar().setText("Backend: not available (" + e.getMessage() + ")"));
    }

}
