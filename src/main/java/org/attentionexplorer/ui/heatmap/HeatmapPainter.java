package org.attentionexplorer.ui.heatmap;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;

/**
 * Draws a heatmap for one viewport (a {@link HeatmapLayout}): cells, masked-cell hatching, values, the selected
 * row, token labels and the legend. The same drawing serves the interactive view, thumbnails, the benchmark,
 * and (through {@link AwtSurface}) SVG export.
 *
 * <p>Only visible cells are drawn. Small cells go through one image with a pixel per cell, scaled up without
 * smoothing (one draw call, whatever the matrix size); cells large enough for their value are filled one
 * rectangle each, with grid lines and the value printed in black or white for contrast.
 *
 * <p>An instance caches text measurements for the last heatmap it measured; use it on the FX thread only.
 */
public final class HeatmapPainter {
    public static final int BACKGROUND = ColorScale.WHITE;
    public static final int LABEL_TEXT = 0xFF1A1A1A;
    public static final int GRID_LINE = 0xFFD0D0D0;
    public static final int BORDER = 0xFF808080;
    /** The selected row: an amber outline in the grid, an amber band behind its label. */
    public static final int SELECTION = 0xFFFFB000;
    /** Cells at least this large (pixels) get grid lines between them. */
    private static final double GRID_LINES_FROM = 14;
    /** Space between hatching lines of masked cells, in pixels. */
    static final double HATCH_SPACING = 7;
    /** Masked cells smaller than this are plain grey: hatching would only blur them. */
    private static final double HATCH_FROM = 5;

    private final HeatmapStyle style;
    private FxTextMeasure measure;
    private PreparedHeatmap measured;
    private HeatmapLayout.Measures measures;
    private Legend legend;

    public HeatmapPainter(HeatmapStyle style) {
        this.style = style;
    }

    public HeatmapStyle style() {
        return style;
    }

    /** The layout of {@code heatmap} on a {@code width x height} canvas at a zoom and pan (see {@link HeatmapLayout}). */
    public HeatmapLayout layout(PreparedHeatmap heatmap, double width, double height, double zoom, double panCol, double panRow) {
        return HeatmapLayout.compute(heatmap.rows(), heatmap.cols(), style, measures(heatmap), width, height, zoom, panCol, panRow);
    }

    /** The canvas size {width, height} that shows every cell at {@code cell} pixels (paint it with {@code style().withFitCell(cell)}). */
    public double[] naturalSize(PreparedHeatmap heatmap, double cell) {
        return HeatmapLayout.naturalSize(heatmap.rows(), heatmap.cols(), style, measures(heatmap), cell);
    }

    /** Draws {@code heatmap} as {@code layout} places it, the whole canvas area of the layout included. */
    public void paint(GraphicsContext gc, PreparedHeatmap heatmap, HeatmapLayout layout, int selectedRow) {
        measures(heatmap);
        gc.save();
        try {
            draw(new FxSurface(gc, fxMeasure()), heatmap, layout, legend, selectedRow);
        } finally {
            gc.restore();
        }
    }

    /** Draws the whole of {@code data} into {@code width x height} at zoom 1 (a thumbnail); returns the layout used. */
    public HeatmapLayout paint(GraphicsContext gc, HeatmapData data, double width, double height) {
        PreparedHeatmap heatmap = PreparedHeatmap.of(data);
        HeatmapLayout layout = layout(heatmap, width, height, 1, 0, 0);
        paint(gc, heatmap, layout, -1);
        return layout;
    }

    private FxTextMeasure fxMeasure() {
        if (measure == null) {
            measure = new FxTextMeasure();
        }
        return measure;
    }

    private HeatmapLayout.Measures measures(PreparedHeatmap heatmap) {
        if (measured != heatmap) {
            legend = Legend.of(heatmap);
            measures = measures(heatmap, style, style.labels() || style.legend() ? fxMeasure() : (text, size) -> 0, legend);
            measured = heatmap;
        }
        return measures;
    }

    /** The text sizes the layout of {@code heatmap} depends on, measured with {@code measure}. */
    static HeatmapLayout.Measures measures(PreparedHeatmap heatmap, HeatmapStyle style, TextMeasure measure, Legend legend) {
        double size = style.labelFontSize();
        double rowWidth = 0;
        double colWidth = 0;
        if (style.labels()) {
            for (String label : heatmap.rowLabels()) {
                rowWidth = Math.max(rowWidth, measure.width(label, size));
            }
            for (String label : heatmap.colLabels()) {
                colWidth = Math.max(colWidth, measure.width(label, size));
            }
        }
        double lineHeight = Math.ceil(size * 1.3);
        // room for the band behind a selected label
        rowWidth += 6;
        return new HeatmapLayout.Measures(rowWidth, colWidth, lineHeight,
                style.legend() ? legend.width(measure, size) : 0, style.legend() ? legend.minHeight(lineHeight) : 0);
    }

    /** Draws everything on {@code s}. */
    static void draw(Surface s, PreparedHeatmap heatmap, HeatmapLayout layout, Legend legend, int selectedRow) {
        HeatmapStyle style = layout.style();
        s.fillRect(0, 0, layout.width(), layout.height(), BACKGROUND);
        if (layout.cellSize() <= 0) {
            return;
        }
        drawCells(s, heatmap, layout, selectedRow);
        if (style.labels()) {
            drawRowLabels(s, heatmap, layout, selectedRow);
            drawColLabels(s, heatmap, layout);
        }
        if (style.legend()) {
            legend.draw(s, layout, style.labelFontSize(), LABEL_TEXT, BORDER);
        }
    }

    private static void drawCells(Surface s, PreparedHeatmap heatmap, HeatmapLayout l, int selectedRow) {
        int r0 = l.firstRow();
        int r1 = l.endRow();
        int c0 = l.firstCol();
        int c1 = l.endCol();
        double cell = l.cellSize();
        Grid grid = new Grid(l);
        CellText text = CellText.choose(heatmap, cell, l.style(), s.measure());
        boolean rects = text != null || (long) (r1 - r0) * (c1 - c0) <= s.maxVectorCells();
        if (rects) {
            for (int r = r0; r < r1; r++) {
                for (int c = c0; c < c1; c++) {
                    Surface.Rect box = grid.cell(r, c);
                    s.fillRect(box.x(), box.y(), box.w(), box.h(), heatmap.argb(r, c));
                }
            }
        } else {
            s.cellImage(heatmap, l);
        }
        if (heatmap.range().masked() > 0 && cell >= HATCH_FROM) {
            List<Surface.Rect> masked = maskedRuns(heatmap, grid, r0, r1, c0, c1);
            if (!masked.isEmpty()) {
                s.hatch(masked, HATCH_SPACING);
            }
        }
        if (cell >= GRID_LINES_FROM) {
            for (int c = c0 + 1; c < c1; c++) {
                double x = Math.round(l.cellX(c)) + 0.5;
                s.line(x, grid.top, x, grid.bottom, GRID_LINE, 1);
            }
            for (int r = r0 + 1; r < r1; r++) {
                double y = Math.round(l.cellY(r)) + 0.5;
                s.line(grid.left, y, grid.right, y, GRID_LINE, 1);
            }
        }
        if (text != null) {
            // only cells shown whole get their value: a value cut by the grid's edge would spill onto the labels
            for (int r = r0; r < r1; r++) {
                double cy = l.cellY(r) + cell / 2;
                for (int c = c0; c < c1; c++) {
                    if (grid.whole(r, c)) {
                        s.text(ValueFormat.cell(heatmap.value(r, c), text.decimals()), l.cellX(c) + cell / 2, cy, text.fontSize(),
                                ColorScale.textArgb(heatmap.argb(r, c)), Surface.Anchor.CENTER, false);
                    }
                }
            }
        }
        if (selectedRow >= r0 && selectedRow < r1) {
            Surface.Rect row = grid.clamp(grid.left, Math.round(l.cellY(selectedRow)), grid.right, Math.round(l.cellY(selectedRow + 1)));
            if (row.h() >= 8) {
                s.strokeRect(row.x() + 0.5, row.y() + 0.5, row.w() - 1, row.h() - 1, LABEL_TEXT, 1);
                s.strokeRect(row.x() + 2.5, row.y() + 2.5, row.w() - 5, row.h() - 5, SELECTION, 3);
            } else {
                // a row thinner than the outline: a band over it
                double cy = Math.max(grid.top + 2.5, Math.min(grid.bottom - 2.5, row.y() + row.h() / 2));
                s.strokeRect(row.x() + 1.5, cy - 1.5, row.w() - 3, 3, SELECTION, 3);
            }
        }
        s.strokeRect(grid.left - 0.5, grid.top - 0.5, grid.right - grid.left + 1, grid.bottom - grid.top + 1, BORDER, 1);
    }

    /** The visible grid's edges and the cells' rectangles within them, on whole pixels so neighbours never leave a seam. */
    private static final class Grid {
        final HeatmapLayout l;
        final double left;
        final double top;
        final double right;
        final double bottom;

        Grid(HeatmapLayout l) {
            this.l = l;
            left = l.gridLeft();
            top = l.gridTop();
            right = Math.round(l.gridLeft() + l.gridWidth());
            bottom = Math.round(l.gridTop() + l.gridHeight());
        }

        Surface.Rect cell(int row, int col) {
            return clamp(Math.round(l.cellX(col)), Math.round(l.cellY(row)), Math.round(l.cellX(col + 1)), Math.round(l.cellY(row + 1)));
        }

        /** Columns {@code from} to {@code to} (exclusive) of a row. */
        Surface.Rect run(int row, int from, int to) {
            return clamp(Math.round(l.cellX(from)), Math.round(l.cellY(row)), Math.round(l.cellX(to)), Math.round(l.cellY(row + 1)));
        }

        Surface.Rect clamp(double x0, double y0, double x1, double y1) {
            double x = Math.max(left, x0);
            double y = Math.max(top, y0);
            return new Surface.Rect(x, y, Math.max(0, Math.min(right, x1) - x), Math.max(0, Math.min(bottom, y1) - y));
        }

        boolean whole(int row, int col) {
            return l.cellX(col) >= left - 0.5 && l.cellX(col + 1) <= right + 0.5
                    && l.cellY(row) >= top - 0.5 && l.cellY(row + 1) <= bottom + 0.5;
        }
    }

    /** The masked cells of the visible rows as rectangles, consecutive masked cells of a row merged. */
    private static List<Surface.Rect> maskedRuns(PreparedHeatmap heatmap, Grid grid, int r0, int r1, int c0, int c1) {
        List<Surface.Rect> runs = new ArrayList<>();
        for (int r = r0; r < r1; r++) {
            int c = c0;
            while (c < c1) {
                if (heatmap.value(r, c) != Double.NEGATIVE_INFINITY) {
                    c++;
                    continue;
                }
                int start = c;
                while (c < c1 && heatmap.value(r, c) == Double.NEGATIVE_INFINITY) {
                    c++;
                }
                runs.add(grid.run(r, start, c));
            }
        }
        return runs;
    }

    private static void drawRowLabels(Surface s, PreparedHeatmap heatmap, HeatmapLayout l, int selectedRow) {
        double size = l.style().labelFontSize();
        int stride = l.labelStride();
        double top = l.gridTop();
        double bottom = top + l.gridHeight();
        for (int r = l.firstRow(); r < l.endRow(); r++) {
            boolean selected = r == selectedRow;
            // with a stride, the selected row's label replaces its neighbours'
            if (!selected && (r % stride != 0 || (selectedRow >= 0 && Math.abs(r - selectedRow) < stride))) {
                continue;
            }
            double cy = l.cellY(r) + l.cellSize() / 2;
            if (cy < top || cy > bottom) {
                continue;
            }
            String text = s.measure().fit(heatmap.rowLabel(r), l.rowLabelWidth() - 6, size);
            if (selected) {
                double w = s.measure().width(text, size) + 8;
                s.fillRect(l.rowLabelRight() - w + 3, cy - l.lineHeight() / 2, w, l.lineHeight(), SELECTION);
            }
            s.text(text, l.rowLabelRight(), cy, size, LABEL_TEXT, Surface.Anchor.RIGHT, false);
        }
    }

    private static void drawColLabels(Surface s, PreparedHeatmap heatmap, HeatmapLayout l) {
        double size = l.style().labelFontSize();
        boolean rotated = l.colLabelsRotated();
        int stride = rotated ? l.labelStride() : 1;
        double left = l.gridLeft();
        double right = left + l.gridWidth();
        for (int c = l.firstCol(); c < l.endCol(); c++) {
            if (c % stride != 0) {
                continue;
            }
            double cx = l.cellX(c) + l.cellSize() / 2;
            if (cx < left || cx > right) {
                continue;
            }
            String text = s.measure().fit(heatmap.colLabel(c), l.colLabelWidth(), size);
            s.text(text, cx, l.colLabelBottom(), size, LABEL_TEXT, rotated ? Surface.Anchor.LEFT : Surface.Anchor.BOTTOM, rotated);
        }
    }
}
