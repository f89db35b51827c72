package org.attentionexplorer.ui.app;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import org.attentionexplorer.io.LoadedModel;
import org.attentionexplorer.ui.model.ModelViewModel;

/**
 * The app's File > Open model: the model view model loads the checkpoint in the background; once it is open it is
 * remembered, named in the status bar and handed to the other views that use it (generation). A file that cannot
 * be opened is explained in a dialog, and the model that was open stays open.
 */
final class ModelOpener {
    private final ModelViewModel models;
    private final MainWindow window;
    private final Label name = new Label("Model: none");

    ModelOpener(ModelViewModel models, MainWindow window, WindowState state, Consumer<LoadedModel> user) {
        this.models = models;
        this.window = window;
        window.statusBar().getRightItems().add(name);
        MenuItem openItem = new MenuItem("Open model...");
        openItem.setOnAction(e -> choose());
        window.fileMenu().getItems().add(openItem);
        models.loadingProperty().addListener((o, was, is) -> {
            if (is) {
                name.setText("Model: loading...");
            }
        });
        models.loadedProperty().addListener((o, was, loaded) -> {
            if (loaded != null) {
                user.accept(loaded);
                state.setLastModel(loaded.source());
                name.setText("Model: " + loaded.source().getFileName() + String.format(java.util.Locale.ROOT,
                        " (%,d parameters)", loaded.model().parameterCount(false)));
            }
        });
        models.errorProperty().addListener((o, was, error) -> {
            if (error != null && !error.isEmpty()) {
                LoadedModel open = models.loadedProperty().get();
                name.setText(open == null ? "Model: none" : "Model: " + open.source().getFileName());
                Dialogs.error(window, "The model could not be opened", error
                        + "\n\nChoose a checkpoint (.safetensors) written by the train command or the Train tab. "
                        + (open == null ? "" : "The model you had open is still open."));
            }
        });
    }

    /** Loads {@code file} in the background. */
    void open(Path file) {
        models.open(file);
    }

    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Checkpoints (*.safetensors)", "*.safetensors"));
        var file = chooser.showOpenDialog(window.getScene().getWindow());
        if (file != null) {
            open(file.toPath());
        }
    }
}
