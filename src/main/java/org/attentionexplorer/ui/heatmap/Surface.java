package org.attentionexplorer.ui.heatmap;

import java.util.List;

/**
 * The few drawing operations a heatmap needs, so {@link HeatmapPainter} draws the same picture on a JavaFX
 * canvas ({@link FxSurface}) and into SVG through java.awt ({@link AwtSurface}). Coordinates in pixels, colours
 * as ARGB ints.
 */
interface Surface {

    /** Where a text's anchor point is: its centre, the middle of its left or right edge, or its bottom centre. */
    enum Anchor { CENTER, LEFT, RIGHT, BOTTOM }

    /** An axis-aligned rectangle. */
    record Rect(double x, double y, double w, double h) {
    }

    TextMeasure measure();

    /** How many cells this surface draws as rectangles before it switches to an image (0: only when values are printed). */
    int maxVectorCells();

    void fillRect(double x, double y, double w, double h, int argb);

    void strokeRect(double x, double y, double w, double h, int argb, double lineWidth);

    void line(double x1, double y1, double x2, double y2, int argb, double lineWidth);

    /** Draws {@code text}; rotated texts run upwards (rotated -90 degrees about the anchor). */
    void text(String text, double x, double y, double fontSize, int argb, Anchor anchor, boolean rotated);

    /** Fills a rectangle with a vertical gradient through {@code stops}: {@link ColorScale.Stop#value()} is 0 at the top, 1 at the bottom. */
    void verticalGradient(double x, double y, double w, double h, List<ColorScale.Stop> stops);

    /**
     * Draws the diagonal hatching of masked cells over {@code rects} (already filled grey), lined up across
     * neighbouring rectangles: lines {@code x + y = k * spacing}, {@code spacing} pixels apart.
     */
    void hatch(List<Rect> rects, double spacing);

    /** Draws the visible cells of {@code layout} from {@code heatmap}'s colours, one image pixel per cell, unsmoothed. */
    void cellImage(PreparedHeatmap heatmap, HeatmapLayout layout);
}
