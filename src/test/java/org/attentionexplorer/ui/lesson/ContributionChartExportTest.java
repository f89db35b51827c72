package org.attentionexplorer.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ClipboardContent;
import javax.imageio.ImageIO;
import org.attentionexplorer.attention.AttentionLab;
import org.attentionexplorer.attention.LessonJson;
import org.attentionexplorer.attention.LessonTrace;
import org.attentionexplorer.ui.export.ExportActions;
import org.attentionexplorer.ui.task.BackgroundWork;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The contribution chart's context menu: the export commands, and the files they write read back. */
class ContributionChartExportTest {
    private static final LessonTrace BOOK = AttentionLab.trace(LessonJson.bundled());
    private final List<String> askedNames = new ArrayList<>();
    private final List<ClipboardContent> clipboard = new ArrayList<>();
    private ContributionChart chart;
    private Path answer;

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void show() throws TimeoutException {
        FxToolkit.setupStage(stage -> {
            chart = new ContributionChart();
            chart.show(Contributions.of(BOOK.simplified().attnWeights(), BOOK.lesson().embeddings(), BOOK.lesson().tokens(), 1));
            ExportActions actions = chart.exportActions();
            actions.setWork(BackgroundWork.sameThread());
            actions.setFileDialog((owner, format, name) -> {
                askedNames.add(name);
                return Optional.ofNullable(answer);
            });
            actions.setErrorDialog((owner, header, message) -> {
                throw new AssertionError(header + ": " + message);
            });
            actions.setClipboard(clipboard::add);
            stage.setScene(new Scene(chart, 720, 380));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    @Test
    void theViewersMenuOffersTheExportCommands() throws Exception {
        ChartViewer viewer = (ChartViewer) chart.getChildren().get(0);
        List<String> items = onFx(() -> viewer.getContextMenu().getItems().stream().map(MenuItem::getText).filter(t -> t != null).toList());
        assertThat(items).containsExactly("Copy image", "Copy values", "Save PNG (2x)...", "Save SVG...", "Save CSV...");
    }

    @Test
    void savedFilesHoldTheChartAtTwiceTheViewersSizeAndItsValues() throws Exception {
        answer = dir.resolve("z2.png");
        onFx(() -> {
            chart.exportActions().savePng();
            return null;
        });
        var png = ImageIO.read(answer.toFile());
        assertThat(png.getWidth()).isEqualTo(2 * 720);
        assertThat(png.getHeight()).isEqualTo(2 * 380);
        answer = dir.resolve("z2.svg");
        onFx(() -> {
            chart.exportActions().saveSvg();
            return null;
        });
        assertThat(Files.readString(answer)).contains("<svg", "journey (a = 0.238)", "dimension of z");
        answer = dir.resolve("z2.csv");
        onFx(() -> {
            chart.exportActions().saveCsv();
            return null;
        });
        List<String> csv = Files.readAllLines(answer);
        assertThat(csv.get(0)).isEqualTo("series,d0,d1,d2");
        assertThat(csv).hasSize(8);
        // the book's z(2) = [0.4419, 0.6515, 0.5683] is the last row
        String[] z = csv.get(7).split(",");
        assertThat(z[0]).isEqualTo("z(journey)");
        assertThat(Double.parseDouble(z[1])).isCloseTo(0.4419, org.assertj.core.api.Assertions.within(5e-5));
        assertThat(Double.parseDouble(z[3])).isCloseTo(0.5683, org.assertj.core.api.Assertions.within(5e-5));
        assertThat(askedNames).containsExactly("contributions-to-z-journey.png", "contributions-to-z-journey.svg",
                "contributions-to-z-journey.csv");
    }

    @Test
    void copyingPutsThePictureAndTheTableOnTheClipboard() throws Exception {
        onFx(() -> {
            chart.exportActions().copyImage();
            chart.exportActions().copyValues();
            return null;
        });
        assertThat(clipboard).hasSize(2);
        assertThat(clipboard.get(0).getImage().getWidth()).isEqualTo(2 * 720);
        assertThat(clipboard.get(1).getString()).startsWith("series\td0\td1\td2\n").contains("\nz(journey)\t");
    }

    @Test
    void withoutContributionsNothingIsExported() throws Exception {
        onFx(() -> {
            ContributionChart empty = new ContributionChart();
            empty.exportActions().setFileDialog((owner, format, name) -> {
                askedNames.add(name);
                return Optional.empty();
            });
            empty.exportActions().saveCsv();
            return null;
        });
        assertThat(askedNames).isEmpty();
    }

}
