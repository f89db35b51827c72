package org.attentionexplorer.ui.heatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.attentionexplorer.ui.heatmap.HeatmapFixtures.argbAt;
import static org.attentionexplorer.ui.heatmap.HeatmapFixtures.hex;
import static org.attentionexplorer.ui.heatmap.HeatmapFixtures.maskedScores;
import static org.attentionexplorer.ui.heatmap.HeatmapFixtures.near;
import static org.attentionexplorer.ui.heatmap.HeatmapFixtures.onFx;
import static org.attentionexplorer.ui.heatmap.HeatmapFixtures.onScreen;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The heatmap control in a real (headless, Monocle) stage: what it draws, hover, click, keys, zoom and pan. The
 * pointer jumps where it goes (the glass robot's own move) rather than gliding, to keep the tests fast.
 */
class HeatmapViewTest {
    private final FxRobot robot = new FxRobot();
    private final HeatmapData data = maskedScores();
    private HeatmapView view;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void show() throws TimeoutException {
        FxToolkit.setupStage(stage -> {
            view = new HeatmapView(data);
            stage.setScene(new Scene(new StackPane(view), 480, 360));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void releaseKeysAndButtons() {
        FxToolkit.cleanupInput(robot);
    }

    /** Moves the pointer to a point of the view, at once. */
    private void pointAt(double x, double y) {
        robot.robotContext().getBaseRobot().moveMouse(onScreen(view, x, y));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void clickAt(double x, double y) {
        pointAt(x, y);
        robot.clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private HeatmapLayout layout() {
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(view::getLayout);
    }

    private Image snapshot() {
        pointAt(1, 1);
        return onFx(() -> view.snapshot(null, null));
    }

    /** A point inside a cell, away from its value text, grid lines and outlines: a fifth of the way in. */
    private static double[] nearCorner(HeatmapLayout l, int row, int col) {
        return new double[] {l.cellX(col) + l.cellSize() * 0.2, l.cellY(row) + l.cellSize() * 0.2};
    }

    @Test
    void cellsAreDrawnInTheirScaleColours() {
        Image image = snapshot();
        HeatmapLayout l = layout();
        ColorScale scale = ColorScale.diverging(1.2);
        assertThat(l.cellSize()).isGreaterThan(40);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c <= r; c++) {
                double[] p = nearCorner(l, r, c);
                int expected = scale.argb(data.values().get(r, c));
                int actual = argbAt(image, p[0], p[1]);
                assertThat(near(actual, expected, 2)).as("cell (%d, %d): %s, expected %s", r, c, hex(actual), hex(expected)).isTrue();
            }
        }
    }

    @Test
    void maskedCellsAreHatchedGrey() {
        Image image = snapshot();
        HeatmapLayout l = layout();
        int grey = 0;
        int darker = 0;
        int samples = 0;
        // the top-left quarter of cell (0, 1), where its "-inf" text is not
        for (double y = l.cellY(0) + 3; y < l.cellY(0) + l.cellSize() / 4; y++) {
            for (double x = l.cellX(1) + 3; x < l.cellX(1) + l.cellSize() / 4; x++) {
                int argb = argbAt(image, x, y);
                samples++;
                if (near(argb, ColorScale.MASKED, 2)) {
                    grey++;
                } else if (ColorScale.luminance(argb) < ColorScale.luminance(ColorScale.MASKED) - 0.05) {
                    darker++;
                }
            }
        }
        assertThat(grey).as("masked grey pixels of %d", samples).isGreaterThan(samples / 3);
        assertThat(darker).as("hatching pixels of %d", samples).isGreaterThan(samples / 20);
    }

    @Test
    void hoveringACellShowsTheExplainerAndTheExactValue() {
        HeatmapLayout l = layout();
        pointAt(l.cellX(0) + l.cellSize() / 2, l.cellY(1) + l.cellSize() / 2);
        assertThat(view.getHoverText()).isEqualTo("journey · Your = 0.4000\nexact value: 0.4");
        Label label = (Label) view.lookup(".heatmap-hover");
        assertThat(label.isVisible()).isTrue();
        assertThat(label.getText()).contains("journey · Your = 0.4000");

        pointAt(l.cellX(2) + l.cellSize() / 2, l.cellY(0) + l.cellSize() / 2);
        assertThat(view.getHoverText()).startsWith("Your · starts = -inf");

        pointAt(l.gridLeft() - 15, l.cellY(2) + l.cellSize() / 2);
        assertThat(view.getHoverText()).as("a row label").isEqualTo("starts  (row 2)");

        pointAt(1, 1);
        assertThat(view.getHoverText()).isEmpty();
        assertThat(label.isVisible()).isFalse();
    }

    @Test
    void theDefaultExplanationNamesTheLabels() {
        robot.interact(() -> view.setData(data.withExplainer(null)));
        HeatmapLayout l = layout();
        pointAt(l.cellX(1) + l.cellSize() / 2, l.cellY(1) + l.cellSize() / 2);
        assertThat(view.getHoverText()).isEqualTo("journey, journey: -0.6");
    }

    @Test
    void clickingACellOrARowLabelSelectsThatRowEverywhereItIsBound() {
        IntegerProperty elsewhere = new SimpleIntegerProperty(-1);
        robot.interact(() -> elsewhere.bind(view.selectedRowProperty()));
        HeatmapLayout l = layout();
        assertThat(view.getSelectedRow()).isEqualTo(-1);

        clickAt(l.cellX(2) + l.cellSize() / 2, l.cellY(1) + l.cellSize() / 2);
        assertThat(view.getSelectedRow()).isEqualTo(1);
        assertThat(elsewhere.get()).isEqualTo(1);

        Image image = snapshot();
        int outline = argbAt(image, l.gridLeft() + 2, l.cellY(1) + l.cellSize() / 2);
        assertThat(near(outline, HeatmapPainter.SELECTION, 8)).as("selection outline: %s", hex(outline)).isTrue();

        clickAt(l.gridLeft() - 15, l.cellY(2) + l.cellSize() / 2);
        assertThat(elsewhere.get()).isEqualTo(2);
    }

    @Test
    void arrowKeysMoveTheSelectionAndEscapeClearsIt() {
        HeatmapLayout l = layout();
        clickAt(l.cellX(0) + l.cellSize() / 2, l.cellY(0) + l.cellSize() / 2);
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.getSelectedRow()).isEqualTo(1);
        robot.type(KeyCode.DOWN, KeyCode.DOWN, KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.getSelectedRow()).as("stops at the last row").isEqualTo(2);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.getSelectedRow()).isEqualTo(-1);
    }

    @Test
    void zoomChangesTheCellSize() {
        double fit = layout().cellSize();
        robot.interact(() -> view.setZoom(2));
        assertThat(layout().cellSize()).isCloseTo(2 * fit, within(1e-9));
        assertThat(view.getCellSize()).isCloseTo(2 * fit, within(1e-9));

        robot.interact(() -> view.resetZoom());
        assertThat(layout().cellSize()).isCloseTo(fit, within(1e-9));

        clickAt(layout().cellX(0) + 5, layout().cellY(0) + 5);
        robot.type(KeyCode.EQUALS);
        assertThat(layout().cellSize()).as("+ zooms in").isCloseTo(1.25 * fit, within(1e-9));
        robot.type(KeyCode.MINUS);
        assertThat(layout().cellSize()).as("- zooms out").isCloseTo(fit, within(1e-9));
    }

    @Test
    void ctrlWheelZoomsAroundThePointerAndThePlainWheelPans() {
        HeatmapLayout fit = layout();
        double x = fit.cellX(0) + fit.cellSize() / 2;
        double y = fit.cellY(0) + fit.cellSize() / 2;
        robot.interact(() -> view.fireEvent(wheel(x, y, true, 120)));
        HeatmapLayout zoomed = layout();
        assertThat(zoomed.zoom()).isCloseTo(Math.pow(1.1, 3), within(1e-9));
        assertThat(zoomed.contentCol(x)).as("the point under the pointer stays there").isCloseTo(fit.contentCol(x), within(1e-9));
        assertThat(zoomed.contentRow(y)).isCloseTo(fit.contentRow(y), within(1e-9));

        robot.interact(() -> view.fireEvent(wheel(x, y, false, -40)));
        assertThat(layout().offsetY()).as("the wheel pans down").isCloseTo(zoomed.offsetY() + 40, within(1e-6));
        assertThat(layout().zoom()).isEqualTo(zoomed.zoom());
    }

    /** A mouse-wheel event at (x, y) of the view, deltaY pixels (positive: away from the user), with or without Ctrl. */
    private ScrollEvent wheel(double x, double y, boolean control, double deltaY) {
        Point2D screen = view.localToScreen(x, y);
        return new ScrollEvent(ScrollEvent.SCROLL, x, y, screen.getX(), screen.getY(), false, control, false, false, false, false,
                0, deltaY, 0, deltaY, ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null);
    }

    @Test
    void draggingPansAZoomedGridWithoutSelecting() {
        robot.interact(() -> view.setZoom(2));
        HeatmapLayout zoomed = layout();
        assertThat(zoomed.offsetX()).isZero();
        double x = zoomed.gridLeft() + zoomed.gridWidth() / 2;
        double y = zoomed.gridTop() + zoomed.gridHeight() / 2;
        pointAt(x, y);
        robot.press(MouseButton.PRIMARY).moveBy(-60, -40).release(MouseButton.PRIMARY);
        HeatmapLayout panned = layout();
        assertThat(panned.offsetX()).isCloseTo(60, within(1.0));
        assertThat(panned.offsetY()).isCloseTo(40, within(1.0));
        assertThat(view.getSelectedRow()).isEqualTo(-1);
    }

    @Test
    void newDataOfAnotherShapeClearsASelectionOutOfRange() {
        robot.interact(() -> view.setSelectedRow(2));
        HeatmapData twoRows = HeatmapData.of(org.attentionexplorer.math.Matrix.zeros(2, 2), java.util.List.of("a", "b"),
                java.util.List.of("a", "b"), Scale.SEQUENTIAL);
        robot.interact(() -> view.setData(twoRows));
        assertThat(view.getSelectedRow()).isEqualTo(-1);
        assertThat(layout().rows()).isEqualTo(2);
    }
}
