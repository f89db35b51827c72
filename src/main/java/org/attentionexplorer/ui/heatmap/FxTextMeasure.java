package org.attentionexplorer.ui.heatmap;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Text widths in the JavaFX default font, from cached widths of each character (a label's width is the sum of
 * its characters'; kerning is ignored, which costs a pixel at most). Measuring a thousand labels this way takes
 * microseconds, where a layout pass per label would take milliseconds. FX thread only.
 */
final class FxTextMeasure implements TextMeasure {
    private final String family = Font.getDefault().getFamily();
    private final Text probe = new Text();
    private final Map<Double, Font> fonts = new HashMap<>();
    private final Map<Double, Map<Integer, Double>> widths = new HashMap<>();

    Font font(double size) {
        return fonts.computeIfAbsent(size, s -> Font.font(family, s));
    }

    @Override
    public double width(String text, double fontSize) {
        Map<Integer, Double> chars = widths.computeIfAbsent(fontSize, s -> new HashMap<>());
        double sum = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            Double w = chars.get(c);
            if (w == null) {
                w = measure(new String(Character.toChars(c)), fontSize);
                chars.put(c, w);
            }
            sum += w;
        }
        return sum;
    }

    private double measure(String glyph, double fontSize) {
        probe.setFont(font(fontSize));
        // a lone space has no visible bounds; measure it between two letters
        if (glyph.isBlank()) {
            probe.setText("x" + glyph + "x");
            double both = probe.getLayoutBounds().getWidth();
            probe.setText("xx");
            return both - probe.getLayoutBounds().getWidth();
        }
        probe.setText(glyph);
        return probe.getLayoutBounds().getWidth();
    }
}
