package org.attentionexplorer.attention;

import java.util.List;
import java.util.Locale;
import org.attentionexplorer.math.Matrix;

/** Formats a labelled matrix as aligned text, four decimals like PyTorch prints, {@code -inf} for masked cells. */
public final class MatrixText {
    /** Labels longer than this are cut, so a long token cannot push a matrix off the screen. */
    private static final int MAX_LABEL = 12;

    private MatrixText() {
    }

    public static String value(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** The matrix with column labels above and row labels to the left, every column right-aligned. */
    public static String format(Matrix matrix, List<String> rowLabels, List<String> colLabels) {
        int labelWidth = 0;
        for (String label : rowLabels) {
            labelWidth = Math.max(labelWidth, cut(label).length());
        }
        int[] widths = new int[matrix.cols()];
        String[][] cells = new String[matrix.rows()][matrix.cols()];
        for (int c = 0; c < matrix.cols(); c++) {
            widths[c] = cut(colLabels.get(c)).length();
            for (int r = 0; r < matrix.rows(); r++) {
                cells[r][c] = value(matrix.get(r, c));
                widths[c] = Math.max(widths[c], cells[r][c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(" ".repeat(labelWidth));
        for (int c = 0; c < matrix.cols(); c++) {
            out.append("  ").append(pad(cut(colLabels.get(c)), widths[c]));
        }
        out.append('\n');
        for (int r = 0; r < matrix.rows(); r++) {
            out.append(cut(rowLabels.get(r))).append(" ".repeat(labelWidth - cut(rowLabels.get(r)).length()));
            for (int c = 0; c < matrix.cols(); c++) {
                out.append("  ").append(pad(cells[r][c], widths[c]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String cut(String label) {
        String oneLine = label.replaceAll("\\s", "\u00b7");
        return oneLine.length() <= MAX_LABEL ? oneLine : oneLine.substring(0, MAX_LABEL - 1) + "\u2026";
    }

    private static String pad(String text, int width) {
        return " ".repeat(width - text.length()) + text;
    }
}
