package org.attentionexplorer.ui.heatmap;

import java.util.List;
import javafx.scene.paint.Color;

/**
 * Value -> colour for one heatmap: pure functions, no FX toolkit needed. Colours are ARGB ints
 * ({@code 0xAARRGGBB}, always opaque), with {@link #color(double)} as a JavaFX {@link Color} for convenience.
 *
 * <ul>
 *   <li>{@link Scale#SEQUENTIAL}: white at {@code low} to deep blue at {@code high} through ColorBrewer's "Blues"
 *       (every channel falls, so darker always means larger). {@link #of} uses [min(0, min), max(1, max)], so
 *       attention weights map 0 -> white and 1 -> deep blue on every heatmap and can be compared. The colour
 *       follows the square root of the value's place in the range (matplotlib's {@code PowerNorm(0.5)}): weights
 *       spread over T tokens are about 1/T, and on a linear scale 0.1 and 0.2 would both be a washed-out pale
 *       blue on a projector; the legend's ticks (0, 0.1, 0.25, 0.5, 1) show the spacing.</li>
 *   <li>{@link Scale#DIVERGING}: ColorBrewer's "RdBu", blue at -m, white at 0, red at +m, m = max |v|.</li>
 *   <li>{@link Scale#BINARY}: white below 0.5, deep blue from 0.5 (a mask's 0 and 1).</li>
 * </ul>
 * Values outside [low, high] take the nearest end's colour; {@code -Infinity} (masked) is {@link #MASKED}
 * (drawn hatched), NaN is {@link #NAN}, {@code +Infinity} the high end's colour.
 */
public final class ColorScale {
    public static final int WHITE = 0xFFFFFFFF;
    public static final int DEEP_BLUE = 0xFF08306B;
    public static final int DIVERGING_BLUE = 0xFF2166AC;
    public static final int DIVERGING_RED = 0xFFB2182B;
    /** A masked cell ({@code -Infinity}): light grey, drawn with {@link #HATCH} diagonal lines over it. */
    public static final int MASKED = 0xFFE0E0E0;
    /** The hatching over masked cells. */
    public static final int HATCH = 0xFF9A9A9A;
    /** A NaN: a loud pink, since a NaN in a trace is a bug to notice. */
    public static final int NAN = 0xFFFF4FD8;

    /** Steps of the table {@link #argb(double[])} looks colours up in. */
    private static final int TABLE_STEPS = 4096;

    private static final int[] BLUES = {WHITE, 0xFFDEEBF7, 0xFFC6DBEF, 0xFF9ECAE1, 0xFF6BAED6, 0xFF4292C6, 0xFF2171B5,
        0xFF08519C, DEEP_BLUE};
    private static final int[] RED_BLUE = {DIVERGING_BLUE, 0xFF4393C3, 0xFF92C5DE, 0xFFD1E5F0, WHITE, 0xFFFDDBC7,
        0xFFF4A582, 0xFFD6604D, DIVERGING_RED};

    /** One colour stop: the value where the colour is exact. */
    public record Stop(double value, int argb) {
    }

    private final Scale scale;
    private final double low;
    private final double high;
    private final int[] colors;

    private ColorScale(Scale scale, double low, double high, int[] colors) {
        this.scale = scale;
        this.low = low;
        this.high = high;
        this.colors = colors;
    }

    /** White at {@code low} to deep blue at {@code high}; {@code low < high}. */
    public static ColorScale sequential(double low, double high) {
        if (!(low < high)) {
            throw new IllegalArgumentException("a sequential scale needs low < high, not " + low + " and " + high);
        }
        return new ColorScale(Scale.SEQUENTIAL, low, high, BLUES);
    }

    /** Blue at {@code -maxAbs}, white at 0, red at {@code +maxAbs}; a zero {@code maxAbs} counts as 1 (all white). */
    public static ColorScale diverging(double maxAbs) {
        double m = maxAbs > 0 && Double.isFinite(maxAbs) ? maxAbs : 1;
        return new ColorScale(Scale.DIVERGING, -m, m, RED_BLUE);
    }

    /** White for 0, deep blue for 1. */
    public static ColorScale binary() {
        return new ColorScale(Scale.BINARY, 0, 1, new int[] {WHITE, DEEP_BLUE});
    }

    /** The scale a heatmap of values in {@code range} uses. */
    public static ColorScale of(Scale scale, ValueRange range) {
        return switch (scale) {
            case SEQUENTIAL -> sequential(Math.min(0, range.min()), Math.max(1, range.max()));
            case DIVERGING -> diverging(range.maxAbs());
            case BINARY -> binary();
        };
    }

    public Scale scale() {
        return scale;
    }

    /** The value of the first colour (white for sequential and binary, blue for diverging). */
    public double low() {
        return low;
    }

    /** The value of the last colour. */
    public double high() {
        return high;
    }

    /** The colour of a value, as opaque ARGB. */
    public int argb(double v) {
        if (v == Double.NEGATIVE_INFINITY) {
            return MASKED;
        }
        if (Double.isNaN(v)) {
            return NAN;
        }
        if (scale == Scale.BINARY) {
            return v >= 0.5 ? DEEP_BLUE : WHITE;
        }
        return at(position(v));
    }

    /**
     * Where a finite value sits along the colours, 0 (low) to 1 (high), clamped: linear for diverging and binary
     * scales, the square root of the linear place for sequential ones.
     */
    public double position(double v) {
        double linear = Math.max(0, Math.min(1, (v - low) / (high - low)));
        return scale == Scale.SEQUENTIAL ? Math.sqrt(linear) : linear;
    }

    /** The colour at a position along the colours (0 to 1). */
    private int at(double position) {
        double t = position * (colors.length - 1);
        if (!(t > 0)) {
            return colors[0];
        }
        if (t >= colors.length - 1) {
            return colors[colors.length - 1];
        }
        int i = (int) t;
        return lerp(colors[i], colors[i + 1], t - i);
    }

    /**
     * The colours of many values at once (a million in a few milliseconds): values inside [low, high] are looked up
     * in a table of {@value #TABLE_STEPS} + 1 colours, within one unit per channel of {@link #argb(double)}; the
     * others (and binary scales) are computed exactly.
     */
    public int[] argb(double[] values) {
        int[] out = new int[values.length];
        if (scale == Scale.BINARY) {
            for (int i = 0; i < values.length; i++) {
                out[i] = argb(values[i]);
            }
            return out;
        }
        int[] table = new int[TABLE_STEPS + 1];
        for (int i = 0; i <= TABLE_STEPS; i++) {
            table[i] = at((double) i / TABLE_STEPS);
        }
        boolean sqrt = scale == Scale.SEQUENTIAL;
        double perUnit = 1 / (high - low);
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            // false for NaN and for values outside the scale
            if (v >= low && v <= high) {
                double linear = (v - low) * perUnit;
                out[i] = table[(int) ((sqrt ? Math.sqrt(linear) : linear) * TABLE_STEPS + 0.5)];
            } else {
                out[i] = argb(v);
            }
        }
        return out;
    }

    /** The colour of a value as a JavaFX colour. */
    public Color color(double v) {
        return toColor(argb(v));
    }

    /**
     * The colour stops, from low to high, each with its position (0 to 1, see {@link #position}) as its value: a
     * legend bar drawn linearly through them shows the scale (two stops for binary: 0 and 1).
     */
    public List<Stop> stops() {
        Stop[] stops = new Stop[colors.length];
        for (int i = 0; i < colors.length; i++) {
            stops[i] = new Stop((double) i / (colors.length - 1), colors[i]);
        }
        return List.of(stops);
    }

    /** The value at a position along the colours: the inverse of {@link #position}. */
    public double valueAt(double position) {
        double linear = scale == Scale.SEQUENTIAL ? position * position : position;
        return low + (high - low) * linear;
    }

    /** Black or white, whichever contrasts more with the background (WCAG contrast ratio). */
    public static int textArgb(int background) {
        double l = luminance(background);
        double onBlack = (l + 0.05) / 0.05;
        double onWhite = 1.05 / (l + 0.05);
        return onBlack >= onWhite ? 0xFF000000 : WHITE;
    }

    /** WCAG relative luminance of an ARGB colour, 0 (black) to 1 (white). */
    public static double luminance(int argb) {
        return 0.2126 * linear((argb >> 16) & 0xFF) + 0.7152 * linear((argb >> 8) & 0xFF) + 0.0722 * linear(argb & 0xFF);
    }

    public static Color toColor(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, ((argb >>> 24) & 0xFF) / 255.0);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int lerp(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xFF) + (((b >> 16) & 0xFF) - ((a >> 16) & 0xFF)) * t);
        int g = (int) Math.round(((a >> 8) & 0xFF) + (((b >> 8) & 0xFF) - ((a >> 8) & 0xFF)) * t);
        int bl = (int) Math.round((a & 0xFF) + ((b & 0xFF) - (a & 0xFF)) * t);
        return 0xFF000000 | (r << 16) | (g << 8) | bl;
    }
}
