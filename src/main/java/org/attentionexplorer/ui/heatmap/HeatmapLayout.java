package org.attentionexplorer.ui.heatmap;

/**
 * Where everything of one heatmap goes, in pixels, for one size, zoom and pan: the row labels on the left, the
 * column labels on top (rotated when they do not fit a cell), the grid of square cells, the legend on the right.
 * Pure geometry, no toolkit: the view uses it to draw and to find the cell under the pointer.
 *
 * <p>Zoom 1 fits the whole matrix into the space there is (cells at most {@link HeatmapStyle#maxFitCell()});
 * zoom z makes cells z times larger, up to {@link HeatmapStyle#maxCell()}. Pan is the top-left visible point
 * of the matrix, in cells (so it survives a zoom), clamped so the grid never shows blank space.
 */
public final class HeatmapLayout {

    /**
     * Sizes measured from the text a heatmap draws, in pixels.
     *
     * @param rowLabelWidth   the widest row label
     * @param colLabelWidth   the widest column label
     * @param lineHeight      the height of a line of label text
     * @param legendWidth     the legend's width, bar and tick labels
     * @param legendMinHeight the least height the legend needs
     */
    public record Measures(double rowLabelWidth, double colLabelWidth, double lineHeight, double legendWidth,
            double legendMinHeight) {
    }

    private final int rows;
    private final int cols;
    private final HeatmapStyle style;
    private final double width;
    private final double height;
    private final double lineHeight;
    private final double fitCell;
    private final double zoom;
    private final double maxZoom;
    private final double cellSize;
    private final boolean colLabelsRotated;
    private final double gridLeft;
    private final double gridTop;
    private final double gridWidth;
    private final double gridHeight;
    private final double offsetX;
    private final double offsetY;
    private final double legendLeft;
    private final double legendHeight;

    private HeatmapLayout(int rows, int cols, HeatmapStyle style, Measures m, double width, double height, double zoom,
            double panCol, double panRow) {
        this.rows = rows;
        this.cols = cols;
        this.style = style;
        this.width = width;
        this.height = height;
        this.lineHeight = m.lineHeight();
        double pad = style.padding();
        double gap = style.gap();
        double rowHeader = rowHeaderWidth(style, m);
        double availW = Math.max(1, width - 2 * pad - Math.ceil(rowHeader) - legendWidth(style, m));
        double horizontalHeader = m.lineHeight() + gap;
        boolean rotated = false;
        if (style.labels()) {
            double cellIfHorizontal = fit(availW, height - 2 * pad - horizontalHeader, rows, cols, style.maxFitCell());
            rotated = !labelsFitHorizontally(m, cellIfHorizontal);
        }
        this.colLabelsRotated = rotated;
        double colHeader = !style.labels() ? 0 : rotated ? Math.min(m.colLabelWidth(), style.maxColLabel()) + gap : horizontalHeader;
        double availH = Math.max(1, height - 2 * pad - Math.ceil(colHeader));

        this.fitCell = fit(availW, availH, rows, cols, style.maxFitCell());
        this.maxZoom = fitCell > 0 ? Math.max(1, style.maxCell() / fitCell) : 1;
        this.zoom = Double.isNaN(zoom) ? 1 : Math.max(1, Math.min(maxZoom, zoom));
        // at the largest zoom, exactly the largest cell (fitCell * maxZoom can miss it by a rounding)
        this.cellSize = this.zoom == maxZoom && maxZoom > 1 ? style.maxCell() : fitCell * this.zoom;
        double contentW = cols * cellSize;
        double contentH = rows * cellSize;
        this.gridWidth = Math.min(contentW, availW);
        this.gridHeight = Math.min(contentH, availH);
        this.offsetX = clamp(panCol * cellSize, contentW - gridWidth);
        this.offsetY = clamp(panRow * cellSize, contentH - gridHeight);
        // whole pixels, so cell edges and grid lines are crisp
        this.gridLeft = Math.ceil(pad + rowHeader);
        this.gridTop = Math.ceil(pad + colHeader);
        this.legendLeft = gridLeft + gridWidth + gap;
        this.legendHeight = style.legend() ? Math.max(gridHeight, m.legendMinHeight()) : 0;
    }

    /** The layout of a {@code rows x cols} heatmap in {@code width x height} pixels at a zoom and pan. */
    public static HeatmapLayout compute(int rows, int cols, HeatmapStyle style, Measures measures, double width,
            double height, double zoom, double panCol, double panRow) {
        return new HeatmapLayout(rows, cols, style, measures, width, height, zoom, panCol, panRow);
    }

    /**
     * The size, {width, height} in whole pixels, that shows every cell at {@code cell} pixels: an exported picture.
     * {@link #compute} at that size, zoom 1 and {@code style.withFitCell(cell)} gives cells of that size.
     */
    public static double[] naturalSize(int rows, int cols, HeatmapStyle style, Measures m, double cell) {
        double pad = style.padding();
        double gap = style.gap();
        double colHeader = !style.labels() ? 0
                : labelsFitHorizontally(m, cell) ? m.lineHeight() + gap : Math.min(m.colLabelWidth(), style.maxColLabel()) + gap;
        double gridH = Math.max(rows * cell, style.legend() ? m.legendMinHeight() : 0);
        return new double[] {
            Math.ceil(2 * pad + Math.ceil(rowHeaderWidth(style, m)) + cols * cell + legendWidth(style, m)),
            Math.ceil(2 * pad + Math.ceil(colHeader) + gridH)};
    }

    /** A cell size that shows a whole matrix in a picture of about 800 pixels: 64 for 12 tokens, 1 for 1024. */
    public static double naturalCell(int rows, int cols) {
        int n = Math.max(1, Math.max(rows, cols));
        return Math.max(1, Math.min(64, Math.floor(800.0 / n)));
    }

    private static boolean labelsFitHorizontally(Measures m, double cell) {
        return m.colLabelWidth() + 4 <= cell;
    }

    private static double rowHeaderWidth(HeatmapStyle style, Measures m) {
        return style.labels() ? Math.min(m.rowLabelWidth(), style.maxRowLabel()) + style.gap() : 0;
    }

    private static double legendWidth(HeatmapStyle style, Measures m) {
        return style.legend() ? style.gap() + m.legendWidth() : 0;
    }

    private static double fit(double availW, double availH, int rows, int cols, double maxFitCell) {
        if (rows == 0 || cols == 0) {
            return 0;
        }
        return Math.max(0, Math.min(maxFitCell, Math.min(availW / cols, availH / rows)));
    }

    private static double clamp(double offset, double max) {
        return Double.isNaN(offset) ? 0 : Math.max(0, Math.min(max, offset));
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public HeatmapStyle style() {
        return style;
    }

    /** The whole drawing's width, in pixels. */
    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** The side of a cell, in pixels. */
    public double cellSize() {
        return cellSize;
    }

    /** The side of a cell at zoom 1. */
    public double fitCell() {
        return fitCell;
    }

    /** The zoom in effect: the one asked for, clamped to [1, {@link #maxZoom()}]. */
    public double zoom() {
        return zoom;
    }

    public double maxZoom() {
        return maxZoom;
    }

    public boolean colLabelsRotated() {
        return colLabelsRotated;
    }

    /** Left edge of the visible grid. */
    public double gridLeft() {
        return gridLeft;
    }

    /** Top edge of the visible grid. */
    public double gridTop() {
        return gridTop;
    }

    /** Width of the visible part of the grid (the whole grid unless zoomed in). */
    public double gridWidth() {
        return gridWidth;
    }

    public double gridHeight() {
        return gridHeight;
    }

    /** How far the grid is scrolled right, in pixels of the zoomed grid. */
    public double offsetX() {
        return offsetX;
    }

    public double offsetY() {
        return offsetY;
    }

    /** The pan in effect (clamped): the column at the left edge, in cells. */
    public double panCol() {
        return cellSize > 0 ? offsetX / cellSize : 0;
    }

    /** The row at the top edge, in cells. */
    public double panRow() {
        return cellSize > 0 ? offsetY / cellSize : 0;
    }

    public double legendLeft() {
        return legendLeft;
    }

    public double legendTop() {
        return gridTop;
    }

    public double legendHeight() {
        return legendHeight;
    }

    /** The right edge of the row labels (they are right-aligned against the grid). */
    public double rowLabelRight() {
        return gridLeft - style.gap();
    }

    /** The room a row label has, in pixels. */
    public double rowLabelWidth() {
        return Math.max(0, gridLeft - style.gap() - style.padding());
    }

    /** The room a column label has: the header's height when rotated, a cell's width when not. */
    public double colLabelWidth() {
        return colLabelsRotated ? Math.max(0, gridTop - style.gap() - style.padding()) : cellSize - 4;
    }

    /** The bottom edge of the column labels. */
    public double colLabelBottom() {
        return gridTop - style.gap() / 2;
    }

    public double lineHeight() {
        return lineHeight;
    }

    /** Every how many rows a label is drawn, so labels never overlap (1 when cells are as tall as a line). */
    public int labelStride() {
        return cellSize <= 0 ? 1 : (int) Math.max(1, Math.ceil(lineHeight / cellSize));
    }

    /** Left edge of a column's cells (may be outside the visible grid). */
    public double cellX(int col) {
        return gridLeft + col * cellSize - offsetX;
    }

    /** Top edge of a row's cells. */
    public double cellY(int row) {
        return gridTop + row * cellSize - offsetY;
    }

    /** The first visible row. */
    public int firstRow() {
        return cellSize > 0 ? Math.min(rows, (int) Math.floor(offsetY / cellSize + 1e-9)) : 0;
    }

    /** One past the last visible row. */
    public int endRow() {
        return cellSize > 0 ? Math.min(rows, (int) Math.ceil((offsetY + gridHeight) / cellSize - 1e-9)) : 0;
    }

    public int firstCol() {
        return cellSize > 0 ? Math.min(cols, (int) Math.floor(offsetX / cellSize + 1e-9)) : 0;
    }

    public int endCol() {
        return cellSize > 0 ? Math.min(cols, (int) Math.ceil((offsetX + gridWidth) / cellSize - 1e-9)) : 0;
    }

    public boolean inGrid(double x, double y) {
        return x >= gridLeft && x < gridLeft + gridWidth && y >= gridTop && y < gridTop + gridHeight;
    }

    /** The row of the cell at height {@code y}, or -1 outside the grid's rows. */
    public int rowAt(double y) {
        if (cellSize <= 0 || y < gridTop || y >= gridTop + gridHeight) {
            return -1;
        }
        return Math.min(rows - 1, (int) Math.floor((y - gridTop + offsetY) / cellSize));
    }

    /** The column at {@code x}, or -1 outside the grid's columns. */
    public int colAt(double x) {
        if (cellSize <= 0 || x < gridLeft || x >= gridLeft + gridWidth) {
            return -1;
        }
        return Math.min(cols - 1, (int) Math.floor((x - gridLeft + offsetX) / cellSize));
    }

    /** The row whose label is at (x, y), or -1. */
    public int rowLabelAt(double x, double y) {
        return style.labels() && x >= style.padding() && x < gridLeft ? rowAt(y) : -1;
    }

    /** The column whose label is at (x, y), or -1. */
    public int colLabelAt(double x, double y) {
        return style.labels() && y >= style.padding() && y < gridTop ? colAt(x) : -1;
    }

    /** The matrix point at {@code x}, in cells (fractional): what a zoom around the pointer keeps in place. */
    public double contentCol(double x) {
        return cellSize > 0 ? (x - gridLeft + offsetX) / cellSize : 0;
    }

    public double contentRow(double y) {
        return cellSize > 0 ? (y - gridTop + offsetY) / cellSize : 0;
    }
}
