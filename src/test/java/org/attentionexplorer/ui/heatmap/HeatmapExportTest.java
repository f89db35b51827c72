package org.attentionexplorer.ui.heatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.attentionexplorer.ui.heatmap.HeatmapFixtures.maskedScores;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import org.attentionexplorer.math.Matrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** PNG, SVG and CSV export, read back from the files. */
class HeatmapExportTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        // PNG export needs the toolkit running
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void pngAtTwiceTheScaleHasTwiceTheSide() throws IOException {
        Path one = dir.resolve("scores.png");
        Path two = dir.resolve("scores@2x.png");
        HeatmapExport.png(maskedScores(), one, 1);
        HeatmapExport.png(maskedScores(), two, 2);
        BufferedImage small = ImageIO.read(one.toFile());
        BufferedImage large = ImageIO.read(two.toFile());
        assertThat(small.getWidth()).isGreaterThan(3 * 64);
        assertThat(large.getWidth()).isEqualTo(2 * small.getWidth());
        assertThat(large.getHeight()).isEqualTo(2 * small.getHeight());
        assertThat(hasPixelNear(large, ColorScale.diverging(1.2).argb(1.0865))).as("the largest score's red").isTrue();
        assertThat(hasPixelNear(large, ColorScale.DIVERGING_BLUE)).as("the smallest score's blue").isTrue();
        assertThat(hasPixelNear(large, ColorScale.MASKED)).as("masked grey").isTrue();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("scores.png", "scores@2x.png");
        }
    }

    @Test
    void aTooLargePictureIsRefusedWithAReason() {
        assertThatThrownBy(() -> HeatmapExport.png(maskedScores(), dir.resolve("huge.png"), 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("choose a smaller scale");
        assertThat(dir.resolve("huge.png")).doesNotExist();
    }

    @Test
    void svgHasTheCellsLabelsAndLegend() throws IOException {
        Path file = dir.resolve("scores.svg");
        HeatmapExport.svg(maskedScores(), file);
        String svg = Files.readString(file);
        assertThat(svg).contains("<svg").contains("</svg>");
        assertThat(svg).contains(">Your<", ">journey<", ">starts<");
        assertThat(svg).as("values and the masked cells' text").contains(">1.0865<", ">-0.6000<", ">-inf<");
        assertThat(svg).as("legend ticks").contains(">1.2<", ">-1.2<", ">0<");
        assertThat(svg).containsIgnoringCase("rgb(178,24,43)");
        assertThat(svg).contains("linearGradient");
    }

    @Test
    void svgOfALargeMatrixEmbedsTheCellsAsOneImage() {
        int n = 300;
        List<String> labels = java.util.stream.IntStream.range(0, n).mapToObj(i -> "t" + i).toList();
        String svg = HeatmapExport.svgDocument(HeatmapData.of(Matrix.identity(n), labels, labels, Scale.SEQUENTIAL));
        assertThat(svg).contains("<image").contains(">t0<");
        assertThat(svg.length()).as("not a rectangle per cell").isLessThan(1_000_000);
    }

    @Test
    void csvHasLabelsInTheFirstRowAndColumnAndMinusInfForMaskedCells() throws IOException {
        Path file = dir.resolve("scores.csv");
        HeatmapExport.csv(maskedScores(), file);
        assertThat(Files.readAllLines(file)).containsExactly(
                ",Your,journey,starts",
                "Your,1.0865,-inf,-inf",
                "journey,0.4,-0.6,-inf",
                "starts,-1.2,0.0,0.75");
    }

    @Test
    void csvQuotesLabelsThatHoldCommasOrSpaces() {
        HeatmapData data = HeatmapData.of(Matrix.of(new double[][] {{0.5, 0.5}}), List.of(","), List.of(" journey", "a\"b"),
                Scale.SEQUENTIAL);
        assertThat(HeatmapExport.csvText(data)).isEqualTo(",\" journey\",\"a\"\"b\"\n\",\",0.5,0.5\n");
    }

    private static boolean hasPixelNear(BufferedImage image, int argb) {
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if (HeatmapFixtures.near(image.getRGB(x, y), argb, 2)) {
                    return true;
                }
            }
        }
        return false;
    }
}
