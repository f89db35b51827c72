package org.attentionexplorer.ui.lesson;

import java.util.Locale;
import org.attentionexplorer.math.Matrix;
import org.attentionexplorer.ui.heatmap.HeatmapData;
import org.attentionexplorer.ui.heatmap.Scale;

/**
 * Step 5's "what if the head were wider": a dot product of d numbers grows like sqrt(d), so a head with d-wide
 * queries and keys of the same kind as this one would have scores sqrt(d / d_k) times as spread. Dividing by
 * sqrt(d) undoes exactly that (the weights stay this head's); without it, softmax saturates towards all the
 * weight on one token as d grows. Pure: O(T^2).
 */
public final class Saturation {
    /** The widest head offered: d = 2^12 = 4096. */
    public static final int MAX_EXPONENT = 12;

    private Saturation() {
    }

    /**
     * The weights softmax(attnScores x sqrt(d / d_k) / (scaled ? sqrt(d) : 1)), as a panel whose title says d and
     * how saturated the rows are.
     *
     * @param scores the head's attnScores panel (Q K^T)
     * @param dK     the head's width
     * @param d      the width to imagine
     * @param scaled whether the stretched scores are divided by sqrt(d)
     */
    public static StepContent.Panel widened(StepContent.Panel scores, int dK, int d, boolean scaled) {
        Matrix values = scores.data().values();
        int t = values.rows();
        int cols = values.cols();
        double factor = Math.sqrt((double) d / dK) / (scaled ? Math.sqrt(d) : 1);
        double[] out = new double[t * cols];
        for (int i = 0; i < t; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, values.get(i, j) * factor);
            }
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] = Math.exp(values.get(i, j) * factor - max);
                sum += out[i * cols + j];
            }
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] /= sum;
            }
        }
        Matrix weights = Matrix.ofRowMajor(t, cols, out);
        String how = scaled ? "scaled by sqrt(" + d + ")" : "not scaled";
        String title = "weights if d_k were " + d + ", " + how + " (mean largest weight " + format(meanMax(weights)) + ")";
        String formula = scaled ? "softmax(attnScores x sqrt(" + d + " / " + dK + ") / sqrt(" + d + "))"
                : "softmax(attnScores x sqrt(" + d + " / " + dK + "))";
        HeatmapData data = new HeatmapData(weights, scores.data().rowLabels(), scores.data().colLabels(), Scale.SEQUENTIAL,
                (row, col, value) -> "weight of " + scores.data().colLabels().get(col) + " for query "
                        + scores.data().rowLabels().get(row) + " if d_k were " + d + ", " + how + " = " + format(value));
        return new StepContent.Panel("whatIf.widenedWeights", title, formula, data);
    }

    /** Mean over rows of the largest weight: 1 when every row puts all its weight on one token. */
    public static double meanMax(Matrix weights) {
        double total = 0;
        for (int i = 0; i < weights.rows(); i++) {
            double max = 0;
            for (int j = 0; j < weights.cols(); j++) {
                max = Math.max(max, weights.get(i, j));
            }
            total += max;
        }
        return total / weights.rows();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
