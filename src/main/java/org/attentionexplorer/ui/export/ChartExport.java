package org.attentionexplorer.ui.export;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import org.attentionexplorer.files.AtomicFiles;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * A JFreeChart to files and the clipboard: PNG at any scale (2 for slides), SVG (JFreeSVG), and its series as a table
 * (CSV to save, tab-separated to paste into a spreadsheet). {@link #install} puts the same five commands as a heatmap's
 * into a {@link ChartViewer}'s context menu; a command draws the chart on the FX thread when it starts, so the
 * background write never touches the chart on screen. Drawing needs no display.
 *
 * <p>Tables: a category chart (bars) has a row per series and a column per category, the series of every dataset
 * one after the other; an XY chart (a loss curve) has a column x and a column per series, a row per x value (empty
 * where a series has no point).
 */
public final class ChartExport {
    /** The size a chart is drawn at when its viewer has none yet: 16:9, as a slide. */
    public static final double DEFAULT_WIDTH = 960;
    public static final double DEFAULT_HEIGHT = 540;

    private ChartExport() {
    }

    /** The chart drawn at {@code width x height}, {@code scale} pixels per unit, on white. */
    public static BufferedImage image(JFreeChart chart, double width, double height, double scale) {
        if (!(scale > 0) || !(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("a chart needs a positive size and scale, not " + width + " x " + height + " at " + scale);
        }
        BufferedImage image = new BufferedImage((int) Math.ceil(width * scale), (int) Math.ceil(height * scale), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(scale, scale);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes the chart as a PNG (atomically). */
    public static void png(JFreeChart chart, Path target, double width, double height, double scale) throws IOException {
        writePng(image(chart, width, height, scale), target);
    }

    private static void writePng(BufferedImage image, Path target) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("no PNG writer in this Java runtime");
        }
        AtomicFiles.write(target, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    /** The chart as an SVG document of {@code width x height} user units. */
    public static String svgDocument(JFreeChart chart, double width, double height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g.getSVGDocument();
    }

    public static void svg(JFreeChart chart, Path target, double width, double height) throws IOException {
        AtomicFiles.writeString(target, svgDocument(chart, width, height));
    }

    /** The chart's series as CSV (fields with commas, quotes, line breaks or edge spaces quoted). */
    public static String csvText(JFreeChart chart) {
        StringBuilder text = new StringBuilder();
        for (List<String> row : table(chart)) {
            text.append(String.join(",", row.stream().map(ChartExport::csvField).toList())).append('\n');
        }
        return text.toString();
    }

    public static void csv(JFreeChart chart, Path target) throws IOException {
        AtomicFiles.writeString(target, csvText(chart));
    }

    /** The chart's series as tab-separated text, for the clipboard. */
    public static String tsvText(JFreeChart chart) {
        StringBuilder text = new StringBuilder();
        for (List<String> row : table(chart)) {
            text.append(String.join("\t", row.stream().map(f -> f.replaceAll("[\\t\\r\\n]", " ")).toList())).append('\n');
        }
        return text.toString();
    }

    /** The series as rows of fields, a header first (see the class comment). */
    static List<List<String>> table(JFreeChart chart) {
        Plot plot = chart.getPlot();
        if (plot instanceof CategoryPlot category) {
            return categoryTable(category);
        }
        if (plot instanceof XYPlot xy) {
            return xyTable(xy);
        }
        throw new IllegalArgumentException("the values of a " + plot.getPlotType() + " chart cannot be exported");
    }

    private static List<List<String>> categoryTable(CategoryPlot plot) {
        Set<Comparable<?>> columns = new LinkedHashSet<>();
        List<CategoryDataset> datasets = new ArrayList<>();
        for (int i = 0; i < plot.getDatasetCount(); i++) {
            CategoryDataset dataset = plot.getDataset(i);
            if (dataset != null) {
                datasets.add(dataset);
                for (int c = 0; c < dataset.getColumnCount(); c++) {
                    columns.add(dataset.getColumnKey(c));
                }
            }
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("series");
        columns.forEach(c -> header.add(c.toString()));
        rows.add(header);
        for (CategoryDataset dataset : datasets) {
            for (int r = 0; r < dataset.getRowCount(); r++) {
                List<String> row = new ArrayList<>();
                row.add(dataset.getRowKey(r).toString());
                for (Comparable<?> column : columns) {
                    int c = dataset.getColumnIndex(column);
                    row.add(c < 0 ? "" : number(dataset.getValue(r, c)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<List<String>> xyTable(XYPlot plot) {
        List<XYDataset> datasets = new ArrayList<>();
        TreeSet<Double> xs = new TreeSet<>();
        List<String> header = new ArrayList<>();
        header.add(plot.getDomainAxis() == null || plot.getDomainAxis().getLabel() == null ? "x" : plot.getDomainAxis().getLabel());
        for (int i = 0; i < plot.getDatasetCount(); i++) {
            XYDataset dataset = plot.getDataset(i);
            if (dataset == null) {
                continue;
            }
            datasets.add(dataset);
            for (int s = 0; s < dataset.getSeriesCount(); s++) {
                header.add(dataset.getSeriesKey(s).toString());
                for (int j = 0; j < dataset.getItemCount(s); j++) {
                    xs.add(dataset.getXValue(s, j));
                }
            }
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (double x : xs) {
            List<String> row = new ArrayList<>();
            row.add(number(x));
            for (XYDataset dataset : datasets) {
                for (int s = 0; s < dataset.getSeriesCount(); s++) {
                    row.add(yAt(dataset, s, x));
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static String yAt(XYDataset dataset, int series, double x) {
        for (int j = 0; j < dataset.getItemCount(series); j++) {
            if (dataset.getXValue(series, j) == x) {
                return number(dataset.getYValue(series, j));
            }
        }
        return "";
    }

    private static String number(Number n) {
        if (n == null) {
            return "";
        }
        double v = n.doubleValue();
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (Double.isNaN(v)) {
            return "nan";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 && !(n instanceof Double || n instanceof Float)
                ? Long.toString((long) v) : Double.toString(v);
    }

    private static String csvField(String field) {
        boolean quote = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")
                || (!field.isEmpty() && (Character.isWhitespace(field.charAt(0)) || Character.isWhitespace(field.charAt(field.length() - 1))));
        return quote ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    /**
     * {@code chart} as a picture to copy and save, drawn at {@code width x height}. Its methods draw the chart (or read
     * its series) at once, on the FX thread that owns it; only encoding and writing wait for the background.
     */
    public static Exportable exportable(JFreeChart chart, String name, double width, double height) {
        return new Exportable() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public FileWriter file(Format format) {
                return switch (format) {
                    case PNG -> {
                        BufferedImage image = ChartExport.image(chart, width, height, PNG_SCALE);
                        yield target -> writePng(image, target);
                    }
                    case SVG -> {
                        String svg = svgDocument(chart, width, height);
                        yield target -> AtomicFiles.writeString(target, svg);
                    }
                    case CSV -> {
                        String csv = csvText(chart);
                        yield target -> AtomicFiles.writeString(target, csv);
                    }
                };
            }

            @Override
            public Image image() {
                return SwingFXUtils.toFXImage(ChartExport.image(chart, width, height, PNG_SCALE), null);
            }

            @Override
            public Callable<String> values() {
                String tsv = tsvText(chart);
                return () -> tsv;
            }
        };
    }

    /**
     * Gives {@code viewer} the export commands: its context menu's items are replaced by copy image, copy values,
     * save PNG (2x), SVG and CSV. Pictures have the viewer's size (960 x 540 before it has one); {@code name} gives
     * the default file name when a command starts. Returns the commands, to replace their dialogs in tests.
     */
    public static ExportActions install(ChartViewer viewer, Supplier<String> name) {
        ExportActions actions = new ExportActions(() -> {
            JFreeChart chart = viewer.getChart();
            if (chart == null) {
                return null;
            }
            double width = viewer.getWidth() > 0 ? viewer.getWidth() : DEFAULT_WIDTH;
            double height = viewer.getHeight() > 0 ? viewer.getHeight() : DEFAULT_HEIGHT;
            return exportable(chart, name.get(), width, height);
        });
        if (viewer.getContextMenu() != null) {
            viewer.getContextMenu().getItems().setAll(actions.items());
            actions.setOwner(viewer);
        } else {
            actions.install(viewer);
        }
        return actions;
    }
}
