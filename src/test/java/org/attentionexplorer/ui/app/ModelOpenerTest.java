package org.attentionexplorer.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.attentionexplorer.attention.LessonJson;
import org.attentionexplorer.io.LoadedModel;
import org.attentionexplorer.testing.TinyCheckpoints;
import org.attentionexplorer.ui.lesson.LessonViewModel;
import org.attentionexplorer.ui.model.ModelViewModel;
import org.attentionexplorer.ui.task.BackgroundWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File > Open model, headless: a good checkpoint becomes the model everywhere; a bad file is explained in a dialog. */
@ExtendWith(ApplicationExtension.class)
class ModelOpenerTest {
    @TempDir
    static Path dir;

    private final List<LoadedModel> handed = new ArrayList<>();
    private ModelViewModel models;
    private ModelOpener opener;
    private WindowState state;

    @Start
    void start(Stage stage) {
        LessonViewModel lesson = new LessonViewModel(BackgroundWork.sameThread(), LessonJson.bundled());
        MainWindow window = new MainWindow(lesson);
        models = new ModelViewModel(BackgroundWork.sameThread(), lesson);
        state = new WindowState(Preferences.userRoot().node("org/attentionexplorer/test/model-opener"));
        opener = new ModelOpener(models, window, state, handed::add);
        stage.setScene(new Scene(window, 1000, 700));
        stage.show();
    }

    private static String statusText(FxRobot robot) {
        return robot.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).filter(t -> t.startsWith("Model: "))
                .findFirst().orElseThrow();
    }

    @Test
    void aBadFileShowsADialogAndTheOpenModelStaysOpen(FxRobot robot) throws Exception {
        Path good = TinyCheckpoints.write(dir.resolve("tiny.safetensors"), "abc de", 3);
        robot.interact(() -> opener.open(good));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(handed).extracting(LoadedModel::source).containsExactly(good);
        assertThat(statusText(robot)).startsWith("Model: tiny.safetensors (").endsWith(" parameters)");

        Path bad = Files.write(dir.resolve("truncated.safetensors"), new byte[] {12, 0, 0, 0, 0, 0, 0, 0, '{'});
        Platform.runLater(() -> opener.open(bad)); // the dialog waits for OK: not inside interact
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("The model could not be opened");
        assertThat(((Label) dialog.getContent()).getText()).contains(bad.toString())
                .endsWith("The model you had open is still open.");
        javafx.stage.Window shown = dialog.getScene().getWindow();
        robot.interact(() -> ((javafx.scene.control.Button) dialog.lookupButton(javafx.scene.control.ButtonType.OK)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown.isShowing()).as("closed by OK").isFalse();
        assertThat(models.loadedProperty().get().source()).isEqualTo(good);
        assertThat(statusText(robot)).isEqualTo("Model: tiny.safetensors");
        assertThat(handed).as("nothing new handed on").hasSize(1);
    }
}
