package org.attentionexplorer.ui.heatmap;

import java.util.ArrayList;
import java.util.List;

/**
 * The colour legend right of the grid: a gradient bar with ticks at the scale's ends and at 0 when it lies
 * between (a sequential scale: also at a half, a quarter and a tenth, since its colours follow a square root), or two swatches for a 0/1 mask, then swatches for the special cells present (masked {@code -inf},
 * {@code nan}). Knows its size and draws itself on a {@link Surface}.
 */
final class Legend {
    static final double BAR_WIDTH = 18;
    static final double SWATCH = 18;
    private static final double TICK = 5;
    private static final double TEXT_GAP = 4;
    private static final double MIN_BAR = 90;
    private static final double MAX_BAR = 320;

    /** A tick on the bar. */
    record Tick(double value, String text) {
    }

    /** A square of one colour (hatched for masked cells) with its meaning. */
    record Swatch(int argb, boolean hatched, String text) {
    }

    private final ColorScale colors;
    private final List<Tick> ticks;
    private final List<Swatch> swatches;

    private Legend(ColorScale colors, List<Tick> ticks, List<Swatch> swatches) {
        this.colors = colors;
        this.ticks = ticks;
        this.swatches = swatches;
    }

    static Legend of(PreparedHeatmap heatmap) {
        ColorScale colors = heatmap.colors();
        List<Tick> ticks = new ArrayList<>();
        List<Swatch> swatches = new ArrayList<>();
        if (colors.scale() == Scale.BINARY) {
            swatches.add(new Swatch(colors.argb(1), false, "1"));
            swatches.add(new Swatch(colors.argb(0), false, "0"));
        } else {
            ticks.add(new Tick(colors.high(), ValueFormat.tick(colors.high())));
            if (colors.scale() == Scale.SEQUENTIAL) {
                // the colours follow a square root: these ticks show how the values are spaced along the bar
                for (double share : new double[] {0.5, 0.25, 0.1}) {
                    double v = colors.low() + (colors.high() - colors.low()) * share;
                    ticks.add(new Tick(v, ValueFormat.tick(v)));
                }
            } else if (colors.low() < 0 && colors.high() > 0) {
                ticks.add(new Tick(0, "0"));
            }
            ticks.add(new Tick(colors.low(), ValueFormat.tick(colors.low())));
        }
        if (heatmap.range().masked() > 0) {
            swatches.add(new Swatch(ColorScale.MASKED, true, "-inf"));
        }
        if (heatmap.range().nan() > 0) {
            swatches.add(new Swatch(ColorScale.NAN, false, "nan"));
        }
        return new Legend(colors, List.copyOf(ticks), List.copyOf(swatches));
    }

    List<Tick> ticks() {
        return ticks;
    }

    List<Swatch> swatches() {
        return swatches;
    }

    double width(TextMeasure measure, double fontSize) {
        double text = 0;
        for (Tick tick : ticks) {
            text = Math.max(text, measure.width(tick.text(), fontSize));
        }
        for (Swatch swatch : swatches) {
            text = Math.max(text, measure.width(swatch.text(), fontSize));
        }
        return BAR_WIDTH + TICK + TEXT_GAP + text;
    }

    double minHeight(double lineHeight) {
        return (ticks.isEmpty() ? 0 : MIN_BAR + lineHeight) + swatches.size() * (Math.max(SWATCH, lineHeight) + 6);
    }

    void draw(Surface s, HeatmapLayout layout, double fontSize, int textArgb, int borderArgb) {
        double x = layout.legendLeft();
        double y = layout.legendTop();
        double line = layout.lineHeight();
        double swatchRow = Math.max(SWATCH, line) + 6;
        if (!ticks.isEmpty()) {
            double bar = Math.max(MIN_BAR, Math.min(MAX_BAR, layout.legendHeight() - swatches.size() * swatchRow - line));
            // the gradient runs from high (top) to low (bottom)
            List<ColorScale.Stop> stops = new ArrayList<>();
            for (ColorScale.Stop stop : colors.stops()) {
                stops.add(0, new ColorScale.Stop(1 - stop.value(), stop.argb()));
            }
            s.verticalGradient(x, y, BAR_WIDTH, bar, stops);
            s.strokeRect(x, y, BAR_WIDTH, bar, borderArgb, 1);
            // the ends first; a middle tick too close to one already drawn is left out
            List<Tick> ordered = new ArrayList<>(List.of(ticks.get(0), ticks.get(ticks.size() - 1)));
            ordered.addAll(ticks.subList(1, ticks.size() - 1));
            List<Double> drawn = new ArrayList<>();
            for (Tick tick : ordered) {
                double ty = y + fraction(tick.value()) * bar;
                if (drawn.stream().anyMatch(other -> Math.abs(other - ty) < line * 0.9)) {
                    continue;
                }
                drawn.add(ty);
                s.line(x + BAR_WIDTH, ty, x + BAR_WIDTH + TICK, ty, borderArgb, 1);
                s.text(tick.text(), x + BAR_WIDTH + TICK + TEXT_GAP, ty, fontSize, textArgb, Surface.Anchor.LEFT, false);
            }
            y += bar + line;
        }
        for (Swatch swatch : swatches) {
            double top = y + (swatchRow - 6 - SWATCH) / 2;
            s.fillRect(x, top, SWATCH, SWATCH, swatch.argb());
            if (swatch.hatched()) {
                s.hatch(List.of(new Surface.Rect(x, top, SWATCH, SWATCH)), HeatmapPainter.HATCH_SPACING);
            }
            s.strokeRect(x, top, SWATCH, SWATCH, borderArgb, 1);
            s.text(swatch.text(), x + BAR_WIDTH + TICK + TEXT_GAP, top + SWATCH / 2, fontSize, textArgb, Surface.Anchor.LEFT, false);
            y += swatchRow;
        }
    }

    /** Where a value sits on the bar: 0 at the top (high), 1 at the bottom (low). */
    private double fraction(double value) {
        return 1 - colors.position(value);
    }
}
