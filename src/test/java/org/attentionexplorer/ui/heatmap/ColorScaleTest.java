package org.attentionexplorer.ui.heatmap;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** The colour scales, without the FX toolkit: exact ends, monotone in between, special values, text contrast. */
class ColorScaleTest {
    private static final ValueRange WEIGHTS = new ValueRange(0.05, 0.6, 0, 0, 0);

    @Test
    void sequentialRunsFromWhiteAtZeroToDeepBlueAtOne() {
        ColorScale scale = ColorScale.of(Scale.SEQUENTIAL, WEIGHTS);
        assertThat(scale.low()).isEqualTo(0);
        assertThat(scale.high()).isEqualTo(1);
        assertThat(hex(scale.argb(0))).isEqualTo(hex(0xFFFFFFFF));
        assertThat(hex(scale.argb(1))).isEqualTo(hex(0xFF08306B));
        assertThat(hex(scale.argb(-3))).as("below the scale: its low end").isEqualTo(hex(0xFFFFFFFF));
        assertThat(hex(scale.argb(7))).as("above the scale: its high end").isEqualTo(hex(0xFF08306B));
        assertThat(hex(scale.argb(Double.POSITIVE_INFINITY))).isEqualTo(hex(0xFF08306B));
    }

    @Test
    void sequentialStretchesToValuesAboveOne() {
        // weights after dropout are scaled by 1 / (1 - p) and can exceed 1
        ColorScale scale = ColorScale.of(Scale.SEQUENTIAL, new ValueRange(0, 2, 0, 0, 0));
        assertThat(scale.high()).isEqualTo(2);
        assertThat(hex(scale.argb(2))).isEqualTo(hex(ColorScale.DEEP_BLUE));
        assertThat(hex(scale.argb(1))).isNotEqualTo(hex(ColorScale.DEEP_BLUE));
    }

    @Test
    void sequentialDarkensMonotonicallyInEveryChannel() {
        ColorScale scale = ColorScale.sequential(0, 1);
        int previous = scale.argb(0);
        for (int i = 1; i <= 1000; i++) {
            int argb = scale.argb(i / 1000.0);
            assertThat(red(argb)).as("red at %d", i).isLessThanOrEqualTo(red(previous));
            assertThat(green(argb)).as("green at %d", i).isLessThanOrEqualTo(green(previous));
            assertThat(blue(argb)).as("blue at %d", i).isLessThanOrEqualTo(blue(previous));
            previous = argb;
        }
        for (int i = 1; i <= 20; i++) {
            assertThat(ColorScale.luminance(scale.argb(i / 20.0))).as("step %d", i)
                    .isLessThan(ColorScale.luminance(scale.argb((i - 1) / 20.0)));
        }
    }

    @Test
    void divergingIsBlueWhiteRedAroundZeroUsingTheLargestMagnitude() {
        ColorScale scale = ColorScale.of(Scale.DIVERGING, new ValueRange(-0.5, 2, 0, 0, 0));
        assertThat(scale.low()).isEqualTo(-2);
        assertThat(scale.high()).isEqualTo(2);
        assertThat(hex(scale.argb(-2))).isEqualTo(hex(0xFF2166AC));
        assertThat(hex(scale.argb(0))).isEqualTo(hex(0xFFFFFFFF));
        assertThat(hex(scale.argb(2))).isEqualTo(hex(0xFFB2182B));
        assertThat(scale.argb(-0.5)).as("-0.5 and +0.5 are equally far from white")
                .satisfies(argb -> assertThat(Math.abs(ColorScale.luminance(argb) - ColorScale.luminance(scale.argb(0.5)))).isLessThan(0.05));
    }

    @Test
    void divergingLightensTowardsZeroAndDarkensAway() {
        ColorScale scale = ColorScale.diverging(3);
        for (int i = -299; i <= 300; i++) {
            double v = i / 100.0;
            double previous = ColorScale.luminance(scale.argb((i - 1) / 100.0));
            double now = ColorScale.luminance(scale.argb(v));
            if (v <= 0) {
                assertThat(now).as("v = %s", v).isGreaterThanOrEqualTo(previous);
            } else {
                assertThat(now).as("v = %s", v).isLessThanOrEqualTo(previous);
            }
            int argb = scale.argb(v);
            if (v < 0) {
                assertThat(blue(argb)).as("negative is blue at %s", v).isGreaterThan(red(argb));
            } else if (v > 0) {
                assertThat(red(argb)).as("positive is red at %s", v).isGreaterThan(blue(argb));
            }
        }
    }

    @Test
    void divergingWithNothingButZerosIsWhite() {
        ColorScale scale = ColorScale.of(Scale.DIVERGING, new ValueRange(0, 0, 0, 0, 0));
        assertThat(hex(scale.argb(0))).isEqualTo(hex(ColorScale.WHITE));
    }

    @Test
    void binaryShowsZeroWhiteAndOneDeepBlue() {
        ColorScale scale = ColorScale.of(Scale.BINARY, new ValueRange(0, 1, 0, 0, 0));
        assertThat(hex(scale.argb(0))).isEqualTo(hex(ColorScale.WHITE));
        assertThat(hex(scale.argb(1))).isEqualTo(hex(ColorScale.DEEP_BLUE));
        assertThat(scale.stops()).extracting(ColorScale.Stop::argb).containsExactly(ColorScale.WHITE, ColorScale.DEEP_BLUE);
    }

    @Test
    void maskedAndNanCellsHaveTheirOwnColoursOnEveryScale() {
        for (ColorScale scale : new ColorScale[] {ColorScale.sequential(0, 1), ColorScale.diverging(1), ColorScale.binary()}) {
            assertThat(hex(scale.argb(Double.NEGATIVE_INFINITY))).isEqualTo(hex(ColorScale.MASKED));
            assertThat(hex(scale.argb(Double.NaN))).isEqualTo(hex(ColorScale.NAN));
        }
        // no finite value of the usual scales is drawn in the masked grey
        ColorScale diverging = ColorScale.diverging(1);
        ColorScale sequential = ColorScale.sequential(0, 1);
        for (int i = -100; i <= 100; i++) {
            assertThat(diverging.argb(i / 100.0)).isNotEqualTo(ColorScale.MASKED);
            assertThat(sequential.argb(Math.abs(i) / 100.0)).isNotEqualTo(ColorScale.MASKED);
        }
    }

    @Test
    void stopsRunFromLowToHighThroughTheScaleColours() {
        ColorScale scale = ColorScale.diverging(2);
        assertThat(scale.stops()).first().isEqualTo(new ColorScale.Stop(0, ColorScale.DIVERGING_BLUE));
        assertThat(scale.stops()).last().isEqualTo(new ColorScale.Stop(1, ColorScale.DIVERGING_RED));
        for (ColorScale s : new ColorScale[] {scale, ColorScale.sequential(0, 1), ColorScale.sequential(-1, 3)}) {
            for (ColorScale.Stop stop : s.stops()) {
                assertThat(s.argb(s.valueAt(stop.value()))).as("%s stop at %s", s.scale(), stop.value()).isEqualTo(stop.argb());
                assertThat(s.position(s.valueAt(stop.value()))).isCloseTo(stop.value(), org.assertj.core.api.Assertions.within(1e-12));
            }
        }
    }

    @Test
    void sequentialColoursFollowTheSquareRootSoSmallWeightsAreVisible() {
        ColorScale scale = ColorScale.sequential(0, 1);
        assertThat(scale.position(0.25)).isEqualTo(0.5);
        assertThat(scale.position(0.01)).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-12));
        // a weight of 1/6 (six tokens attended evenly) is a clearly blue cell, not near-white
        assertThat(ColorScale.luminance(scale.argb(1.0 / 6))).isLessThan(0.6);
        assertThat(ColorScale.diverging(2).position(1)).as("diverging is linear").isEqualTo(0.75);
    }

    @Test
    void textIsWhiteOnDarkCellsAndBlackOnLightOnes() {
        assertThat(hex(ColorScale.textArgb(ColorScale.DEEP_BLUE))).isEqualTo(hex(0xFFFFFFFF));
        assertThat(hex(ColorScale.textArgb(ColorScale.DIVERGING_RED))).isEqualTo(hex(0xFFFFFFFF));
        assertThat(hex(ColorScale.textArgb(ColorScale.WHITE))).isEqualTo(hex(0xFF000000));
        assertThat(hex(ColorScale.textArgb(ColorScale.MASKED))).isEqualTo(hex(0xFF000000));
        assertThat(hex(ColorScale.textArgb(ColorScale.sequential(0, 1).argb(0.3)))).isEqualTo(hex(0xFF000000));
    }

    @Test
    void manyValuesAtOnceGetTheirColoursWithinOneUnit() {
        for (ColorScale scale : new ColorScale[] {ColorScale.sequential(0, 1), ColorScale.diverging(2.5), ColorScale.binary()}) {
            double[] values = new double[2001];
            for (int i = 0; i < values.length; i++) {
                values[i] = -3 + 6.0 * i / (values.length - 1);
            }
            values[0] = Double.NEGATIVE_INFINITY;
            values[1] = Double.NaN;
            values[2] = Double.POSITIVE_INFINITY;
            int[] colours = scale.argb(values);
            for (int i = 0; i < values.length; i++) {
                int exact = scale.argb(values[i]);
                assertThat(Math.abs(red(colours[i]) - red(exact)) <= 1 && Math.abs(green(colours[i]) - green(exact)) <= 1
                        && Math.abs(blue(colours[i]) - blue(exact)) <= 1).as("%s at %s: %s, exactly %s", scale.scale(), values[i],
                        hex(colours[i]), hex(exact)).isTrue();
            }
            assertThat(colours[0]).isEqualTo(ColorScale.MASKED);
            assertThat(colours[1]).isEqualTo(ColorScale.NAN);
        }
    }

    @Test
    void fxColoursAreTheSameColours() {
        ColorScale scale = ColorScale.sequential(0, 1);
        assertThat(scale.color(1)).isEqualTo(Color.rgb(8, 48, 107));
        assertThat(scale.color(0)).isEqualTo(Color.WHITE);
    }

    private static String hex(int argb) {
        return String.format("#%08X", argb);
    }

    private static int red(int argb) {
        return (argb >> 16) & 0xFF;
    }

    private static int green(int argb) {
        return (argb >> 8) & 0xFF;
    }

    private static int blue(int argb) {
        return argb & 0xFF;
    }
}
