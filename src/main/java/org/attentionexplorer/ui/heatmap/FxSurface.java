package org.attentionexplorer.ui.heatmap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.ImagePattern;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.TextAlignment;

/** A {@link Surface} on a JavaFX canvas, without clips (a canvas clip is a blend over the clipped area). FX thread only. */
final class FxSurface implements Surface {
    private static final int HATCH_OVERSAMPLING = 4;
    private static final Map<Double, ImagePattern> PATTERNS = new HashMap<>();

    private final GraphicsContext gc;
    private final FxTextMeasure measure;
    private int lastArgb;
    private Color lastColor = Color.TRANSPARENT;

    FxSurface(GraphicsContext gc, FxTextMeasure measure) {
        this.gc = gc;
        this.measure = measure;
    }

    @Override
    public TextMeasure measure() {
        return measure;
    }

    @Override
    public int maxVectorCells() {
        return 0;
    }

    private Color color(int argb) {
        if (argb != lastArgb || lastColor == Color.TRANSPARENT) {
            lastArgb = argb;
            lastColor = ColorScale.toColor(argb);
        }
        return lastColor;
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int argb) {
        gc.setFill(color(argb));
        gc.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, int argb, double lineWidth) {
        gc.setStroke(color(argb));
        gc.setLineWidth(lineWidth);
        gc.strokeRect(x, y, w, h);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int argb, double lineWidth) {
        gc.setStroke(color(argb));
        gc.setLineWidth(lineWidth);
        gc.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void text(String text, double x, double y, double fontSize, int argb, Anchor anchor, boolean rotated) {
        gc.setFont(measure.font(fontSize));
        gc.setFill(color(argb));
        gc.setTextAlign(switch (anchor) {
            case LEFT -> TextAlignment.LEFT;
            case RIGHT -> TextAlignment.RIGHT;
            case CENTER, BOTTOM -> TextAlignment.CENTER;
        });
        gc.setTextBaseline(anchor == Anchor.BOTTOM ? VPos.BOTTOM : VPos.CENTER);
        if (rotated) {
            gc.save();
            gc.translate(x, y);
            gc.rotate(-90);
            gc.fillText(text, 0, 0);
            gc.restore();
        } else {
            gc.fillText(text, x, y);
        }
    }

    @Override
    public void verticalGradient(double x, double y, double w, double h, List<ColorScale.Stop> stops) {
        List<Stop> fxStops = new ArrayList<>();
        for (ColorScale.Stop stop : stops) {
            fxStops.add(new Stop(stop.value(), ColorScale.toColor(stop.argb())));
        }
        gc.setFill(new LinearGradient(0, y, 0, y + h, false, CycleMethod.NO_CYCLE, fxStops));
        gc.fillRect(x, y, w, h);
    }

    @Override
    public void hatch(List<Rect> rects, double spacing) {
        // a repeating tile rather than clipped lines: a clip costs a blend over the whole clipped area
        gc.setFill(hatchPattern(spacing));
        for (Rect r : rects) {
            gc.fillRect(r.x(), r.y(), r.w(), r.h());
        }
    }

    /**
     * A tile of one diagonal line, anchored at (0, 0) so neighbouring cells' lines meet. Drawn at 4x and shown at
     * 1x, so it stays sharp in a 2x export.
     */
    private static ImagePattern hatchPattern(double spacing) {
        ImagePattern pattern = PATTERNS.get(spacing);
        if (pattern == null) {
            int size = (int) Math.round(spacing * HATCH_OVERSAMPLING);
            WritableImage tile = new WritableImage(size, size);
            PixelWriter writer = tile.getPixelWriter();
            int rgb = ColorScale.HATCH & 0xFFFFFF;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    // the pixel centre's distance from the nearest line x + y = k * size, in tile pixels;
                    // lines are one canvas pixel (HATCH_OVERSAMPLING tile pixels) wide, edges smoothed
                    int sum = Math.floorMod(x + y + 1, size);
                    double distance = Math.min(sum, size - sum) / Math.sqrt(2);
                    double coverage = Math.max(0, Math.min(1, HATCH_OVERSAMPLING / 2.0 + 0.5 - distance));
                    writer.setArgb(x, y, ((int) Math.round(coverage * 255) << 24) | rgb);
                }
            }
            pattern = new ImagePattern(tile, 0, 0, spacing, spacing, false);
            PATTERNS.put(spacing, pattern);
        }
        return pattern;
    }

    @Override
    public void cellImage(PreparedHeatmap heatmap, HeatmapLayout l) {
        WritableImage image = heatmap.image();
        if (image == null) {
            return;
        }
        double cell = l.cellSize();
        gc.setImageSmoothing(false);
        gc.drawImage(image, l.offsetX() / cell, l.offsetY() / cell, l.gridWidth() / cell, l.gridHeight() / cell,
                l.gridLeft(), l.gridTop(), l.gridWidth(), l.gridHeight());
        gc.setImageSmoothing(true);
    }
}
