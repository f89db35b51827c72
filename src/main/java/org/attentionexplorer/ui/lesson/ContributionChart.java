package org.attentionexplorer.ui.lesson;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import javafx.scene.layout.StackPane;
import org.attentionexplorer.text.TokenLabels;
import org.attentionexplorer.ui.export.ChartExport;
import org.attentionexplorer.ui.export.ExportActions;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Step 4 drawn so each input's share is visible: for the selected query i, one stacked bar per dimension d of the
 * context vector, made of the segments a_ij x(j)[d] (one colour per input token j; negative parts stack
 * downwards), with z(i)[d] marked as a dot. Hovering a segment says how it was computed; right click exports.
 */
public final class ContributionChart extends StackPane {
    /** Distinct colours for up to 10 tokens (then repeated), readable on a projector. */
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);

    private final ChartViewer viewer = new ChartViewer(null);
    private final ExportActions exportActions;
    private Contributions shown;

    public ContributionChart() {
        getStyleClass().add("contribution-chart");
        getChildren().add(viewer);
        setPrefSize(720, 380);
        exportActions = ChartExport.install(viewer, this::exportName);
    }

    /** Copy image, copy values, save PNG (2x), SVG and CSV of the chart, offered by its context menu (right click). */
    public ExportActions exportActions() {
        return exportActions;
    }

    /** The default file name: the context vector shown, e.g. "contributions to z(journey)". */
    private String exportName() {
        return shown == null ? "contributions" : "contributions to z(" + TokenLabels.escape(shown.tokens().get(shown.query())) + ")";
    }

    /** What the chart shows (null for nothing). */
    public Contributions contributions() {
        return shown;
    }

    /** Shows the contributions of one query (FX thread; building the chart is cheap: at most 32 bars). */
    public void show(Contributions contributions) {
        this.shown = contributions;
        viewer.setChart(contributions == null ? null : chart(contributions));
    }

    /** The chart of {@code c}; public so it can be exported or rendered without a window. */
    public static JFreeChart chart(Contributions c) {
        DefaultCategoryDataset parts = new DefaultCategoryDataset();
        DefaultCategoryDataset sums = new DefaultCategoryDataset();
        for (int d = 0; d < c.dimensions(); d++) {
            String dimension = "d" + d;
            for (int j = 0; j < c.tokens().size(); j++) {
                parts.addValue(c.part(j, d), seriesName(c, j), dimension);
            }
            sums.addValue(c.context(d), "z(" + TokenLabels.escape(c.tokens().get(c.query())) + ")", dimension);
        }
        StackedBarRenderer bars = new StackedBarRenderer();
        bars.setShadowVisible(false);
        bars.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        bars.setMaximumBarWidth(0.08);
        for (int j = 0; j < c.tokens().size(); j++) {
            bars.setSeriesPaint(j, PALETTE[j % PALETTE.length]);
        }
        bars.setDefaultToolTipGenerator((dataset, row, column) -> c.explain(row, column));

        LineAndShapeRenderer dots = new LineAndShapeRenderer(false, true);
        dots.setSeriesPaint(0, Color.BLACK);
        dots.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        dots.setSeriesStroke(0, new BasicStroke(2f));
        dots.setDefaultToolTipGenerator((dataset, row, column) -> String.format(java.util.Locale.ROOT,
                "z(%s)[%d] = sum of the parts = %.4f", TokenLabels.escape(c.tokens().get(c.query())), column, c.context(column)));

        CategoryAxis dimensions = new CategoryAxis(c.dimensions() < c.totalDimensions()
                ? "dimension of z (the first " + c.dimensions() + " of " + c.totalDimensions() + ")" : "dimension of z");
        NumberAxis values = new NumberAxis("a_ij · x(j)[d]");
        for (var axis : new org.jfree.chart.axis.Axis[] {dimensions, values}) {
            axis.setLabelFont(LABEL_FONT);
            axis.setTickLabelFont(LABEL_FONT);
        }
        CategoryPlot plot = new CategoryPlot(parts, dimensions, values, bars);
        plot.setDataset(1, sums);
        plot.setRenderer(1, dots);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setRangeZeroBaselineVisible(true);
        JFreeChart chart = new JFreeChart(null, LABEL_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(LABEL_FONT);
        legend.setPosition(RectangleEdge.RIGHT);
        return chart;
    }

    private static String seriesName(Contributions c, int token) {
        return String.format(java.util.Locale.ROOT, "%s (a = %.3f)", TokenLabels.escape(c.tokens().get(token)), c.weight(token));
    }
}
