package org.attentionexplorer.ui.heatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.attentionexplorer.ui.heatmap.HeatmapFixtures.argbAt;
import static org.attentionexplorer.ui.heatmap.HeatmapFixtures.hex;
import static org.attentionexplorer.ui.heatmap.HeatmapFixtures.near;
import static org.attentionexplorer.ui.heatmap.HeatmapFixtures.onFx;

import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.Image;
import java.util.concurrent.TimeoutException;
import org.attentionexplorer.math.Matrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The painter on an offscreen canvas: the one-pixel-per-cell image path of thumbnails and large matrices. */
class HeatmapPainterTest {

    @BeforeAll
    static void toolkit() throws TimeoutException {
        // the toolkit is all these tests need
        FxToolkit.registerPrimaryStage();
    }

    private static HeatmapData pattern(int n) {
        double[] values = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                values[r * n + c] = c > r ? Double.NEGATIVE_INFINITY : ((r * 7 + c * 13) % 11) / 10.0;
            }
        }
        List<String> labels = IntStream.range(0, n).mapToObj(i -> "t" + i).toList();
        return HeatmapData.of(Matrix.ofRowMajor(n, n, values), labels, labels, Scale.SEQUENTIAL);
    }

    @Test
    void aThumbnailHasOnePixelPerCellInTheCellsColour() {
        HeatmapData data = pattern(128);
        PreparedHeatmap heatmap = PreparedHeatmap.of(data);
        Image image = onFx(() -> {
            Canvas canvas = new Canvas(128, 128);
            new HeatmapPainter(HeatmapStyle.THUMBNAIL).paint(canvas.getGraphicsContext2D(), data, 128, 128);
            return canvas.snapshot(null, null);
        });
        int wrong = 0;
        for (int r = 0; r < 128; r++) {
            for (int c = 0; c < 128; c++) {
                if (argbAt(image, c, r) != heatmap.argb(r, c)) {
                    wrong++;
                }
            }
        }
        assertThat(wrong).as("pixels not in their cell's colour").isZero();
        assertThat(hex(heatmap.argb(0, 1))).isEqualTo(hex(ColorScale.MASKED));
    }

    @Test
    void smallCellsAreScaledUpWithoutSmoothing() {
        // 100 x 100 cells of 3 px: too small for values, so drawn from the image
        HeatmapData data = pattern(100);
        PreparedHeatmap heatmap = PreparedHeatmap.of(data);
        HeatmapPainter painter = new HeatmapPainter(HeatmapStyle.THUMBNAIL);
        Image image = onFx(() -> {
            Canvas canvas = new Canvas(300, 300);
            painter.paint(canvas.getGraphicsContext2D(), heatmap, painter.layout(heatmap, 300, 300, 1, 0, 0), -1);
            return canvas.snapshot(null, null);
        });
        for (int[] cell : new int[][] {{0, 0}, {50, 20}, {99, 99}, {70, 3}, {10, 60}}) {
            int actual = argbAt(image, cell[1] * 3 + 1.5, cell[0] * 3 + 1.5);
            int expected = heatmap.argb(cell[0], cell[1]);
            assertThat(near(actual, expected, 1)).as("cell %d, %d: %s, expected %s", cell[0], cell[1], hex(actual), hex(expected)).isTrue();
        }
    }

    @Test
    void zoomedInOnlyThePannedToCellsAreDrawn() {
        HeatmapData data = pattern(1024);
        PreparedHeatmap heatmap = PreparedHeatmap.of(data);
        HeatmapPainter painter = new HeatmapPainter(HeatmapStyle.SCREEN);
        int[] checked = onFx(() -> {
            Canvas canvas = new Canvas(900, 700);
            HeatmapLayout l = painter.layout(heatmap, 900, 700, 20, 300, 600);
            painter.paint(canvas.getGraphicsContext2D(), heatmap, l, -1);
            Image image = canvas.snapshot(null, null);
            int good = 0;
            int count = 0;
            for (int r = l.firstRow(); r < l.endRow(); r += 3) {
                for (int c = l.firstCol(); c < l.endCol(); c += 3) {
                    double x = l.cellX(c) + l.cellSize() * 0.3;
                    double y = l.cellY(r) + l.cellSize() * 0.3;
                    // masked cells are hatched, so their pixels are not all one colour
                    if (l.inGrid(x, y) && heatmap.value(r, c) != Double.NEGATIVE_INFINITY) {
                        count++;
                        good += near(argbAt(image, x, y), heatmap.argb(r, c), 3) ? 1 : 0;
                    }
                }
            }
            return new int[] {good, count, l.firstRow(), l.firstCol()};
        });
        assertThat(checked[2]).isEqualTo(600);
        assertThat(checked[3]).isEqualTo(300);
        assertThat(checked[1]).isGreaterThan(20);
        assertThat(checked[0]).as("cells in their colour").isEqualTo(checked[1]);
    }
}
