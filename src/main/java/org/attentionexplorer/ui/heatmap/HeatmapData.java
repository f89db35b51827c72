package org.attentionexplorer.ui.heatmap;

import java.util.List;
import java.util.Objects;
import org.attentionexplorer.math.Matrix;
import org.attentionexplorer.text.TokenLabels;

/**
 * Everything a heatmap shows: a matrix (rows x cols, values possibly {@code -Infinity} for masked scores),
 * one label per row and per column, the colour scale, and how a cell is explained on hover.
 *
 * @param values    the matrix, (rows, cols)
 * @param rowLabels one label per row (usually the query tokens)
 * @param colLabels one label per column (the key tokens, or feature numbers)
 * @param scale     how values map to colours
 * @param explainer how a cell was computed; null for the default "row label, col label: value"
 * @param name      what the matrix is called, e.g. its trace key {@code heads[0].attnWeights}: the default name of an
 *                  exported file; "" for none (never null)
 */
public record HeatmapData(Matrix values, List<String> rowLabels, List<String> colLabels, Scale scale, CellExplainer explainer,
        String name) {
    public HeatmapData {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(scale, "scale");
        name = name == null ? "" : name;
        rowLabels = List.copyOf(rowLabels);
        colLabels = List.copyOf(colLabels);
        if (rowLabels.size() != values.rows() || colLabels.size() != values.cols()) {
            throw new IllegalArgumentException(rowLabels.size() + " row labels and " + colLabels.size()
                    + " column labels do not fit a " + values.shape() + " matrix");
        }
    }

    /** Data without a name. */
    public HeatmapData(Matrix values, List<String> rowLabels, List<String> colLabels, Scale scale, CellExplainer explainer) {
        this(values, rowLabels, colLabels, scale, explainer, "");
    }

    /** Data with the default explainer. */
    public static HeatmapData of(Matrix values, List<String> rowLabels, List<String> colLabels, Scale scale) {
        return new HeatmapData(values, rowLabels, colLabels, scale, null);
    }

    /** The same data with another explainer. */
    public HeatmapData withExplainer(CellExplainer newExplainer) {
        return new HeatmapData(values, rowLabels, colLabels, scale, newExplainer, name);
    }

    /** The same data with another name (null for none). */
    public HeatmapData withName(String newName) {
        return new HeatmapData(values, rowLabels, colLabels, scale, explainer, newName);
    }

    public int rows() {
        return values.rows();
    }

    public int cols() {
        return values.cols();
    }

    /**
     * The hover text of one cell: the explainer's, or "row label, col label: value" with the exact value (labels
     * with invisible characters escaped, so a newline token reads {@code \n}).
     */
    public String explain(int row, int col) {
        double value = values.get(row, col);
        if (explainer == null) {
            return TokenLabels.escape(rowLabels.get(row)) + ", " + TokenLabels.escape(colLabels.get(col)) + ": " + ValueFormat.exact(value);
        }
        return explainer.explain(row, col, value);
    }
}
