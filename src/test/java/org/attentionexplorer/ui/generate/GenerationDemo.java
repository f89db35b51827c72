package org.attentionexplorer.ui.generate;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.attentionexplorer.io.LoadedModel;
import org.attentionexplorer.ui.task.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throwaway window to look at the generation view on a real model. Options: {@code --model CKPT} (default: the
 * bundled lighthouse model), {@code --prompt TEXT}, {@code --generate} (starts at once), {@code --select N} (selects
 * token N once generated), {@code --exit-after SECONDS}.
 */
public final class GenerationDemo {
    private static final Logger LOG = LoggerFactory.getLogger(GenerationDemo.class);

    private GenerationDemo() {
    }

    /** The launcher's class must not extend Application, or a class-path launch refuses to start. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }

    /** The demo window. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            List<String> args = getParameters().getRaw();
            Path file = Path.of(option(args, "--model", "samples/models/char-small-lighthouse.safetensors"));
            GenerationViewModel model = new GenerationViewModel(BackgroundWork.withDaemonThread(Platform::runLater), Platform::runLater);
            model.promptProperty().set(option(args, "--prompt", "Monday, 1 January. Wind "));
            model.onShowAttentionProperty().set(text -> LOG.info("show attention for {}", Arrays.toString(text.toCharArray())));
            int select = Integer.parseInt(option(args, "--select", "-1"));
            model.runningProperty().addListener((obs, was, running) -> {
                if (!running && select >= 0) {
                    model.select(select);
                }
            });
            model.tokens().addListener((ListChangeListener<GeneratedToken>) c -> LOG.debug("{} tokens", model.tokens().size()));
            stage.setScene(new Scene(new GenerationView(model), 1400, 900));
            stage.getScene().getStylesheets().add(GenerationDemo.class.getResource("/styles/app.css").toExternalForm());
            stage.setTitle("Generation demo");
            stage.show();
            Thread loader = new Thread(() -> {
                LoadedModel loaded = LoadedModel.read(file);
                Platform.runLater(() -> {
                    model.setModel(loaded);
                    if (args.contains("--generate")) {
                        model.generate();
                    }
                });
            }, "demo-loader");
            loader.setDaemon(true);
            loader.start();
            double exitAfter = Double.parseDouble(option(args, "--exit-after", "0"));
            if (exitAfter > 0) {
                PauseTransition exit = new PauseTransition(Duration.seconds(exitAfter));
                exit.setOnFinished(e -> Platform.exit());
                exit.play();
            }
        }
    }
}
