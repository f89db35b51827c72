package org.attentionexplorer.ui.heatmap;

/**
 * What a heatmap draws around its cells and how big things are. Sizes are in pixels (CSS pixels on screen,
 * user units in SVG).
 *
 * @param labels         draw the token labels (rows on the left, columns on top)
 * @param legend         draw the colour legend on the right
 * @param values         print values in cells when they fit
 * @param labelFontSize  font size of labels and legend ticks
 * @param valueFontMin   smallest font a value is printed in; below it the cell stays blank
 * @param valueFontMax   largest font a value is printed in (big cells)
 * @param padding        blank margin around everything
 * @param maxFitCell     the largest cell side at zoom 1, so a 3 x 3 matrix does not fill a whole screen
 * @param maxCell        the largest cell side when zoomed in
 * @param maxRowLabel    the widest a row label may be before it is cut with an ellipsis
 * @param maxColLabel    the longest a column label may be (rotated, it is the header's height)
 */
public record HeatmapStyle(boolean labels, boolean legend, boolean values, double labelFontSize, double valueFontMin,
        double valueFontMax, double padding, double maxFitCell, double maxCell, double maxRowLabel, double maxColLabel) {

    /** An interactive view: everything, sized for a projector. */
    public static final HeatmapStyle SCREEN = new HeatmapStyle(true, true, true, 16, 10, 22, 12, 120, 240, 200, 150);

    /** A thumbnail in a grid of heads: cells only, one pixel per cell or more. */
    public static final HeatmapStyle THUMBNAIL = new HeatmapStyle(false, false, false, 12, 10, 12, 0, 1e9, 1e9, 0, 0);

    /** Exported pictures (PNG, SVG): as the screen, with cells sized by the exporter. */
    public static final HeatmapStyle EXPORT = new HeatmapStyle(true, true, true, 15, 9, 18, 12, 64, 64, 200, 150);

    /** Gap between the grid and the row labels, the column labels and the legend. */
    public double gap() {
        return labels || legend ? 8 : 0;
    }

    /** This style with cells of exactly {@code cell} pixels at zoom 1 (for export at a chosen size). */
    public HeatmapStyle withFitCell(double cell) {
        return new HeatmapStyle(labels, legend, values, labelFontSize, valueFontMin, valueFontMax, padding, cell, cell,
                maxRowLabel, maxColLabel);
    }
}
