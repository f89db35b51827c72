package org.attentionexplorer.ui.export;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Window;
import org.attentionexplorer.ui.task.BackgroundWork;

/**
 * The export commands of one picture (a heatmap, a chart): copy image, copy values, save PNG (2x), SVG and CSV, and
 * the context menu that offers them. The picture is taken from a supplier when a command starts (FX thread; null:
 * nothing to export, the command does nothing); files are written on a background thread; a failure shows an error
 * dialog naming the file and what to do. The dialogs, the clipboard and the background executor can be replaced
 * (tests use a same-thread executor and record what would be shown).
 */
public final class ExportActions {
    /** Asks where to save: the chosen file, or empty when the user cancels. FX thread. */
    @FunctionalInterface
    public interface FileDialog {
        Optional<Path> choose(Window owner, Exportable.Format format, String defaultFileName);
    }

    /** Tells the user something went wrong. FX thread. */
    @FunctionalInterface
    public interface ErrorDialog {
        void show(Window owner, String header, String message);
    }

    private static BackgroundWork sharedWork;

    private final Supplier<Exportable> source;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private Node owner;
    private BackgroundWork work;
    private FileDialog fileDialog = FxDialogs::chooseFile;
    private ErrorDialog errorDialog = FxDialogs::showError;
    private Consumer<ClipboardContent> clipboard = content -> Clipboard.getSystemClipboard().setContent(content);

    public ExportActions(Supplier<Exportable> source) {
        this.source = source;
    }

    // ---- properties and settings

    /** What the last command did ("Saved /home/me/scores.png", "Copied the values of ..."), or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String getStatus() {
        return status.get();
    }

    public void setWork(BackgroundWork newWork) {
        this.work = newWork;
    }

    public void setFileDialog(FileDialog dialog) {
        this.fileDialog = dialog;
    }

    public void setErrorDialog(ErrorDialog dialog) {
        this.errorDialog = dialog;
    }

    public void setClipboard(Consumer<ClipboardContent> newClipboard) {
        this.clipboard = newClipboard;
    }

    // ---- commands (FX thread)

    /** Puts the picture, at twice its size, on the clipboard. */
    public void copyImage() {
        Exportable picture = source.get();
        if (picture == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putImage(picture.image());
        clipboard.accept(content);
        status.set("Copied the picture of " + describe(picture));
    }

    /** Puts the values on the clipboard as tab-separated text (made in the background: a big matrix has many). */
    public void copyValues() {
        Exportable picture = source.get();
        if (picture == null) {
            return;
        }
        work().newSlot().submit(picture.values(), text -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            clipboard.accept(content);
            status.set("Copied the values of " + describe(picture));
        }, e -> fail(picture, "Could not copy the values of " + describe(picture), e.getMessage()));
    }

    /** Asks for a file and saves the picture or its values there, in the background. */
    public void save(Exportable.Format format) {
        Exportable picture = source.get();
        if (picture == null) {
            return;
        }
        Optional<Path> chosen = fileDialog.choose(window(), format, FileNames.of(picture.name(), format));
        chosen.ifPresent(file -> saveTo(picture, format, file));
    }

    /** Saves without asking (the file dialog's second half; also for a caller that knows the file). */
    public void saveTo(Exportable picture, Exportable.Format format, Path file) {
        Exportable.FileWriter writer;
        try {
            writer = picture.file(format);
        } catch (IllegalArgumentException e) {
            fail(picture, "Could not save " + file.getFileName(), "Could not write " + file + ": " + reason(e) + ".\n" + advice(e));
            return;
        }
        work().newSlot().submit(() -> {
            writer.write(file);
            return file;
        }, saved -> status.set("Saved " + saved), e -> fail(picture, "Could not save " + file.getFileName(),
                "Could not write " + file + ": " + reason(e) + ".\n" + advice(e)));
    }

    public void savePng() {
        save(Exportable.Format.PNG);
    }

    public void saveSvg() {
        save(Exportable.Format.SVG);
    }

    public void saveCsv() {
        save(Exportable.Format.CSV);
    }

    // ---- the menu

    /** A new context menu with the five commands. */
    public ContextMenu menu() {
        ContextMenu menu = new ContextMenu();
        menu.getItems().setAll(items());
        return menu;
    }

    /** The five commands as menu items (to add to a menu that exists, such as a chart's). */
    public java.util.List<javafx.scene.control.MenuItem> items() {
        return java.util.List.of(item("Copy image", this::copyImage), item("Copy values", this::copyValues), new SeparatorMenuItem(),
                item("Save PNG (2x)...", this::savePng), item("Save SVG...", this::saveSvg), item("Save CSV...", this::saveCsv));
    }

    /** The node whose window owns the dialogs (set by {@link #install}; for menus installed elsewhere). */
    public void setOwner(Node node) {
        this.owner = node;
    }

    /** Shows {@link #menu()} when {@code node} is right-clicked (or the menu key pressed); dialogs are owned by its window. */
    public void install(Node node) {
        this.owner = node;
        ContextMenu menu = menu();
        node.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (source.get() != null) {
                menu.show(node, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    // ---- failures

    private void fail(Exportable picture, String header, String message) {
        status.set(header + ": " + message.lines().findFirst().orElse(""));
        errorDialog.show(window(), header, message);
    }

    private static String describe(Exportable picture) {
        return picture.name().isEmpty() ? "the picture" : picture.name();
    }

    /** Why a write failed, in words. */
    static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "the folder does not exist";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (e instanceof IOException && e.getCause() != null && e.getCause().getMessage() != null) {
            return e.getMessage() + " (" + e.getCause().getMessage() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String advice(Exception e) {
        if (e instanceof IllegalArgumentException) {
            return "Nothing was written. Save the SVG instead, which has no size limit.";
        }
        return "Nothing was written. Choose another folder (one you can write to) or another name, and save again.";
    }

    private Window window() {
        return owner == null || owner.getScene() == null ? null : owner.getScene().getWindow();
    }

    private BackgroundWork work() {
        if (work == null) {
            work = shared();
        }
        return work;
    }

    /** One daemon thread for every picture's files, so exports are written in the order they were asked for. */
    private static synchronized BackgroundWork shared() {
        if (sharedWork == null) {
            sharedWork = BackgroundWork.withDaemonThread(Platform::runLater);
        }
        return sharedWork;
    }
}
