package org.attentionexplorer.ui.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.attentionexplorer.attention.Lesson;
import org.attentionexplorer.attention.LessonJson;
import org.attentionexplorer.train.Benchmark;
import org.attentionexplorer.ui.lesson.LessonViewModel;
import org.attentionexplorer.ui.lesson.Step;
import org.attentionexplorer.ui.task.BackgroundWork;

/** The desktop application: opens on the bundled lesson. */
public final class AttentionExplorerApp extends Application {
    static final String BUNDLED_LESSON = "lessons/your-journey.json";

    @Override
    public void start(Stage stage) throws IOException {
        BackgroundWork work = BackgroundWork.withDaemonThread(Platform::runLater);
        LessonViewModel model = new LessonViewModel(work, bundledLesson());
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

    static Lesson bundledLesson() throws IOException {
        try (InputStream in = AttentionExplorerApp.class.getClassLoader().getResourceAsStream(BUNDLED_LESSON)) {
            if (in == null) {
                throw new IOException("the bundled lesson " + BUNDLED_LESSON + " is missing from the application");
            }
            return LessonJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "your-journey");
        }
    }
}
