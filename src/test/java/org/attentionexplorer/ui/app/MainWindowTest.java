package org.attentionexplorer.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.attentionexplorer.ui.heatmap.HeatmapView;
import org.attentionexplorer.ui.lesson.LessonEditor;
import org.attentionexplorer.ui.lesson.LessonViewModel;
import org.attentionexplorer.ui.lesson.Step;
import org.attentionexplorer.ui.task.BackgroundWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window on the bundled lesson, headless (Monocle): stepping, editing, a bad file. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private LessonViewModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        model = new LessonViewModel(BackgroundWork.sameThread(), org.attentionexplorer.attention.LessonJson.bundled());
        window = new MainWindow(model);
        stage.setScene(new Scene(window, 1200, 800));
        stage.show();
        window.requestFocus();
    }

    @Test
    void theArrowKeysStepThroughEveryViewAndEachShowsItsMatrices(FxRobot robot) {
        for (Step step : Step.LESSON_STEPS) {
            assertThat(model.stepProperty().get()).isEqualTo(step);
            assertThat(robot.lookup(".step-title").queryAs(Label.class).getText()).isEqualTo(step.title());
            assertThat(robot.lookup(n -> n instanceof HeatmapView).queryAll()).as(step.title()).isNotEmpty();
            robot.type(KeyCode.RIGHT);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(model.stepProperty().get()).as("stays on the last step").isEqualTo(Step.HEADS);
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.stepProperty().get()).isEqualTo(Step.DROPOUT);
    }

    @Test
    void tickingCausalRecomputesTheViews(FxRobot robot) {
        assertThat(model.traceProperty().get().lesson().causal()).isFalse();
        robot.clickOn(robot.lookup(".check-box").queryAs(CheckBox.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.traceProperty().get().lesson().causal()).isTrue();
    }

    @Test
    void aBadLessonFileIsExplainedAndTheLessonStays(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "[1, 2]");
        robot().interact(() -> model.open(bad));
        assertThat(model.errorProperty().get()).contains("a lesson is a JSON object");
        assertThat(model.lesson().name()).isEqualTo("Your journey starts with one step");
    }

    @Test
    void openingABadLessonFileShowsADialogNamingTheProblem(@TempDir Path dir, FxRobot robot) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"tokens\": [\"a\"");
        javafx.application.Platform.runLater(() -> window.openLesson(bad)); // the dialog waits for OK: not in interact
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane dialog = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("The lesson could not be opened");
        assertThat(((Label) dialog.getContent()).getText()).contains(bad.toString()).endsWith("The lesson you had open is still open.");
        javafx.stage.Window shown = dialog.getScene().getWindow();
        robot.interact(() -> ((javafx.scene.control.Button) dialog.lookupButton(javafx.scene.control.ButtonType.OK)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown.isShowing()).as("closed by OK").isFalse();
        assertThat(model.lesson().name()).isEqualTo("Your journey starts with one step");
    }

    @Test
    void editLessonShowsTheEditorBesideTheSteps(FxRobot robot) {
        javafx.scene.Node pane = robot.lookup("#lesson-editor-pane").query();
        assertThat(pane.isVisible()).as("hidden at first").isFalse();
        robot.clickOn("Edit lesson");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.isVisible()).isTrue();
        assertThat(robot.lookup(n -> n instanceof LessonEditor).queryAll()).hasSize(1);
        assertThat(pane.localToScene(0, 0).getX()).as("right of the step view").isGreaterThan(600);
    }

    private static FxRobot robot() {
        return new FxRobot();
    }
}
