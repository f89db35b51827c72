package org.attentionexplorer.ui.heatmap;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;

/**
 * A whole heatmap drawn with java.awt by {@link HeatmapPainter}: for SVG export (JFreeSVG), and for pages drawn
 * into a {@code BufferedImage} or an SVG without a display (the {@code render} command). Needs no FX toolkit and
 * works on any thread. The size is fixed when it is made; {@link #draw} paints at the graphics' origin.
 */
public final class AwtHeatmap {
    private final PreparedHeatmap heatmap;
    private final HeatmapLayout layout;
    private final Legend legend;

    private AwtHeatmap(PreparedHeatmap heatmap, HeatmapLayout layout, Legend legend) {
        this.heatmap = heatmap;
        this.layout = layout;
        this.legend = legend;
    }

    /** The heatmap with labels, values and legend, its cells {@link HeatmapLayout#naturalCell} pixels (as exported). */
    public static AwtHeatmap of(HeatmapData data) {
        return of(data, HeatmapLayout.naturalCell(data.rows(), data.cols()));
    }

    /** The heatmap with labels, values and legend, its cells {@code cell} pixels. */
    public static AwtHeatmap of(HeatmapData data, double cell) {
        if (!(cell > 0)) {
            throw new IllegalArgumentException("the cell size must be positive, not " + cell);
        }
        PreparedHeatmap heatmap = PreparedHeatmap.of(data);
        HeatmapStyle style = HeatmapStyle.EXPORT.withFitCell(cell);
        AwtSurface.Measure measure = new AwtSurface.Measure();
        Legend legend = Legend.of(heatmap);
        HeatmapLayout.Measures measures = HeatmapPainter.measures(heatmap, style, measure, legend);
        double[] size = HeatmapLayout.naturalSize(heatmap.rows(), heatmap.cols(), style, measures, cell);
        HeatmapLayout layout = HeatmapLayout.compute(heatmap.rows(), heatmap.cols(), style, measures, size[0], size[1], 1, 0, 0);
        return new AwtHeatmap(heatmap, layout, legend);
    }

    /** Cells only, as large as fit into {@code width x height} (a thumbnail in a grid of heads). */
    public static AwtHeatmap thumbnail(HeatmapData data, double width, double height) {
        PreparedHeatmap heatmap = PreparedHeatmap.of(data);
        HeatmapStyle style = HeatmapStyle.THUMBNAIL;
        Legend legend = Legend.of(heatmap);
        HeatmapLayout.Measures measures = HeatmapPainter.measures(heatmap, style, (text, size) -> 0, legend);
        HeatmapLayout layout = HeatmapLayout.compute(heatmap.rows(), heatmap.cols(), style, measures, width, height, 1, 0, 0);
        return new AwtHeatmap(heatmap, layout, legend);
    }

    public double width() {
        return layout.width();
    }

    public double height() {
        return layout.height();
    }

    /** Where the cells are: for placing things beside them. */
    public HeatmapLayout layout() {
        return layout;
    }

    /** Draws everything with its top left corner at the origin of {@code g} (whose transform is restored). */
    public void draw(Graphics2D g) {
        AffineTransform saved = g.getTransform();
        try {
            HeatmapPainter.draw(new AwtSurface(g, new AwtSurface.Measure()), heatmap, layout, legend, -1);
        } finally {
            g.setTransform(saved);
        }
    }

    /** Draws everything with its top left corner at (x, y). */
    public void draw(Graphics2D g, double x, double y) {
        AffineTransform saved = g.getTransform();
        try {
            g.translate(x, y);
            draw(g);
        } finally {
            g.setTransform(saved);
        }
    }
}
