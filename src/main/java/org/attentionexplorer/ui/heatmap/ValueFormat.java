package org.attentionexplorer.ui.heatmap;

import java.math.BigDecimal;
import java.util.Locale;

/** The texts of values: in cells (four decimals like PyTorch, or fewer), on hover (exact), on the legend. */
public final class ValueFormat {
    /** The most decimals a cell shows, as PyTorch prints tensors. */
    public static final int MAX_DECIMALS = 4;

    private ValueFormat() {
    }

    /** A cell's text with {@code decimals} decimals; {@code -inf}, {@code inf} and {@code nan} for the others. */
    public static String cell(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        String text = String.format(Locale.ROOT, "%." + decimals + "f", v);
        // -0.0000 reads as a negative value that is not there
        return text.startsWith("-") && isZero(text) ? text.substring(1) : text;
    }

    /** The shortest text that reads back as exactly this double, without an exponent for everyday magnitudes. */
    public static String exact(double v) {
        if (!Double.isFinite(v)) {
            return cell(v, 0);
        }
        double abs = Math.abs(v);
        if (v == 0 || (abs >= 1e-5 && abs < 1e9)) {
            return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        }
        return Double.toString(v);
    }

    /** A legend tick: up to four decimals, trailing zeros dropped ({@code 0}, {@code 1}, {@code -2.5}, {@code 0.1234}). */
    public static String tick(double v) {
        String text = cell(v, MAX_DECIMALS);
        if (text.contains(".")) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return text.equals("-0") ? "0" : text;
    }

    /**
     * The longest text a cell of this range can need with {@code decimals} decimals, to measure once instead of
     * every cell: e.g. {@code -88.8888} for a range of -12.5 to 40.
     */
    public static String widest(ValueRange range, int decimals) {
        long integerPart = Math.round(range.maxAbs());
        int digits = Long.toString(integerPart).length();
        String sign = range.hasNegative() ? "-" : "";
        String widest = sign + "8".repeat(digits) + (decimals > 0 ? "." + "8".repeat(decimals) : "");
        return range.masked() > 0 && widest.length() < 4 ? "-inf" : widest;
    }

    private static boolean isZero(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '-' && c != '0' && c != '.') {
                return false;
            }
        }
        return true;
    }
}
