package org.attentionexplorer.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.attentionexplorer.attention.AttentionModule;
import org.attentionexplorer.attention.LessonJson;
import org.attentionexplorer.ui.task.BackgroundWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Editing the lesson in place, headless: every change reaches the lesson and its trace at once. */
@ExtendWith(ApplicationExtension.class)
class LessonEditorTest {
    private LessonViewModel model;

    @Start
    void start(Stage stage) {
        model = new LessonViewModel(BackgroundWork.sameThread(), LessonJson.bundled());
        stage.setScene(new Scene(new LessonEditor(model), 500, 700));
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private static TableView<Integer> table(FxRobot robot) {
        return robot.lookup(".table-view").queryAs(TableView.class);
    }

    @Test
    void editingAnEmbeddingValueRecomputesTheScores(FxRobot robot) {
        double before = model.traceProperty().get().simplified().attnScores().get(0, 0);
        TableView<Integer> table = table(robot);
        robot.interact(() -> table.edit(0, table.getColumns().get(1)));
        robot.write("1").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.lesson().embeddings().get(0, 0)).isEqualTo(1.0);
        // x(1) = [1, 0.15, 0.89]: its dot product with itself
        assertThat(model.traceProperty().get().simplified().attnScores().get(0, 0))
                .isNotEqualTo(before).isCloseTo(1 + 0.15 * 0.15 + 0.89 * 0.89, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void aValueThatIsNotANumberIsRefusedWithAMessage(FxRobot robot) {
        TableView<Integer> table = table(robot);
        robot.interact(() -> table.edit(2, table.getColumns().get(2)));
        robot.write("abc").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.lesson().embeddings().get(2, 1)).as("starts = [0.57, 0.85, 0.64], unchanged").isEqualTo(0.85);
        assertThat(robot.lookup(".editor-error").queryAllAs(javafx.scene.control.Label.class))
                .anyMatch(l -> l.getText().equals("x1 of token 3: \"abc\" is not a number; the value is unchanged"));
    }

    @Test
    void addingAndRemovingTokensChangesTheLesson(FxRobot robot) {
        robot.clickOn(robot.lookup(".text-field").match(n -> n.getParent() instanceof javafx.scene.layout.HBox).queryAs(TextField.class))
                .write("again").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.lesson().tokens()).hasSize(7).endsWith("again");
        assertThat(model.traceProperty().get().simplified().attnScores().rows()).isEqualTo(7);
        TableView<Integer> table = table(robot);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("Remove selected");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.lesson().tokens()).hasSize(6).startsWith("journey");
    }

    @Test
    void changingTheModuleAndWidthDrawsNewWeights(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<AttentionModule> module = robot.lookup(".combo-box").queryAs(ComboBox.class);
        robot.interact(() -> module.setValue(AttentionModule.MULTI_HEAD_ATTENTION));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.lesson().module()).isEqualTo(AttentionModule.MULTI_HEAD_ATTENTION);
        assertThat(model.traceProperty().get().lesson().module()).isEqualTo(AttentionModule.MULTI_HEAD_ATTENTION);
    }
}
