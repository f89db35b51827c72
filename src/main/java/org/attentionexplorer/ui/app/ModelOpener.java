package org.attentionexplorer.ui.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import org.attentionexplorer.io.LoadedModel;
import org.attentionexplorer.ui.task.BackgroundWork;

/**
 * Opens trained models (checkpoints) for the views that use one: in the background, with the model's name in the
 * status bar while it loads and once it is ready. A file that cannot be opened is explained in a dialog, and the
 * model that was open stays open.
 */
final class ModelOpener {
    private final BackgroundWork.Slot loading;
    private final MainWindow window;
    private final WindowState state;
    private final List<Consumer<LoadedModel>> users = new ArrayList<>();
    private final Label name = new Label("Model: none");

    ModelOpener(BackgroundWork work, MainWindow window, WindowState state, Consumer<LoadedModel> firstUser) {
        this.loading = work.newSlot();
        this.window = window;
        this.state = state;
        users.add(firstUser);
        window.statusBar().getRightItems().add(name);
        MenuItem open = new MenuItem("Open model...");
        open.setOnAction(e -> choose());
        window.fileMenu().getItems().add(open);
    }

    /** Another view that shows the open model. */
    void addUser(Consumer<LoadedModel> user) {
        users.add(user);
    }

    /** Loads {@code file} in the background and hands it to every view. */
    void open(Path file) {
        String before = name.getText();
        name.setText("Model: loading " + file.getFileName() + "...");
        loading.submit(() -> LoadedModel.read(file), loaded -> {
            users.forEach(user -> user.accept(loaded));
            state.setLastModel(file);
            name.setText("Model: " + file.getFileName() + String.format(java.util.Locale.ROOT, " (%,d parameters)", loaded.model().parameterCount(false)));
        }, e -> {
            name.setText(before);
            Dialogs.error(window, "The model could not be opened", e.getMessage()
                    + "\n\nChoose a checkpoint (.safetensors) written by the train command or the Train tab. "
                    + "The model you had open is still open.");
        });
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
