package org.attentionexplorer.ui.heatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.attentionexplorer.ui.heatmap.HeatmapFixtures.maskedScores;
import static org.attentionexplorer.ui.heatmap.HeatmapFixtures.onFx;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.attentionexplorer.ui.export.ExportActions;
import org.attentionexplorer.ui.export.Exportable;
import org.attentionexplorer.ui.task.BackgroundWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The export commands every heatmap view offers: the context menu, the default file names, the files written and
 * read back, the clipboard, and the error dialog. Same-thread work, recorded dialogs and clipboard.
 */
class HeatmapExportActionsTest {
    private final FxRobot robot = new FxRobot();
    private final HeatmapData data = maskedScores().withName("heads[0].maskedScores");
    private final List<String> askedNames = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<ClipboardContent> clipboard = new ArrayList<>();
    private HeatmapView view;
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
            view = new HeatmapView(data);
            ExportActions actions = view.exportActions();
            actions.setWork(BackgroundWork.sameThread());
            actions.setFileDialog((Window owner, Exportable.Format format, String name) -> {
                askedNames.add(name);
                return Optional.ofNullable(answer);
            });
            actions.setErrorDialog((owner, header, message) -> errors.add(header + "\n" + message));
            actions.setClipboard(clipboard::add);
            stage.setScene(new Scene(new StackPane(view), 480, 360));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeMenus() throws TimeoutException {
        FxToolkit.cleanupInput(robot);
        onFx(() -> {
            Window.getWindows().stream().filter(w -> w instanceof ContextMenu).toList().forEach(Window::hide);
            return null;
        });
    }

    private void run(Runnable command) {
        onFx(() -> {
            command.run();
            return null;
        });
    }

    @Test
    void aRightClickOffersTheFiveCommands() {
        // Monocle's robot sends no context-menu request for a right click: the event the platform would send
        javafx.geometry.Point2D screen = HeatmapFixtures.onScreen(view, 200, 150);
        run(() -> javafx.event.Event.fireEvent(view, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 200, 150,
                screen.getX(), screen.getY(), false, null)));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> items = onFx(() -> Window.getWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
                .flatMap(w -> ((ContextMenu) w).getItems().stream()).map(MenuItem::getText).filter(t -> t != null).toList());
        assertThat(items).containsExactly("Copy image", "Copy values", "Save PNG (2x)...", "Save SVG...", "Save CSV...");
    }

    @Test
    void savePngAsksWithTheMatrixNameAndWritesATwiceSizedPicture() throws IOException {
        answer = dir.resolve("mask.png");
        run(view.exportActions()::savePng);
        assertThat(askedNames).containsExactly("heads0-maskedScores.png");
        BufferedImage png = ImageIO.read(answer.toFile());
        BufferedImage once = onFx(() -> javafx.embed.swing.SwingFXUtils.fromFXImage(HeatmapExport.snapshot(data, 1), null));
        assertThat(png.getWidth()).isEqualTo(2 * once.getWidth());
        assertThat(png.getHeight()).isEqualTo(2 * once.getHeight());
        assertThat(view.exportActions().getStatus()).isEqualTo("Saved " + answer);
        assertThat(errors).isEmpty();
    }

    @Test
    void saveSvgAndCsvWriteWhatTheExporterWrites() throws IOException {
        answer = dir.resolve("mask.svg");
        run(view.exportActions()::saveSvg);
        assertThat(Files.readString(answer)).contains("<svg", ">journey<", ">-inf<", ">1.0865<");
        answer = dir.resolve("mask.csv");
        run(view.exportActions()::saveCsv);
        assertThat(Files.readAllLines(answer)).containsExactly(",Your,journey,starts", "Your,1.0865,-inf,-inf",
                "journey,0.4,-0.6,-inf", "starts,-1.2,0.0,0.75");
        assertThat(askedNames).containsExactly("heads0-maskedScores.svg", "heads0-maskedScores.csv");
    }

    @Test
    void cancellingTheDialogWritesNothing() throws IOException {
        answer = null;
        run(view.exportActions()::saveCsv);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThat(errors).isEmpty();
        assertThat(view.exportActions().getStatus()).isEmpty();
    }

    @Test
    void aFileThatCannotBeWrittenGivesAnErrorNamingItAndWhatToDo() {
        answer = dir.resolve("no-such-folder").resolve("mask.png");
        run(view.exportActions()::savePng);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).startsWith("Could not save mask.png\n")
                .contains(answer.toString()).contains("Choose another folder");
        assertThat(answer.getParent()).doesNotExist();
    }

    @Test
    void copyValuesPutsATabSeparatedTableOnTheClipboard() {
        run(view.exportActions()::copyValues);
        assertThat(clipboard).hasSize(1);
        assertThat(clipboard.get(0).getString()).isEqualTo(
                "\tYour\tjourney\tstarts\nYour\t1.0865\t-inf\t-inf\njourney\t0.4\t-0.6\t-inf\nstarts\t-1.2\t0.0\t0.75\n");
    }

    @Test
    void copyImagePutsThePictureAtTwiceItsSizeOnTheClipboard() {
        run(view.exportActions()::copyImage);
        assertThat(clipboard).hasSize(1);
        javafx.scene.image.Image image = clipboard.get(0).getImage();
        double width = onFx(() -> HeatmapExport.snapshot(data, 1).getWidth());
        assertThat(image.getWidth()).isEqualTo(2 * width);
        assertThat(view.exportActions().getStatus()).isEqualTo("Copied the picture of heads[0].maskedScores");
    }

    @Test
    void withoutDataTheCommandsDoNothing() {
        run(() -> view.setData(null));
        answer = dir.resolve("none.csv");
        run(view.exportActions()::saveCsv);
        run(view.exportActions()::copyValues);
        assertThat(askedNames).isEmpty();
        assertThat(clipboard).isEmpty();
        assertThat(answer).doesNotExist();
    }
}
