package org.attentionexplorer.ui.heatmap;

/**
 * The width of a text in pixels at a font size, from whichever toolkit draws it (JavaFX on screen, java.awt for
 * SVG), so layout and truncation are computed once, the same way, for both.
 */
@FunctionalInterface
public interface TextMeasure {
    String ELLIPSIS = "\u2026";

    /** The advance width of {@code text}, in pixels, at {@code fontSize} pixels. */
    double width(String text, double fontSize);

    /** {@code text} itself if it fits in {@code maxWidth}, else its longest prefix that fits with an ellipsis added. */
    default String fit(String text, double maxWidth, double fontSize) {
        if (width(text, fontSize) <= maxWidth) {
            return text;
        }
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (width(prefix(text, mid) + ELLIPSIS, fontSize) <= maxWidth) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo == 0 && width(ELLIPSIS, fontSize) > maxWidth ? "" : prefix(text, lo) + ELLIPSIS;
    }

    private static String prefix(String text, int length) {
        // never cut a surrogate pair in half
        int end = length > 0 && length < text.length() && Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }
}
