package org.attentionexplorer.ui.heatmap;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Surface} on a java.awt {@link Graphics2D}: used with JFreeSVG's SVGGraphics2D for SVG export, so cells
 * are {@code <rect>} elements (up to {@link #MAX_VECTOR_CELLS}, an embedded image beyond) and labels are
 * {@code <text>}. Any thread; needs no display.
 */
final class AwtSurface implements Surface {
    /** Up to 128 x 128 visible cells are written as rectangles; more as one embedded image. */
    static final int MAX_VECTOR_CELLS = 128 * 128;

    private final Graphics2D g;
    private final Measure measure;

    AwtSurface(Graphics2D g, Measure measure) {
        this.g = g;
        this.measure = measure;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    }

    /** Text widths in the logical SansSerif font. */
    static final class Measure implements TextMeasure {
        private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);
        private final Font base = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        private final Map<Double, Font> fonts = new HashMap<>();

        Font font(double size) {
            return fonts.computeIfAbsent(size, s -> base.deriveFont(s.floatValue()));
        }

        @Override
        public double width(String text, double fontSize) {
            return text.isEmpty() ? 0 : font(fontSize).getStringBounds(text, CONTEXT).getWidth();
        }

        LineMetrics metrics(String text, double fontSize) {
            return font(fontSize).getLineMetrics(text.isEmpty() ? " " : text, CONTEXT);
        }
    }

    @Override
    public TextMeasure measure() {
        return measure;
    }

    @Override
    public int maxVectorCells() {
        return MAX_VECTOR_CELLS;
    }

    private static Color color(int argb) {
        return new Color(argb, true);
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int argb) {
        g.setColor(color(argb));
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, int argb, double lineWidth) {
        g.setColor(color(argb));
        g.setStroke(new BasicStroke((float) lineWidth));
        g.draw(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int argb, double lineWidth) {
        g.setColor(color(argb));
        g.setStroke(new BasicStroke((float) lineWidth));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void text(String text, double x, double y, double fontSize, int argb, Anchor anchor, boolean rotated) {
        g.setFont(measure.font(fontSize));
        g.setColor(color(argb));
        double width = measure.width(text, fontSize);
        LineMetrics metrics = measure.metrics(text, fontSize);
        double dx = switch (anchor) {
            case LEFT -> 0;
            case RIGHT -> -width;
            case CENTER, BOTTOM -> -width / 2;
        };
        double dy = anchor == Anchor.BOTTOM ? -metrics.getDescent() : (metrics.getAscent() - metrics.getDescent()) / 2;
        if (!rotated) {
            g.drawString(text, (float) (x + dx), (float) (y + dy));
            return;
        }
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        g.drawString(text, (float) dx, (float) dy);
        g.setTransform(saved);
    }

    @Override
    public void verticalGradient(double x, double y, double w, double h, List<ColorScale.Stop> stops) {
        float[] fractions = new float[stops.size()];
        Color[] colors = new Color[stops.size()];
        for (int i = 0; i < fractions.length; i++) {
            fractions[i] = (float) stops.get(i).value();
            colors[i] = color(stops.get(i).argb());
        }
        g.setPaint(new LinearGradientPaint(new Point2D.Double(0, y), new Point2D.Double(0, y + h), fractions, colors));
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void hatch(List<Rect> rects, double spacing) {
        // each line cut to its rectangle here rather than by an SVG clip path, which some viewers ignore
        for (Rect r : rects) {
            double bottom = r.y() + r.h();
            for (double c = Math.ceil((r.x() + r.y()) / spacing) * spacing; c <= r.x() + r.w() + bottom; c += spacing) {
                // the line x + y = c inside the rectangle runs from x0 (lower left) to x1 (upper right)
                double x0 = Math.max(r.x(), c - bottom);
                double x1 = Math.min(r.x() + r.w(), c - r.y());
                if (x1 > x0) {
                    line(x0, c - x0, x1, c - x1, ColorScale.HATCH, 1);
                }
            }
        }
    }

    @Override
    public void cellImage(PreparedHeatmap heatmap, HeatmapLayout l) {
        int r0 = l.firstRow();
        int c0 = l.firstCol();
        int rows = l.endRow() - r0;
        int cols = l.endCol() - c0;
        if (rows <= 0 || cols <= 0) {
            return;
        }
        // each cell k x k pixels, so a viewer's smoothing cannot blur cell edges
        int k = (int) Math.max(1, Math.min(8, Math.ceil(l.cellSize())));
        int[] block = heatmap.argb(r0, c0, rows, cols);
        BufferedImage image = new BufferedImage(cols * k, rows * k, BufferedImage.TYPE_INT_RGB);
        int[] line = new int[cols * k];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                Arrays.fill(line, c * k, (c + 1) * k, block[r * cols + c]);
            }
            for (int i = 0; i < k; i++) {
                image.setRGB(0, r * k + i, cols * k, 1, line, 0, cols * k);
            }
        }
        double cell = l.cellSize();
        AffineTransform at = new AffineTransform();
        at.translate(l.cellX(c0), l.cellY(r0));
        at.scale(cell / k, cell / k);
        g.drawImage(image, at, null);
    }
}
