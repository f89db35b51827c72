package org.attentionexplorer.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.attentionexplorer.attention.AttentionLab;
import org.attentionexplorer.attention.LessonJson;
import org.attentionexplorer.attention.LessonTrace;
import org.attentionexplorer.math.Matrix;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;

class ContributionsTest {
    private static final LessonTrace BOOK = AttentionLab.trace(LessonJson.bundled());

    private static Contributions journey() {
        return Contributions.of(BOOK.simplified().attnWeights(), BOOK.lesson().embeddings(), BOOK.lesson().tokens(), 1);
    }

    @Test
    void thePartsOfJourneysContextVectorAddUpToTheBooksZ2() {
        Contributions c = journey();
        // the book, section 3.3.1: z(2) = [0.4419, 0.6515, 0.5683]; weights of "journey" [0.1385, 0.2379, ...]
        assertThat(c.context(0)).isCloseTo(0.4419, within(5e-5));
        assertThat(c.context(1)).isCloseTo(0.6515, within(5e-5));
        assertThat(c.context(2)).isCloseTo(0.5683, within(5e-5));
        assertThat(c.weight(0)).isCloseTo(0.1385, within(5e-5));
        // "step" is x(6) = [0.05, 0.80, 0.55] with weight 0.1581
        assertThat(c.part(5, 1)).isCloseTo(0.1581 * 0.80, within(1e-4));
        assertThat(c.explain(5, 1)).isEqualTo("a(journey, step) · x(step)[1] = 0.1581 × 0.8000 = 0.1265");
    }

    @Test
    void wideInputsShowTheirFirstDimensions() {
        Matrix wide = Matrix.filled(2, 50, 1.0);
        Contributions c = Contributions.of(Matrix.of(new double[][] {{1, 0}, {0.25, 0.75}}), wide, List.of("a", "b"), 1);
        assertThat(c.dimensions()).isEqualTo(Contributions.MAX_DIMENSIONS);
        assertThat(c.totalDimensions()).isEqualTo(50);
        assertThat(c.context(31)).isEqualTo(1.0);
        assertThatThrownBy(() -> Contributions.of(Matrix.filled(2, 2, 0.5), wide, List.of("a", "b"), 2))
                .hasMessage("query 2 is not one of the 2 tokens");
    }

    @Test
    void theChartStacksOneSeriesPerTokenAndMarksZ() {
        CategoryPlot plot = ContributionChart.chart(journey()).getCategoryPlot();
        assertThat(plot.getDataset(0).getRowCount()).isEqualTo(6);
        assertThat(plot.getDataset(0).getColumnCount()).isEqualTo(3);
        assertThat(String.valueOf(plot.getDataset(0).getRowKey(5))).isEqualTo("step (a = 0.158)");
        assertThat(plot.getDataset(1).getValue(0, 2).doubleValue()).isCloseTo(0.5683, within(5e-5));
    }
}
