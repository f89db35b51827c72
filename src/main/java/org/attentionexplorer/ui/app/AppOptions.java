package org.attentionexplorer.ui.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.attentionexplorer.files.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the app was asked to start ({@code attention-explorer app --lesson F --step S --snapshot P --exit-after-start}):
 * passed to {@link javafx.application.Application} as named parameters. Also reports the time from the start of the
 * JVM to the first frame drawn, which is the start time users feel.
 *
 * @param lesson         a lesson to open instead of the last one
 * @param model          a model to open instead of the last one (a checkpoint or a GPT-2 folder)
 * @param step           the id of the step to open on (e.g. "mask")
 * @param snapshot       where to write a PNG of the window once it has drawn its first views
 * @param exitAfterStart close the app once the first frame (and the snapshot, if asked) is done: for smoke tests
 */
public record AppOptions(Optional<Path> lesson, Optional<Path> model, Optional<String> step, Optional<Path> snapshot,
                         boolean exitAfterStart) {
    private static final Logger LOG = LoggerFactory.getLogger(AppOptions.class);
    /** How long after the first frame the snapshot is taken, so background work (the first trace) has arrived. */
    private static final Duration SETTLE = Duration.seconds(1.5);

    /** No options: the app as a user starts it. */
    public static AppOptions none() {
        return new AppOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    /** The options as named parameters of {@code Application.launch}. */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>();
        lesson.ifPresent(p -> args.add("--lesson=" + p));
        model.ifPresent(p -> args.add("--model=" + p));
        step.ifPresent(s -> args.add("--step=" + s));
        snapshot.ifPresent(p -> args.add("--snapshot=" + p));
        if (exitAfterStart) {
            args.add("--exit-after-start=true");
        }
        return args;
    }

    /** Reads the named parameters {@link #toArgs()} wrote. */
    public static AppOptions of(Map<String, String> named) {
        return new AppOptions(Optional.ofNullable(named.get("lesson")).map(Path::of),
                Optional.ofNullable(named.get("model")).map(Path::of),
                Optional.ofNullable(named.get("step")),
                Optional.ofNullable(named.get("snapshot")).map(Path::of),
                Boolean.parseBoolean(named.get("exit-after-start")));
    }

    /** Logs the time to the first frame, then takes the snapshot and exits if asked. */
    void afterFirstFrame(Scene scene) {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                LOG.info("first frame {} ms after the JVM started", sinceStart);
                if (snapshot.isPresent() || exitAfterStart) {
                    PauseTransition settle = new PauseTransition(snapshot.isPresent() ? SETTLE : Duration.ZERO);
                    settle.setOnFinished(e -> finish(scene));
                    settle.play();
                }
            }
        }.start();
    }

    private void finish(Scene scene) {
        snapshot.ifPresent(path -> {
            BufferedImage image = SwingFXUtils.fromFXImage(scene.snapshot(null), null);
            try {
                AtomicFiles.write(path, channel -> ImageIO.write(image, "png", java.nio.channels.Channels.newOutputStream(channel)));
                LOG.info("wrote a snapshot of the window to {}", path);
            } catch (IOException e) {
                LOG.error("could not write the snapshot {}: {}", path, e.getMessage());
            }
        });
        if (exitAfterStart) {
            Platform.exit();
        }
    }
}
