package org.attentionexplorer.ui.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.attentionexplorer.io.LoadedModel;
import org.attentionexplorer.text.TokenLabels;
import org.attentionexplorer.ui.task.BackgroundWork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The generation view headless on a tiny checkpoint: generate, click a token, see its candidates as bars. */
@ExtendWith(ApplicationExtension.class)
class GenerationViewTest {
    @TempDir
    static Path dir;
    private static LoadedModel tiny;
    private GenerationViewModel model;
    private final List<String> shownAttention = new ArrayList<>();

    @BeforeAll
    static void writeCheckpoint() throws IOException {
        tiny = GenerationFixtures.tinyCheckpoint(dir);
    }

    @Start
    void start(Stage stage) {
        model = new GenerationViewModel(BackgroundWork.sameThread(), Runnable::run);
        model.setModel(tiny);
        model.onShowAttentionProperty().set(shownAttention::add);
        stage.setScene(new Scene(new GenerationView(model), 1200, 800));
        stage.show();
    }

    private List<Label> chips(FxRobot robot) {
        return new ArrayList<>(robot.lookup(".token-chip").queryAllAs(Label.class));
    }

    private void type(FxRobot robot, String fieldName, String text) {
        TextField field = robot.lookup((Node n) -> n instanceof TextField f && fieldName.equals(f.getAccessibleText()))
                .queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
        robot.clickOn(field).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void generatingShowsTokensAndClickingOneShowsItsBars(FxRobot robot) {
        robot.clickOn(".prompt").write("the lamp");
        type(robot, "Max tokens", "6");
        // top-k 5: the chosen token is always one of the ten candidates listed
        type(robot, "Top-k", "5");
        type(robot, "Seed", "1");
        assertThat(model.seedProperty().get()).isEqualTo(1);
        assertThat(model.maxTokensProperty().get()).isEqualTo(6);
        robot.clickOn(".generate-button");
        WaitForAsyncUtils.waitForFxEvents();

        List<Label> chips = chips(robot);
        assertThat(model.statusProperty().get()).as("the status line").startsWith("Generated 6 tokens");
        assertThat(chips).hasSize(6);
        assertThat(chips.get(0).getText()).isEqualTo(GenerationView.chipText(model.tokens().get(0).piece()));
        assertThat(robot.lookup(".bar").queryAll()).as("no bars before a click").isEmpty();

        robot.clickOn(chips.get(3));
        WaitForAsyncUtils.waitForFxEvents();
        GeneratedToken token = model.tokens().get(3);
        assertThat(model.selectedProperty().get()).isSameAs(token);
        assertThat(chips.get(3).getStyleClass()).contains("selected");
        List<Region> bars = new ArrayList<>(robot.lookup(".bar").queryAllAs(Region.class));
        assertThat(bars).hasSize(GenerationViewModel.CANDIDATES);
        // the longest bar is the most probable candidate's, and bars shrink down the list
        for (int i = 1; i < bars.size(); i++) {
            assertThat(bars.get(i).getWidth()).isLessThanOrEqualTo(bars.get(i - 1).getWidth());
        }
        assertThat(bars.get(0).getWidth()).isPositive();
        Region track = (Region) bars.get(0).getParent();
        assertThat(bars.get(0).getWidth()).isCloseTo(track.getWidth() * token.candidates().get(0).probability(),
                org.assertj.core.api.Assertions.within(1.0));
        List<Region> chosen = bars.stream().filter(b -> b.getStyleClass().contains("chosen")).toList();
        assertThat(chosen).hasSize(1);
        int chosenRow = bars.indexOf(chosen.get(0));
        assertThat(token.candidates().get(chosenRow).id()).isEqualTo(token.step().id());
        assertThat(robot.lookup(".bars-title").queryAs(Label.class).getText())
                .isEqualTo("Token 4: " + TokenLabels.quote(token.text()) + " chosen with p = " + CandidateBars.percent(token.probability()));

        robot.clickOn("Show its attention in the model steps");
        assertThat(shownAttention).containsExactly(token.attentionText());

        // the keyboard reaches the chips too: the arrows move the selection, Home and End jump
        robot.clickOn(chips.get(3));
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.selectedProperty().get()).isSameAs(model.tokens().get(4));
        assertThat(chips.get(4).isFocused()).isTrue();
        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.selectedProperty().get()).isSameAs(model.tokens().get(0));
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.selectedProperty().get()).as("stays on the first").isSameAs(model.tokens().get(0));
        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.selectedProperty().get()).isSameAs(model.tokens().get(5));
        assertThat(chips.get(5).isFocusTraversable()).as("Tab reaches them").isTrue();
    }

    @Test
    void textThatIsNotANumberIsRefusedAndNamed(FxRobot robot) {
        type(robot, "Temperature", "warm");
        assertThat(model.temperatureProperty().get()).isEqualTo(0.8);
        assertThat(robot.lookup(".generation-error").queryAllAs(Label.class))
                .anyMatch(l -> l.getText().equals("Temperature: \"warm\" is not a number; it stays 0.80."));
        type(robot, "Temperature", "0");
        assertThat(model.temperatureProperty().get()).isZero();
        assertThat(robot.lookup(".generation-note").queryAs(Label.class).getText()).startsWith("Temperature 0 means greedy decoding");
    }

    @Test
    void anEmptyPromptDisablesGenerateAndSaysWhy(FxRobot robot) {
        Button generate = robot.lookup(".generate-button").queryAs(Button.class);
        assertThat(generate.isDisabled()).isTrue();
        assertThat(robot.lookup(".generation-error").queryAllAs(Label.class))
                .anyMatch(l -> l.getText().equals("The prompt is empty: type some text for the model to continue."));
        robot.clickOn(".prompt").write("a");
        assertThat(generate.isDisabled()).isFalse();
    }
}
