package org.attentionexplorer.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.attentionexplorer.attention.LessonJson;
import org.attentionexplorer.ui.task.BackgroundWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Step 5's "what if the head were wider" control, headless: the slider and the check box redraw the weights. */
@ExtendWith(ApplicationExtension.class)
class StepViewWhatIfTest {
    private LessonViewModel model;

    @Start
    void start(Stage stage) {
        model = new LessonViewModel(BackgroundWork.sameThread(), LessonJson.bundled());
        model.stepProperty().set(Step.QKV);
        stage.setScene(new Scene(new ScrollPane(new StepView(model)), 1200, 800));
        stage.show();
    }

    private static String widenedTitle(FxRobot robot) {
        return robot.lookup(".what-if .label").queryAllAs(Label.class).stream().map(Label::getText)
                .filter(t -> t.startsWith("whatIf.widenedWeights: ")).map(t -> t.substring("whatIf.widenedWeights: ".length()))
                .findFirst().orElseThrow();
    }

    @Test
    void wideningTheHeadWithoutScalingSaturatesTheWeightsAndScalingUndoesIt(FxRobot robot) {
        assertThat(widenedTitle(robot)).startsWith("weights if d_k were 2, not scaled");
        Slider width = robot.lookup("#what-if-width").queryAs(Slider.class);
        robot.interact(() -> width.setValue(12));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.whatIfWidthProperty().get()).isEqualTo(4096);
        assertThat(widenedTitle(robot)).startsWith("weights if d_k were 4096, not scaled (mean largest weight 0.79");
        robot.interact(() -> robot.lookup("#what-if-scaled").queryAs(CheckBox.class).setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(widenedTitle(robot)).startsWith("weights if d_k were 4096, scaled by sqrt(4096)");
    }

    @Test
    void theControlIsOnlyOnStepFive(FxRobot robot) {
        assertThat(robot.lookup("#what-if-width").tryQuery()).isPresent();
        robot.interact(() -> model.stepProperty().set(Step.MASK));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#what-if-width").tryQuery()).isEmpty();
    }
}
