package org.attentionexplorer.ui.heatmap;

/**
 * Says how one cell of a heatmap was computed, for the hover text: e.g. {@code q2 · k4 / sqrt(2) = 0.6123}.
 * Called on the FX thread for the one cell under the pointer, so it must be cheap.
 */
@FunctionalInterface
public interface CellExplainer {
    /**
     * @param row   the cell's row (a query token for a (T, T) matrix), from 0
     * @param col   the cell's column (a key token or a feature), from 0
     * @param value the cell's value, possibly {@code -Infinity} for a masked score
     */
    String explain(int row, int col, double value);
}
