package org.attentionexplorer.ui.heatmap;

import org.attentionexplorer.math.Matrix;

/**
 * What a colour scale and a legend need to know about a matrix's values, found in one pass.
 *
 * @param min      the smallest finite value (0 when there is none)
 * @param max      the largest finite value (0 when there is none)
 * @param masked   how many values are {@code -Infinity} (masked scores)
 * @param nan      how many values are NaN
 * @param infinite how many values are {@code +Infinity}
 */
public record ValueRange(double min, double max, int masked, int nan, int infinite) {

    public static ValueRange of(Matrix matrix) {
        return of(matrix.toRowMajor());
    }

    /** The range of values in row-major order. */
    public static ValueRange of(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int masked = 0;
        int nan = 0;
        int infinite = 0;
        for (double v : values) {
            if (v == Double.NEGATIVE_INFINITY) {
                masked++;
            } else if (v == Double.POSITIVE_INFINITY) {
                infinite++;
            } else if (Double.isNaN(v)) {
                nan++;
            } else {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            min = 0;
            max = 0;
        }
        return new ValueRange(min, max, masked, nan, infinite);
    }

    /** The largest absolute finite value. */
    public double maxAbs() {
        return Math.max(Math.abs(min), Math.abs(max));
    }

    /** Whether any value has a sign: a diverging scale would then be the right one. */
    public boolean hasNegative() {
        return min < 0;
    }
}
