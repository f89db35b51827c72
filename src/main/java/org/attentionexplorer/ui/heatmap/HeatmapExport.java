package org.attentionexplorer.ui.heatmap;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import org.attentionexplorer.attention.TraceCsv;
import org.attentionexplorer.attention.TraceEntry;
import org.attentionexplorer.files.AtomicFiles;
import org.attentionexplorer.text.TokenLabels;
import org.attentionexplorer.ui.export.ExportActions;
import org.attentionexplorer.ui.export.Exportable;
import org.jfree.svg.SVGGraphics2D;

/**
 * A whole heatmap to a file: PNG (a snapshot of an offscreen canvas, at any scale: 2 for slides), SVG (cells,
 * labels and legend drawn with java.awt into JFreeSVG) or CSV (labels in the first row and column, values in
 * full precision, {@code -inf} for masked cells). Every file is written to a temporary file and moved into
 * place, so a failed export never leaves half a file.
 *
 * <p>Cells are {@link HeatmapLayout#naturalCell} pixels: 64 for a lesson's matrices, 1 for 1024 tokens. Call
 * from a background thread: PNG export runs its snapshot on the FX thread (the toolkit must be running) and
 * encodes in the caller's thread; SVG and CSV need no toolkit.
 */
public final class HeatmapExport {
    /** The widest or tallest PNG written, in pixels. */
    public static final int MAX_PNG_SIDE = 16_384;

    private HeatmapExport() {
    }

    /** Writes a PNG of {@code data}, {@code scale} device pixels per pixel (2 for slides). */
    public static void png(HeatmapData data, Path target, double scale) throws IOException {
        WritableImage image = onFxThread(() -> snapshot(data, scale));
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(buffered, "png", bytes)) {
            throw new IOException("no PNG writer in this Java runtime");
        }
        AtomicFiles.write(target, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    /** Writes {@code data} as an SVG document. */
    public static void svg(HeatmapData data, Path target) throws IOException {
        AtomicFiles.writeString(target, svgDocument(data));
    }

    /** Writes {@code data} as CSV, in the same format as the trace's CSV files. */
    public static void csv(HeatmapData data, Path target) throws IOException {
        AtomicFiles.writeString(target, csvText(data));
    }

    /** The picture of {@code data} at its natural size times {@code scale}, on a white background. FX thread. */
    public static WritableImage snapshot(HeatmapData data, double scale) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("the scale must be positive, not " + scale);
        }
        PreparedHeatmap heatmap = PreparedHeatmap.of(data);
        double cell = HeatmapLayout.naturalCell(heatmap.rows(), heatmap.cols());
        HeatmapPainter painter = new HeatmapPainter(HeatmapStyle.EXPORT.withFitCell(cell));
        double[] size = painter.naturalSize(heatmap, cell);
        if (size[0] * scale > MAX_PNG_SIDE || size[1] * scale > MAX_PNG_SIDE) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "a %.0f x %.0f picture at scale %s is larger than %d pixels a side; choose a smaller scale",
                    size[0], size[1], scale, MAX_PNG_SIDE));
        }
        Canvas canvas = new Canvas(size[0], size[1]);
        painter.paint(canvas.getGraphicsContext2D(), heatmap, painter.layout(heatmap, size[0], size[1], 1, 0, 0), -1);
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.WHITE);
        parameters.setTransform(Transform.scale(scale, scale));
        return canvas.snapshot(parameters, null);
    }

    /** {@code data} as an SVG document, drawn by {@link HeatmapPainter} through java.awt. */
    public static String svgDocument(HeatmapData data) {
        AwtHeatmap heatmap = AwtHeatmap.of(data);
        SVGGraphics2D g = new SVGGraphics2D(heatmap.width(), heatmap.height());
        heatmap.draw(g);
        return g.getSVGDocument();
    }

    /** {@code data} as a picture to copy and save (see {@link ExportActions}); PNG at {@link Exportable#PNG_SCALE}. */
    public static Exportable exportable(HeatmapData data) {
        return new Exportable() {
            @Override
            public String name() {
                return data.name();
            }

            @Override
            public FileWriter file(Format format) {
                // the data is immutable: everything, the PNG's snapshot included, can wait for the background
                return switch (format) {
                    case PNG -> target -> png(data, target, PNG_SCALE);
                    case SVG -> target -> svg(data, target);
                    case CSV -> target -> csv(data, target);
                };
            }

            @Override
            public Image image() {
                return snapshot(data, PNG_SCALE);
            }

            @Override
            public java.util.concurrent.Callable<String> values() {
                return () -> tsvText(data);
            }
        };
    }

    /** {@code data} as CSV text. */
    public static String csvText(HeatmapData data) {
        return TraceCsv.toCsv(new TraceEntry("heatmap", "", "", "", data.values(), data.rowLabels(), data.colLabels(), false));
    }

    /**
     * {@code data} as tab-separated text for the clipboard (pastes into a spreadsheet as a table): the column labels
     * in the first line, each row's label first; values in full precision, {@code -inf} for masked cells. Labels
     * show invisible characters escaped, so a newline token cannot break the table.
     */
    public static String tsvText(HeatmapData data) {
        StringBuilder text = new StringBuilder();
        for (String label : data.colLabels()) {
            text.append('\t').append(TokenLabels.escape(label));
        }
        text.append('\n');
        for (int r = 0; r < data.rows(); r++) {
            text.append(TokenLabels.escape(data.rowLabels().get(r)));
            for (int c = 0; c < data.cols(); c++) {
                text.append('\t').append(tsvNumber(data.values().get(r, c)));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String tsvNumber(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return Double.isNaN(v) ? "nan" : Double.toString(v);
    }

    private static <T> T onFxThread(java.util.concurrent.Callable<T> work) throws IOException {
        if (Platform.isFxApplicationThread()) {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while drawing the picture", e);
        } catch (TimeoutException e) {
            throw new IOException("the FX thread did not draw the picture within a minute", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }
}
