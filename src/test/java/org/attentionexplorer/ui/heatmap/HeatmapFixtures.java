package org.attentionexplorer.ui.heatmap;

import java.util.List;
import java.util.concurrent.Callable;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.image.Image;
import org.attentionexplorer.math.Matrix;
import org.testfx.util.WaitForAsyncUtils;

/** Small heatmaps and pixel helpers shared by the heatmap tests. */
final class HeatmapFixtures {
    static final double NEG_INF = Double.NEGATIVE_INFINITY;
    static final List<String> TOKENS_3 = List.of("Your", "journey", "starts");

    private HeatmapFixtures() {
    }

    /** Masked scaled scores of three tokens: -inf above the diagonal, signed values below. */
    static HeatmapData maskedScores() {
        Matrix m = Matrix.of(new double[][] {
            {1.0865, NEG_INF, NEG_INF},
            {0.4, -0.6, NEG_INF},
            {-1.2, 0.0, 0.75}});
        return new HeatmapData(m, TOKENS_3, TOKENS_3, Scale.DIVERGING,
                (row, col, value) -> TOKENS_3.get(row) + " · " + TOKENS_3.get(col) + " = " + ValueFormat.cell(value, 4));
    }

    /** Runs {@code work} on the FX thread and waits for its result. */
    static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The ARGB of a pixel of a snapshot. */
    static int argbAt(Image image, double x, double y) {
        return image.getPixelReader().getArgb((int) Math.floor(x), (int) Math.floor(y));
    }

    /** Whether two colours differ by at most {@code tolerance} in each channel. */
    static boolean near(int a, int b, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) > tolerance) {
                return false;
            }
        }
        return true;
    }

    /** Where a point of a node is on the screen, for the robot. */
    static Point2D onScreen(Node node, double x, double y) {
        return onFx(() -> node.localToScreen(x, y));
    }

    static String hex(int argb) {
        return String.format("#%08X", argb);
    }
}
