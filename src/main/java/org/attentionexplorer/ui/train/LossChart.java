package org.attentionexplorer.ui.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.layout.StackPane;
import org.attentionexplorer.train.LossPoint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Train and validation loss against steps or tokens seen (JFreeChart), following a view model's history: points
 * added in one change are added with one redraw. The loss axis can be logarithmic.
 */
public final class LossChart extends StackPane {
    private static final Font AXIS_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private final XYSeries train = new XYSeries("train loss", true, true);
    private final XYSeries validation = new XYSeries("validation loss", true, true);
    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final XYPlot plot;
    private final ChartViewer viewer;
    private final ObservableList<LossPoint> history;
    private boolean tokens;

    public LossChart(ObservableList<LossPoint> history) {
        this.history = history;
        dataset.addSeries(train);
        dataset.addSeries(validation);
        NumberAxis x = new NumberAxis("step");
        x.setAutoRangeIncludesZero(true);
        plot = new XYPlot(dataset, x, lossAxis(false), renderer());
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        JFreeChart chart = new JFreeChart(null, AXIS_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(AXIS_FONT);
        styleAxis(x);
        viewer = new ChartViewer(chart);
        getStyleClass().add("loss-chart");
        getChildren().add(viewer);
        setMinSize(300, 200);
        setPrefSize(700, 320);
        history.addListener((ListChangeListener<LossPoint>) change -> {
            while (change.next()) {
                if (change.wasRemoved()) {
                    rebuild();
                    return;
                }
                if (change.wasAdded()) {
                    add(change.getAddedSubList());
                }
            }
        });
        rebuild();
    }

    /** Points on the chart: train and validation (validation only where measured). */
    public int trainPointCount() {
        return train.getItemCount();
    }

    public int validationPointCount() {
        return validation.getItemCount();
    }

    public XYPlot plot() {
        return plot;
    }

    /** A logarithmic loss axis (true) or a linear one. */
    public void setLogScale(boolean log) {
        if (log != plot.getRangeAxis() instanceof LogAxis) {
            plot.setRangeAxis(lossAxis(log));
        }
    }

    /** Tokens seen (true) or steps along the bottom. */
    public void setTokensOnXAxis(boolean tokensSeen) {
        if (tokensSeen != tokens) {
            tokens = tokensSeen;
            plot.getDomainAxis().setLabel(tokensSeen ? "tokens seen" : "step");
            rebuild();
        }
    }

    private void add(java.util.List<? extends LossPoint> points) {
        JFreeChart chart = viewer.getChart();
        chart.setNotify(false);     // the two series' changes below make one redraw, not two
        train.setNotify(false);
        validation.setNotify(false);
        for (LossPoint p : points) {
            double x = tokens ? p.tokensSeen() : p.step();
            train.addOrUpdate(x, p.trainLoss());
            if (Double.isFinite(p.valLoss())) {
                validation.addOrUpdate(x, p.valLoss());
            }
        }
        train.setNotify(true);      // one change for the whole batch
        validation.setNotify(true);
        chart.setNotify(true);      // and one redraw
    }

    private void rebuild() {
        train.setNotify(false);
        validation.setNotify(false);
        train.clear();
        validation.clear();
        add(history);
    }

    private static ValueAxis lossAxis(boolean log) {
        ValueAxis axis;
        if (log) {
            LogAxis logAxis = new LogAxis("loss (log scale)");
            logAxis.setBase(10);
            logAxis.setSmallestValue(1e-4);
            logAxis.setMinorTickMarksVisible(true);
            axis = logAxis;
        } else {
            NumberAxis linear = new NumberAxis("loss");
            linear.setAutoRangeIncludesZero(false);
            axis = linear;
        }
        styleAxis(axis);
        return axis;
    }

    private static void styleAxis(ValueAxis axis) {
        axis.setLabelFont(AXIS_FONT);
        axis.setTickLabelFont(AXIS_FONT.deriveFont(12f));
    }

    private static XYLineAndShapeRenderer renderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        renderer.setSeriesPaint(1, new Color(0xff7f0e));
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setSeriesStroke(1, new BasicStroke(2.5f));
        renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
        renderer.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
        return renderer;
    }
}
