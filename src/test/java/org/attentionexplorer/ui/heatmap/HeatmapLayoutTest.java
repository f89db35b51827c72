package org.attentionexplorer.ui.heatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The geometry of a heatmap, without any toolkit: fit, zoom, pan, hit testing, label placement. */
class HeatmapLayoutTest {
    /** Labels up to 60 px wide, lines 21 px high, a legend 70 x 150. */
    private static final HeatmapLayout.Measures SHORT_LABELS = new HeatmapLayout.Measures(60, 40, 21, 70, 150);
    private static final HeatmapStyle SCREEN = HeatmapStyle.SCREEN;

    @Test
    void atZoomOneTheWholeMatrixFitsBesideLabelsAndLegend() {
        HeatmapLayout l = HeatmapLayout.compute(6, 6, SCREEN, SHORT_LABELS, 800, 600, 1, 0, 0);
        assertThat(l.cellSize()).isEqualTo(l.fitCell());
        assertThat(l.gridWidth()).isCloseTo(6 * l.cellSize(), within(1e-9));
        assertThat(l.gridLeft()).isGreaterThanOrEqualTo(SCREEN.padding() + 60);
        assertThat(l.legendLeft() + 70).isLessThanOrEqualTo(800);
        assertThat(l.gridTop() + l.gridHeight()).isLessThanOrEqualTo(600 - SCREEN.padding());
        assertThat(l.colLabelsRotated()).as("40 px labels fit cells of %s px", l.cellSize()).isFalse();
        assertThat(l.firstRow()).isZero();
        assertThat(l.endRow()).isEqualTo(6);
    }

    @Test
    void smallMatricesDoNotGetGiantCells() {
        HeatmapLayout l = HeatmapLayout.compute(2, 2, SCREEN, SHORT_LABELS, 1600, 1200, 1, 0, 0);
        assertThat(l.cellSize()).isEqualTo(SCREEN.maxFitCell());
    }

    @Test
    void zoomScalesCellsAndIsClamped() {
        HeatmapLayout one = HeatmapLayout.compute(6, 6, SCREEN, SHORT_LABELS, 500, 400, 1, 0, 0);
        HeatmapLayout two = HeatmapLayout.compute(6, 6, SCREEN, SHORT_LABELS, 500, 400, 2, 0, 0);
        assertThat(two.cellSize()).isCloseTo(2 * one.cellSize(), within(1e-9));
        assertThat(HeatmapLayout.compute(6, 6, SCREEN, SHORT_LABELS, 500, 400, 0.25, 0, 0).cellSize()).isEqualTo(one.cellSize());
        assertThat(HeatmapLayout.compute(6, 6, SCREEN, SHORT_LABELS, 500, 400, 1000, 0, 0).cellSize()).isEqualTo(SCREEN.maxCell());
    }

    @Test
    void panIsClampedSoTheGridNeverShowsBlankSpace() {
        HeatmapLayout l = HeatmapLayout.compute(100, 100, SCREEN, SHORT_LABELS, 600, 500, 8, 1e6, -5);
        double contentWidth = 100 * l.cellSize();
        assertThat(l.offsetX()).isCloseTo(contentWidth - l.gridWidth(), within(1e-9));
        assertThat(l.offsetY()).isZero();
        assertThat(l.endCol()).isEqualTo(100);
        assertThat(l.firstCol()).isGreaterThan(50);
        assertThat(l.panCol()).isCloseTo(l.offsetX() / l.cellSize(), within(1e-12));
    }

    @Test
    void zoomedInOnlyTheVisibleCellsAreInTheRange() {
        HeatmapLayout l = HeatmapLayout.compute(1024, 1024, SCREEN, SHORT_LABELS, 1000, 900, 40, 500, 300);
        int visibleRows = l.endRow() - l.firstRow();
        assertThat(visibleRows).isBetween((int) (l.gridHeight() / l.cellSize()), (int) (l.gridHeight() / l.cellSize()) + 2);
        assertThat(l.firstRow()).isEqualTo(300);
        assertThat(l.firstCol()).isEqualTo(500);
    }

    @Test
    void hitTestingFindsTheCellAndTheRowLabelUnderThePointer() {
        HeatmapLayout l = HeatmapLayout.compute(3, 4, SCREEN, SHORT_LABELS, 600, 400, 1, 0, 0);
        double cell = l.cellSize();
        assertThat(l.rowAt(l.cellY(2) + cell / 2)).isEqualTo(2);
        assertThat(l.colAt(l.cellX(3) + cell / 2)).isEqualTo(3);
        assertThat(l.rowAt(l.gridTop() - 1)).isEqualTo(-1);
        assertThat(l.colAt(l.gridLeft() + l.gridWidth() + 1)).isEqualTo(-1);
        assertThat(l.rowLabelAt(l.gridLeft() - 20, l.cellY(1) + cell / 2)).isEqualTo(1);
        assertThat(l.rowLabelAt(l.gridLeft() + 5, l.cellY(1) + cell / 2)).as("a cell is not a label").isEqualTo(-1);
        assertThat(l.colLabelAt(l.cellX(2) + cell / 2, l.gridTop() - 5)).isEqualTo(2);
    }

    @Test
    void longColumnLabelsAreRotatedAndTinyRowsLabelOnlyEveryFewRows() {
        HeatmapLayout.Measures longLabels = new HeatmapLayout.Measures(60, 300, 21, 70, 150);
        HeatmapLayout l = HeatmapLayout.compute(200, 200, SCREEN, longLabels, 800, 800, 1, 0, 0);
        assertThat(l.colLabelsRotated()).isTrue();
        assertThat(l.gridTop()).as("the header is cut at maxColLabel").isLessThanOrEqualTo(SCREEN.padding() + SCREEN.maxColLabel() + SCREEN.gap() + 1);
        assertThat(l.labelStride()).isEqualTo((int) Math.ceil(21 / l.cellSize()));
        assertThat(l.labelStride() * l.cellSize()).isGreaterThanOrEqualTo(21);
    }

    @Test
    void theNaturalSizeGivesCellsOfTheAskedSize() {
        for (int n : new int[] {1, 3, 6, 12, 128, 1024}) {
            double cell = HeatmapLayout.naturalCell(n, n);
            HeatmapStyle style = HeatmapStyle.EXPORT.withFitCell(cell);
            double[] size = HeatmapLayout.naturalSize(n, n, style, SHORT_LABELS, cell);
            HeatmapLayout l = HeatmapLayout.compute(n, n, style, SHORT_LABELS, size[0], size[1], 1, 0, 0);
            assertThat(l.cellSize()).as("%d x %d", n, n).isEqualTo(cell);
            assertThat(l.gridWidth()).isEqualTo(n * cell);
            assertThat(l.legendLeft() + 70).isLessThanOrEqualTo(size[0]);
        }
        assertThat(HeatmapLayout.naturalCell(6, 6)).isEqualTo(64);
        assertThat(HeatmapLayout.naturalCell(100, 20)).isEqualTo(8);
        assertThat(HeatmapLayout.naturalCell(1024, 1024)).isEqualTo(1);
    }

    @Test
    void anEmptyMatrixHasNoCells() {
        HeatmapLayout l = HeatmapLayout.compute(0, 0, SCREEN, SHORT_LABELS, 300, 200, 1, 0, 0);
        assertThat(l.cellSize()).isZero();
        assertThat(l.rowAt(100)).isEqualTo(-1);
        assertThat(l.endRow()).isZero();
    }
}
