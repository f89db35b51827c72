package org.attentionexplorer.ui.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.general.DefaultPieDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** A chart (a loss curve) to PNG, SVG and its series as a table, read back; no display needed. */
class ChartExportTest {
    @TempDir
    Path dir;

    private static JFreeChart lossChart() {
        XYSeries train = new XYSeries("train loss");
        XYSeries val = new XYSeries("val, loss");
        train.add(0, 4.25);
        train.add(50, 2.5);
        train.add(100, 1.75);
        val.add(50, 2.75);
        XYSeriesCollection series = new XYSeriesCollection(train);
        series.addSeries(val);
        JFreeChart chart = ChartFactory.createXYLineChart("Loss", "step", "loss", series, PlotOrientation.VERTICAL, true, false, false);
        chart.getXYPlot().getRenderer().setSeriesPaint(0, new java.awt.Color(0x1f77b4));
        chart.getXYPlot().getRenderer().setSeriesStroke(0, new java.awt.BasicStroke(6f));
        return chart;
    }

    @Test
    void anXyChartIsATableOfXAndOneColumnPerSeries() {
        assertThat(ChartExport.csvText(lossChart())).isEqualTo(
                "step,train loss,\"val, loss\"\n0.0,4.25,\n50.0,2.5,2.75\n100.0,1.75,\n");
        assertThat(ChartExport.tsvText(lossChart()).lines().toList()).containsExactly(
                "step\ttrain loss\tval, loss", "0.0\t4.25\t", "50.0\t2.5\t2.75", "100.0\t1.75\t");
    }

    @Test
    void pngAtTwiceTheScaleHasTwiceThePixelsAndTheSeriesColour() throws IOException {
        Path file = dir.resolve("loss.png");
        ChartExport.png(lossChart(), file, 400, 300, 2);
        BufferedImage png = ImageIO.read(file.toFile());
        assertThat(png.getWidth()).isEqualTo(800);
        assertThat(png.getHeight()).isEqualTo(600);
        boolean blue = false;
        for (int y = 0; y < png.getHeight() && !blue; y++) {
            for (int x = 0; x < png.getWidth() && !blue; x++) {
                blue = (png.getRGB(x, y) & 0xFFFFFF) == 0x1f77b4;
            }
        }
        assertThat(blue).as("the train curve's colour").isTrue();
        assertThat(png.getRGB(1, 1) & 0xFFFFFF).as("white background").isEqualTo(0xFFFFFF);
    }

    @Test
    void svgParsesAndHoldsTheTitleAxisAndSeriesNames() throws Exception {
        Path file = dir.resolve("loss.svg");
        ChartExport.svg(lossChart(), file, 640, 360);
        String svg = Files.readString(file);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // offline: do not fetch the SVG DTD the document names
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getTextContent()).contains("Loss", "step", "train loss", "val, loss");
    }

    @Test
    void aChartWithoutSeriesAxesIsRefusedWithItsKind() {
        JFreeChart pie = ChartFactory.createPieChart("shares", new DefaultPieDataset<String>());
        assertThatThrownBy(() -> ChartExport.csvText(pie)).hasMessageContaining("Pie");
        assertThatThrownBy(() -> ChartExport.image(pie, 0, 10, 2)).hasMessageContaining("positive size");
    }
}
