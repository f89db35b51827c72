package org.attentionexplorer.ui.heatmap;

import java.util.List;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.attentionexplorer.text.TokenLabels;

/**
 * A {@link HeatmapData} made ready to draw many times: its values in one array, their colours, the colour scale,
 * and the labels as shown (invisible characters escaped). Made once per data, on any thread (no FX toolkit
 * needed, so a view model can make it in the background); each redraw then only copies pixels.
 *
 * <p>Arrays are row-major, (rows, cols). The one-pixel-per-cell image is made on first use, on the FX thread.
 */
public final class PreparedHeatmap {
    private final HeatmapData data;
    private final double[] values;
    private final int[] argb;
    private final ValueRange range;
    private final ColorScale colors;
    private final List<String> rowLabels;
    private final List<String> colLabels;
    private WritableImage image;

    private PreparedHeatmap(HeatmapData data) {
        this.data = data;
        this.values = data.values().toRowMajor();
        this.range = ValueRange.of(values);
        this.colors = ColorScale.of(data.scale(), range);
        this.argb = colors.argb(values);
        this.rowLabels = data.rowLabels().stream().map(TokenLabels::escape).toList();
        this.colLabels = data.colLabels().stream().map(TokenLabels::escape).toList();
    }

    /** Computes the colours of every cell: O(rows x cols). */
    public static PreparedHeatmap of(HeatmapData data) {
        return new PreparedHeatmap(data);
    }

    public HeatmapData data() {
        return data;
    }

    public int rows() {
        return data.rows();
    }

    public int cols() {
        return data.cols();
    }

    public double value(int row, int col) {
        return values[row * data.cols() + col];
    }

    /** The colour of a cell, opaque ARGB. */
    public int argb(int row, int col) {
        return argb[row * data.cols() + col];
    }

    public ValueRange range() {
        return range;
    }

    public ColorScale colors() {
        return colors;
    }

    /** A row's label as drawn: a newline token shows as {@code \n}, not as a line break. */
    public String rowLabel(int row) {
        return rowLabels.get(row);
    }

    public String colLabel(int col) {
        return colLabels.get(col);
    }

    public List<String> rowLabels() {
        return rowLabels;
    }

    public List<String> colLabels() {
        return colLabels;
    }

    /** The cells as an image, one pixel per cell (cols x rows), for drawing scaled up without smoothing. FX thread. */
    WritableImage image() {
        if (image == null && rows() > 0 && cols() > 0) {
            image = new WritableImage(cols(), rows());
            // every colour is opaque, so ARGB and premultiplied ARGB are the same numbers (and the latter copies faster)
            image.getPixelWriter().setPixels(0, 0, cols(), rows(), PixelFormat.getIntArgbPreInstance(), argb, 0, cols());
        }
        return image;
    }

    /** The colours of a block of cells, row-major, for exporters that build their own image. */
    int[] argb(int row0, int col0, int rowCount, int colCount) {
        int[] block = new int[rowCount * colCount];
        for (int r = 0; r < rowCount; r++) {
            System.arraycopy(argb, (row0 + r) * cols() + col0, block, r * colCount, colCount);
        }
        return block;
    }
}
