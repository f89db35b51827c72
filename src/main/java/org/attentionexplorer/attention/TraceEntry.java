package org.attentionexplorer.attention;

import java.util.List;
import org.attentionexplorer.math.Matrix;

/**
 * One matrix of a trace, with everything needed to show it on its own: a stable key (as in the JSON
 * document, e.g. {@code simplified.attnScores} or {@code heads[1].keys}), the section of the chapter it belongs
 * to, what it is, how it is computed, and labels for its rows and columns.
 *
 * @param vector true for a bias, written as a plain list rather than a one-row matrix
 */
public record TraceEntry(String key, String section, String title, String formula, Matrix matrix,
        List<String> rowLabels, List<String> colLabels, boolean vector) {
    public TraceEntry {
        rowLabels = List.copyOf(rowLabels);
        colLabels = List.copyOf(colLabels);
        if (rowLabels.size() != matrix.rows() || colLabels.size() != matrix.cols()) {
            throw new IllegalArgumentException(key + ": labels do not fit a " + matrix.shape() + " matrix");
        }
    }
}
