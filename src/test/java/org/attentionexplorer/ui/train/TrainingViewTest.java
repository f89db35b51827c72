package org.attentionexplorer.ui.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.attentionexplorer.ui.heatmap.HeatmapView;
import org.attentionexplorer.ui.task.BackgroundWork;
import org.attentionexplorer.ui.train.TrainingViewModel.RunState;
import org.jfree.chart.axis.LogAxis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The training view headless (Monocle): start, pause, resume and stop a short run of the tiny preset. */
@ExtendWith(ApplicationExtension.class)
class TrainingViewTest {
    @TempDir
    static Path runs;
    private TrainingViewModel model;
    private TrainingView view;

    @Start
    void start(Stage stage) {
        model = new TrainingViewModel(BackgroundWork.sameThread(), runnable -> {
            Thread thread = new Thread(runnable, "test-training");
            thread.setDaemon(true);
            thread.start();
        }, Platform::runLater, TrainingViewModel.UI_INTERVAL, Duration.ofMillis(200));
        TrainingForm form = model.form();
        form.checkpointRootProperty().set(runs);
        form.stepsProperty().set(100_000);
        form.warmupStepsProperty().set(2);
        form.evalIntervalProperty().set(1);
        form.batchSizeProperty().set(2);
        form.sampleIntervalProperty().set(0);
        view = new TrainingView(model);
        stage.setScene(new Scene(view, 1240, 780));
        stage.show();
    }

    @AfterEach
    void stopTraining() {
        model.stopAndWait(Duration.ofSeconds(60));
    }

    @Test
    void startPauseResumeAndStopWithPointsArrivingOnTheChart(FxRobot robot) throws Exception {
        Button start = button(robot, "Start");
        assertThat(start.isDisabled()).isFalse();
        robot.clickOn(start);
        assertThat(model.stateProperty().get()).isIn(RunState.PREPARING, RunState.RUNNING);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> view.chart().trainPointCount() >= 2);
        assertThat(view.chart().validationPointCount()).isPositive();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.probeHeatmapProperty().get() != null);
        assertThat(robot.lookup(n -> n instanceof HeatmapView).queryAs(HeatmapView.class).getData()).isNotNull();

        robot.clickOn(button(robot, "Pause"));
        assertThat(model.stateProperty().get()).isEqualTo(RunState.PAUSED);
        assertThat(button(robot, "Resume").isDisabled()).isFalse();
        assertThat(start.isDisabled()).as("one run at a time").isTrue();
        robot.clickOn(button(robot, "Resume"));
        assertThat(model.stateProperty().get()).isEqualTo(RunState.RUNNING);
        int before = view.chart().trainPointCount();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> view.chart().trainPointCount() > before);

        robot.clickOn(robot.lookup(".check-box").match(n -> n instanceof javafx.scene.control.CheckBox c
                && "Log scale".equals(c.getText())).queryAs(javafx.scene.control.CheckBox.class));
        assertThat(view.chart().plot().getRangeAxis()).isInstanceOf(LogAxis.class);

        robot.clickOn(button(robot, "Stop"));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.stateProperty().get() == RunState.STOPPED);
        Path saved = model.runFolderProperty().get().resolve("checkpoint.safetensors");
        assertThat(saved).exists();
        assertThat(model.messageProperty().get()).startsWith("Stopped at step ").endsWith("saved " + saved + ".");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.checkpoints().isEmpty());
        assertThat(model.checkpoints().get(0).path()).isEqualTo(saved);
        assertThat(start.isDisabled()).isFalse();
        assertThat(Files.size(saved)).isPositive();
    }

    @Test
    void aBadSettingDisablesStartAndSaysWhich(FxRobot robot) {
        robot.interact(() -> model.form().numHeadsProperty().set(5));
        assertThat(button(robot, "Start").isDisabled()).isTrue();
        assertThat(robot.lookup(".training-problems").queryAs(Label.class).getText())
                .isEqualTo("Before starting: Heads: 5 does not divide the embedding width 32 (each head gets width / heads).");
        robot.interact(() -> model.form().numHeadsProperty().set(4));
        assertThat(button(robot, "Start").isDisabled()).isFalse();
        assertThat(robot.lookup(".training-problems").queryAs(Label.class).getText()).isEmpty();
    }

    private static Button button(FxRobot robot, String text) {
        return robot.lookup(".button").match(n -> n instanceof Button b && text.equals(b.getText())).queryAs(Button.class);
    }
}
