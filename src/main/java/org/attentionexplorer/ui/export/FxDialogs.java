package org.attentionexplorer.ui.export;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real dialogs behind {@link ExportActions}: a file chooser that remembers the last folder, and an error alert. */
final class FxDialogs {
    /** The folder of the last file saved, for the next dialog (this session). */
    private static File lastFolder;

    private FxDialogs() {
    }

    static Optional<Path> chooseFile(Window owner, Exportable.Format format, String defaultFileName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save " + format.description());
        chooser.setInitialFileName(defaultFileName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.description(), "*." + format.extension()));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        lastFolder = file.getParentFile();
        Path path = file.toPath();
        return Optional.of(path.resolveSibling(FileNames.withExtension(path.getFileName().toString(), format)));
    }

    static void showError(Window owner, String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle("Export");
        alert.setHeaderText(header);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(520);
        alert.getDialogPane().setContent(text);
        alert.show();
    }
}
