package org.attentionexplorer.ui.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Drag and drop of a model onto the window: a checkpoint ({@code .safetensors}) or a GPT-2 folder (the folder itself,
 * or its {@code config.json}). Anything else is not accepted, so the pointer shows at once that it would not open.
 * Only one item at a time; the model view model then opens it as File > Open model does.
 */
final class ModelDrop {
    private ModelDrop() {
    }

    /** The model a drop of these files would open: one checkpoint file, folder or config.json; else empty. */
    static Optional<Path> modelIn(List<File> files) {
        if (files == null || files.size() != 1) {
            return Optional.empty();
        }
        Path path = files.get(0).toPath();
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(path) || (Files.isRegularFile(path) && (name.endsWith(".safetensors") || name.equals("config.json")))) {
            return Optional.of(path);
        }
        return Optional.empty();
    }

    /** Accepts drops of a model on {@code target} and hands each to {@code open} (on the FX thread). */
    static void install(Node target, Consumer<Path> open) {
        target.addEventHandler(DragEvent.DRAG_OVER, event -> {
            Dragboard board = event.getDragboard();
            if (board.hasFiles() && modelIn(board.getFiles()).isPresent()) {
                event.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
                event.consume();
            }
        });
        target.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            Dragboard board = event.getDragboard();
            Optional<Path> model = board.hasFiles() ? modelIn(board.getFiles()) : Optional.empty();
            model.ifPresent(open);
            event.setDropCompleted(model.isPresent());
            event.consume();
        });
    }
}
