package org.attentionexplorer.ui.heatmap;

/**
 * How values are printed in cells of one size, or whether they are at all: four decimals like PyTorch when they
 * fit, fewer in narrower cells (down to one), whole numbers for a 0/1 mask.
 *
 * @param fontSize the font size, in pixels
 * @param decimals the decimals printed
 */
record CellText(double fontSize, int decimals) {
    /** Room left on each side of a printed value, in pixels, at least. */
    private static final double MARGIN = 3;
    /** Room left on each side of a printed value, as a share of the cell: values must not touch the grid lines. */
    private static final double MARGIN_SHARE = 0.1;
    /** A value's font is at most this share of the cell's height. */
    private static final double HEIGHT_SHARE = 0.3;

    /** The text settings for cells of side {@code cell}, or null when no value fits. */
    static CellText choose(PreparedHeatmap heatmap, double cell, HeatmapStyle style, TextMeasure measure) {
        if (!style.values()) {
            return null;
        }
        double maxFont = Math.min(style.valueFontMax(), cell * HEIGHT_SHARE);
        if (maxFont < style.valueFontMin()) {
            return null;
        }
        double room = cell - 2 * Math.max(MARGIN, cell * MARGIN_SHARE);
        int most = heatmap.data().scale() == Scale.BINARY ? 0 : ValueFormat.MAX_DECIMALS;
        int least = most == 0 ? 0 : 1;
        for (int d = most; d >= least; d--) {
            double width = measure.width(ValueFormat.widest(heatmap.range(), d), maxFont);
            double size = width <= room ? maxFont : Math.floor(maxFont * room / width * 2) / 2;
            if (size >= style.valueFontMin()) {
                return new CellText(size, d);
            }
        }
        return null;
    }
}
