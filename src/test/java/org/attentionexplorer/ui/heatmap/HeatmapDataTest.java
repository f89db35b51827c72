package org.attentionexplorer.ui.heatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.attentionexplorer.math.Matrix;
import org.junit.jupiter.api.Test;

/** HeatmapData, the value texts and label truncation: everything that needs no FX toolkit. */
class HeatmapDataTest {
    private static final double NEG_INF = Double.NEGATIVE_INFINITY;

    @Test
    void labelsMustFitTheMatrix() {
        Matrix m = Matrix.zeros(2, 3);
        assertThatThrownBy(() -> HeatmapData.of(m, List.of("a", "b"), List.of("x", "y"), Scale.SEQUENTIAL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 row labels and 2 column labels do not fit a 2 x 3 matrix");
    }

    @Test
    void labelsAreCopied() {
        List<String> rows = new ArrayList<>(List.of("a"));
        HeatmapData data = HeatmapData.of(Matrix.zeros(1, 1), rows, List.of("x"), Scale.SEQUENTIAL);
        rows.set(0, "changed");
        assertThat(data.rowLabels()).containsExactly("a");
    }

    @Test
    void theDefaultExplanationNamesBothLabelsAndTheExactValue() {
        HeatmapData data = HeatmapData.of(Matrix.of(new double[][] {{1.0865234375, NEG_INF}}), List.of("journey"),
                List.of("step", "one"), Scale.DIVERGING);
        assertThat(data.explain(0, 0)).isEqualTo("journey, step: 1.0865234375");
        assertThat(data.explain(0, 1)).isEqualTo("journey, one: -inf");
    }

    @Test
    void theDefaultExplanationShowsInvisibleTokens() {
        HeatmapData data = HeatmapData.of(Matrix.of(new double[][] {{0.5}}), List.of("\n"), List.of("\t"), Scale.SEQUENTIAL);
        assertThat(data.explain(0, 0)).isEqualTo("\\n, \\t: 0.5");
    }

    @Test
    void anExplainerReplacesTheDefault() {
        HeatmapData data = HeatmapData.of(Matrix.of(new double[][] {{0.6123}}), List.of("q"), List.of("k"), Scale.DIVERGING)
                .withExplainer((row, col, value) -> "q" + row + " · k" + col + " / sqrt(2) = " + ValueFormat.cell(value, 4));
        assertThat(data.explain(0, 0)).isEqualTo("q0 · k0 / sqrt(2) = 0.6123");
    }

    @Test
    void cellsPrintFourDecimalsLikePyTorchAndMaskedCellsAsMinusInf() {
        assertThat(ValueFormat.cell(0.61234567, 4)).isEqualTo("0.6123");
        assertThat(ValueFormat.cell(-1.23456, 2)).isEqualTo("-1.23");
        assertThat(ValueFormat.cell(-0.00001, 4)).as("no negative zero").isEqualTo("0.0000");
        assertThat(ValueFormat.cell(NEG_INF, 4)).isEqualTo("-inf");
        assertThat(ValueFormat.cell(Double.NaN, 4)).isEqualTo("nan");
        assertThat(ValueFormat.cell(1, 0)).isEqualTo("1");
    }

    @Test
    void exactValuesReadBackAsTheSameDouble() {
        assertThat(ValueFormat.exact(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(ValueFormat.exact(2.0)).isEqualTo("2");
        assertThat(ValueFormat.exact(1e-7)).isEqualTo("1.0E-7");
        assertThat(ValueFormat.exact(NEG_INF)).isEqualTo("-inf");
        assertThat(Double.parseDouble(ValueFormat.exact(0.2098))).isEqualTo(0.2098);
    }

    @Test
    void legendTicksDropTrailingZeros() {
        assertThat(ValueFormat.tick(1)).isEqualTo("1");
        assertThat(ValueFormat.tick(0)).isEqualTo("0");
        assertThat(ValueFormat.tick(-2.5)).isEqualTo("-2.5");
        assertThat(ValueFormat.tick(0.123456)).isEqualTo("0.1235");
    }

    @Test
    void theWidestCellTextCoversSignDigitsAndMaskedCells() {
        assertThat(ValueFormat.widest(new ValueRange(-12.5, 40, 0, 0, 0), 4)).isEqualTo("-88.8888");
        assertThat(ValueFormat.widest(new ValueRange(0, 1, 0, 0, 0), 2)).isEqualTo("8.88");
        assertThat(ValueFormat.widest(new ValueRange(0, 1, 3, 0, 0), 1)).isEqualTo("-inf");
    }

    @Test
    void theValueRangeCountsMaskedCellsApart() {
        ValueRange range = ValueRange.of(Matrix.of(new double[][] {{0.5, NEG_INF}, {-2, Double.NaN}}));
        assertThat(range).isEqualTo(new ValueRange(-2, 0.5, 1, 1, 0));
        assertThat(range.maxAbs()).isEqualTo(2);
        assertThat(ValueRange.of(Matrix.filled(2, 2, NEG_INF))).isEqualTo(new ValueRange(0, 0, 4, 0, 0));
    }

    @Test
    void labelsTooLongAreCutWithAnEllipsis() {
        TextMeasure tenPixelsAChar = (text, size) -> 10.0 * text.codePointCount(0, text.length());
        assertThat(tenPixelsAChar.fit("journey", 70, 12)).isEqualTo("journey");
        assertThat(tenPixelsAChar.fit("journey", 55, 12)).isEqualTo("jour\u2026");
        assertThat(tenPixelsAChar.fit("journey", 5, 12)).isEmpty();
    }
}
