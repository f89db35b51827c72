package org.attentionexplorer.ui.app;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * The classroom controls: F5 presents (full screen with larger text; Esc or F5 again leaves), F11 toggles full
 * screen alone, Ctrl + and Ctrl - make all text larger or smaller (Ctrl 0 resets). The font size is the scene
 * root's, from which every style size is derived (app.css uses em), and is remembered between runs.
 */
public final class PresentationMode {
    /** How much larger text is while presenting. */
    static final double PRESENTING_FACTOR = 1.4;
    private static final double STEP = 1.1;

    private final Stage stage;
    private final WindowState state;
    private final DoubleProperty fontSize = new SimpleDoubleProperty(this, "fontSize");
    private final BooleanProperty presenting = new SimpleBooleanProperty(this, "presenting");
    private double fontBeforePresenting;

    public PresentationMode(Stage stage, WindowState state) {
        this.stage = stage;
        this.state = state;
        fontSize.set(state.fontSize());
    }

    // ---- properties ----

    /** The root font size in pixels; everything written in em follows it. */
    public DoubleProperty fontSizeProperty() {
        return fontSize;
    }

    public BooleanProperty presentingProperty() {
        return presenting;
    }

    // ---- commands ----

    /** Applies the font size to {@code scene} and handles the keys of the presentation mode in it. */
    public void install(Scene scene) {
        apply(scene);
        fontSize.addListener((o, was, is) -> apply(scene));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        stage.fullScreenProperty().addListener((o, was, is) -> {
            if (!is && presenting.get()) {
                stopPresenting();
            }
        });
        stage.setFullScreenExitHint("Esc leaves full screen; Ctrl + and Ctrl - change the text size; the arrow keys step");
        stage.setFullScreenExitKeyCombination(new javafx.scene.input.KeyCodeCombination(KeyCode.ESCAPE));
    }

    /** Full screen with larger text, or back to the window as it was. */
    public void togglePresenting() {
        if (presenting.get()) {
            stage.setFullScreen(false);
            stopPresenting();
        } else {
            fontBeforePresenting = fontSize.get();
            presenting.set(true);
            setFont(fontSize.get() * PRESENTING_FACTOR);
            stage.setFullScreen(true);
        }
    }

    public void larger() {
        setFont(fontSize.get() * STEP);
    }

    public void smaller() {
        setFont(fontSize.get() / STEP);
    }

    public void resetFont() {
        setFont(WindowState.DEFAULT_FONT);
    }

    private void stopPresenting() {
        presenting.set(false);
        setFont(fontBeforePresenting);
    }

    private void setFont(double size) {
        double clamped = WindowState.clampFont(Math.round(size * 2) / 2.0);
        fontSize.set(clamped);
        if (!presenting.get()) {
            state.setFontSize(clamped);
        }
    }

    private void apply(Scene scene) {
        scene.getRoot().setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", fontSize.get()));
    }

    private void onKey(KeyEvent event) {
        boolean handled = true;
        if (event.getCode() == KeyCode.F5) {
            togglePresenting();
        } else if (event.getCode() == KeyCode.F11) {
            stage.setFullScreen(!stage.isFullScreen());
        } else if (event.isShortcutDown() && (event.getCode() == KeyCode.PLUS || event.getCode() == KeyCode.EQUALS
                || event.getCode() == KeyCode.ADD)) {
            larger();
        } else if (event.isShortcutDown() && (event.getCode() == KeyCode.MINUS || event.getCode() == KeyCode.SUBTRACT)) {
            smaller();
        } else if (event.isShortcutDown() && (event.getCode() == KeyCode.DIGIT0 || event.getCode() == KeyCode.NUMPAD0)) {
            resetFont();
        } else {
            handled = false;
        }
        if (handled) {
            event.consume();
        }
    }
}
