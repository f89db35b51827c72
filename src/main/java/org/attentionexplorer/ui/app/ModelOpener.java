package org.attentionexplorer.ui.app;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.attentionexplorer.io.LoadedModel;
import org.attentionexplorer.ui.model.ModelViewModel;

/**
 * The app's File > Open model (a checkpoint, or a GPT-2 folder; also dropped on the window): the model view model
 * loads it in the background; once it is open it is
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
        MenuItem openFolder = new MenuItem("Open GPT-2 folder...");
        openFolder.setOnAction(e -> chooseFolder());
        window.fileMenu().getItems().addAll(openItem, openFolder);
        ModelDrop.install(window, this::open);
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
                        + "\n\nChoose a checkpoint (.safetensors) written by the train command or the Train tab, or a GPT-2"
                        + " folder (config.json and model.safetensors, e.g. openai-community/gpt2 from Hugging Face). "
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
        chooser.setTitle("Open a checkpoint, or a GPT-2 folder's config.json");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Checkpoints and GPT-2 configs (*.safetensors, config.json)", "*.safetensors", "config.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        var file = chooser.showOpenDialog(window.getScene().getWindow());
        if (file != null) {
            open(file.toPath());
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a GPT-2 folder (config.json + model.safetensors)");
        var folder = chooser.showDialog(window.getScene().getWindow());
        if (folder != null) {
            open(folder.toPath());
        }
    }
}
