package org.attentionexplorer.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.attentionexplorer.attention.LessonJson;
import org.attentionexplorer.testing.TinyCheckpoints;
import org.attentionexplorer.ui.heatmap.HeatmapView;
import org.attentionexplorer.ui.lesson.LessonViewModel;
import org.attentionexplorer.ui.lesson.Source;
import org.attentionexplorer.ui.lesson.Step;
import org.attentionexplorer.ui.lesson.StepView;
import org.attentionexplorer.ui.task.BackgroundWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Step 9 and the model bar, headless (Monocle), on an untrained tiny model (2 layers x 4 heads). */
@ExtendWith(ApplicationExtension.class)
class ModelGridViewTest {
    private LessonViewModel lesson;
    private ModelViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        Path tiny = TinyCheckpoints.write(Files.createTempDirectory("grid").resolve("tiny.safetensors"), "abc de", 3);
        lesson = new LessonViewModel(BackgroundWork.sameThread(), LessonJson.bundled());
        model = new ModelViewModel(BackgroundWork.sameThread(), lesson);
        model.textProperty().set("abc dab");
        model.open(tiny);
        StepView steps = new StepView(lesson);
        steps.setStepNineView(new ModelGridView(model, lesson));
        lesson.stepProperty().set(Step.MODEL);
        BorderPane root = new BorderPane(steps);
        root.setTop(new ModelBar(model, lesson));
        stage.setScene(new Scene(root, 1200, 760));
        stage.show();
    }

    @Test
    void theGridShowsEveryLayerTimesHeadWithItsStatistics(FxRobot robot) {
        Set<Node> thumbnails = robot.lookup(".head-thumbnail").queryAll();
        assertThat(thumbnails).hasSize(2 * 4);
        assertThat(robot.lookup("#head-1-3").queryAll()).hasSize(1);
        Label stats = robot.lookup("#head-0-0 .head-stats").queryAs(Label.class);
        HeadThumbnail first = model.gridProperty().get().get(0);
        assertThat(stats.getText()).startsWith(String.format(java.util.Locale.ROOT, "entropy %.2f", first.stats().entropy()));
        robot.moveTo("#head-1-2");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#model-grid-hover").queryAs(Label.class).getText()).startsWith("Layer 1, head 2: entropy");
    }

    @Test
    void twelveHeadsOfAGpt2FolderFitTheWidthWithTheirNumbersOnHover(FxRobot robot) throws Exception {
        var spec = new org.attentionexplorer.testing.Gpt2Fixtures.Spec(50257, 16, 24, 12, 2, "F32", false, true, true, false);
        Path folder = org.attentionexplorer.testing.Gpt2Fixtures.write(Files.createTempDirectory("grid12").resolve("gpt2"), spec,
                org.attentionexplorer.testing.Gpt2Fixtures.weights(spec, 3));
        robot.interact(() -> {
            model.textProperty().set("Hello, I am");
            model.open(folder);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".head-thumbnail").queryAll()).hasSize(2 * 12);
        Node last = robot.lookup("#head-1-11").query();
        Node grid = last.getParent();
        assertThat(last.getBoundsInParent().getMaxX()).as("the last head's right edge").isLessThan(900);
        assertThat(grid.lookupAll(".head-stats")).allMatch(n -> !n.isVisible());
        assertThat(((javafx.scene.Parent) grid).getChildrenUnmodifiable()).filteredOn(n -> n instanceof Label)
                .extracting(n -> ((Label) n).getText()).contains("h0", "h11", "layer 1").doesNotContain("head 0");
        robot.moveTo("#head-1-11");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#model-grid-hover").queryAs(Label.class).getText()).startsWith("Layer 1, head 11: entropy");
    }

    @Test
    void clickingAThumbnailOpensThatHeadInStepFiveWithTheModelsValues(FxRobot robot) {
        robot.clickOn("#head-1-2");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lesson.stepProperty().get()).isEqualTo(Step.QKV);
        assertThat(lesson.sourceProperty().get()).isEqualTo(Source.MODEL);
        assertThat(robot.lookup(".step-title").queryAs(Label.class).getText()).isEqualTo(Step.QKV.title());
        List<HeatmapView> heatmaps = robot.lookup(n -> n instanceof HeatmapView).queryAllAs(HeatmapView.class).stream().toList();
        var queries = model.stepsProperty().get().trace().layers().get(1).heads().get(2).queries();
        assertThat(heatmaps).anySatisfy(h -> assertThat(h.dataProperty().get().values()).isEqualTo(queries));
        assertThat(heatmaps).allSatisfy(h -> assertThat(h.dataProperty().get().rowLabels()).containsExactly("a", "b", "c", " ", "d", "a", "b"));
        assertThat(robot.lookup(".step-source").queryAs(Label.class).getText()).contains("layer 1, head 2");
    }

    @Test
    void typingInTheBarRetracesAndTheLessonSwitchComesBack(FxRobot robot) {
        robot.interact(() -> lesson.stepProperty().set(Step.TOKENS));
        robot.clickOn("#source-model");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lesson.sourceProperty().get()).isEqualTo(Source.MODEL);
        TextField text = robot.lookup("#model-text").queryAs(TextField.class);
        robot.interact(() -> text.setText("bead"));
        WaitForAsyncUtils.waitForFxEvents();
        HeatmapView inputs = robot.lookup(n -> n instanceof HeatmapView).queryAs(HeatmapView.class);
        assertThat(inputs.dataProperty().get().rowLabels()).containsExactly("b", "e", "a", "d");
        robot.clickOn(".source-lesson");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lesson.sourceProperty().get()).isEqualTo(Source.LESSON);
        inputs = robot.lookup(n -> n instanceof HeatmapView).queryAs(HeatmapView.class);
        assertThat(inputs.dataProperty().get().rowLabels()).isEqualTo(lesson.lesson().tokens());
    }

    @Test
    void aTextWithUnknownCharactersSaysSoUnderTheBar(FxRobot robot) {
        robot.interact(() -> model.textProperty().set("abc?"));
        Label notice = robot.lookup("#model-notice").queryAs(Label.class);
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).contains("\"?\"").contains("<|unk|>");
    }
}
