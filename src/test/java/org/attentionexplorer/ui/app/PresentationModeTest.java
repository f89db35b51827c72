package org.attentionexplorer.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The classroom keys, headless: text size and presenting. */
@ExtendWith(ApplicationExtension.class)
class PresentationModeTest {
    private final Preferences node = Preferences.userRoot().node("org/attentionexplorer/test/" + System.nanoTime());
    private PresentationMode mode;
    private Scene scene;

    @Start
    void start(Stage stage) {
        mode = new PresentationMode(stage, new WindowState(node));
        scene = new Scene(new StackPane(new Label("z(2) = sum of a_2j x(j)")), 400, 300);
        mode.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void ctrlPlusAndMinusChangeTheRootFontSizeAndItIsRemembered(FxRobot robot) {
        assertThat(scene.getRoot().getStyle()).isEqualTo("-fx-font-size: 15.0px;");
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(mode.fontSizeProperty().get()).isEqualTo(18.0);
        assertThat(scene.getRoot().getStyle()).isEqualTo("-fx-font-size: 18.0px;");
        assertThat(new WindowState(node).fontSize()).isEqualTo(18.0);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(mode.fontSizeProperty().get()).isEqualTo(15.0);
    }

    @Test
    void presentingEnlargesTheTextAndLeavingRestoresIt(FxRobot robot) {
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(mode.presentingProperty().get()).isTrue();
        assertThat(mode.fontSizeProperty().get()).isEqualTo(21.0);
        assertThat(new WindowState(node).fontSize()).as("presenting does not change the remembered size").isEqualTo(15.0);
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(mode.presentingProperty().get()).isFalse();
        assertThat(mode.fontSizeProperty().get()).isEqualTo(15.0);
    }
}
