package org.attentionexplorer.ui.train;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.attentionexplorer.ui.task.BackgroundWork;

/**
 * How responsive the FX thread stays while a real training runs flat out in the training view: records the time
 * between consecutive pulses (an AnimationTimer asks for one every frame, 60 per second) over a run of
 * {@code -Dseconds} (default 60) and prints the median, 99th percentile and longest gap.
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 1400x900x24" java -cp ... org.attentionexplorer.ui.train.TrainingFrameGapBenchmark
 *     [-Dpreset=char-small] [-Dseconds=60] [-Dscreenshot=/tmp/training.png] [-Dtext=samples/texts/...]
 * </pre>
 */
public final class TrainingFrameGapBenchmark {
    private TrainingFrameGapBenchmark() {
    }

    /** The launcher does not extend Application, so JavaFX can run from the classpath. */
    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The benchmark window. */
    public static final class App extends Application {
        private final List<Long> gaps = new ArrayList<>();
        private final List<Long> at = new ArrayList<>();
        private final List<Long> cpu = new ArrayList<>();
        private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        private long lastCpu;
        private long last;
        private volatile long firstStepAt = -1;

        @Override
        public void start(Stage stage) {
            TrainingViewModel model = TrainingViewModel.forApp(BackgroundWork.withDaemonThread(Platform::runLater));
            TrainingForm form = model.form();
            String preset = System.getProperty("preset", "char-small");
            form.chooseTextFile(Path.of(System.getProperty("text", "samples/texts/the-lighthouse-keepers-notebook.txt")));
            form.applyPreset(preset);
            form.stepsProperty().set(100_000);
            form.warmupStepsProperty().set(20);
            form.evalIntervalProperty().set(Integer.getInteger("evalInterval", 2));
            form.evalBatchesProperty().set(2);
            form.sampleIntervalProperty().set(Integer.getInteger("sampleInterval", 20));
            form.samplePromptProperty().set("Nell ");
            form.probeTextProperty().set("Two flashes every twelve seconds.");
            form.checkpointRootProperty().set(Path.of(System.getProperty("java.io.tmpdir"), "attention-explorer-bench-runs"));
            TrainingView view = new TrainingView(model);
            Scene scene = new Scene(view, 1400, 900);
            scene.getStylesheets().add(TrainingFrameGapBenchmark.class.getResource("/styles/app.css").toExternalForm());
            stage.setScene(scene);
            stage.setTitle("Attention Explorer: training (frame-gap benchmark)");
            stage.show();

            model.stepProperty().addListener((o, was, is) -> {
                if (firstStepAt < 0) {
                    firstStepAt = System.nanoTime();
                    gaps.clear(); // measure while steps run, not while the data loads
                    at.clear();
                    cpu.clear();
                }
            });
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (last != 0) {
                        gaps.add(now - last);
                        at.add(now);
                    }
                    long cpuNow = threads.getCurrentThreadCpuTime();
                    if (last != 0) {
                        cpu.add(cpuNow - lastCpu);
                    }
                    lastCpu = cpuNow;
                    last = now;
                }
            }.start();
            model.start();

            int seconds = Integer.getInteger("seconds", 60);
            String screenshot = System.getProperty("screenshot");
            if (screenshot != null) {
                PauseTransition shot = new PauseTransition(javafx.util.Duration.seconds(seconds * 0.8));
                shot.setOnFinished(e -> save(scene, screenshot));
                shot.play();
            }
            Thread waiter = new Thread(() -> {
                try {
                    while (firstStepAt < 0) {
                        Thread.sleep(100);
                    }
                    Thread.sleep(seconds * 1000L);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Platform.runLater(() -> report(model, preset, seconds));
            }, "benchmark-timer");
            waiter.setDaemon(true);
            waiter.start();
        }

        private void report(TrainingViewModel model, String preset, int seconds) {
            List<Long> sorted = new ArrayList<>(gaps);
            sorted.sort(null);
            long steps = model.stepProperty().get();
            System.out.printf(Locale.ROOT, "preset %s, %d s of training: %d steps, %.0f tokens/s, %d evaluations%n", preset, seconds, steps,
                    model.tokensPerSecondProperty().get(), model.history().size());
            System.out.printf(Locale.ROOT, "frame gaps over %d pulses: median %.1f ms, 99th %.1f ms, max %.1f ms; %d gaps over 50 ms, %d over 100 ms%n",
                    sorted.size(), ms(sorted, 0.5), ms(sorted, 0.99), ms(sorted, 1.0), sorted.stream().filter(g -> g > 50_000_000L).count(),
                    sorted.stream().filter(g -> g > 100_000_000L).count());
            StringBuilder longest = new StringBuilder();
            for (int i = 0; i < gaps.size(); i++) {
                if (gaps.get(i) > 50_000_000L) {
                    longest.append(String.format(Locale.ROOT, " %.0f ms at %.1f s (FX thread busy %.0f ms);", gaps.get(i) / 1e6,
                            (at.get(i) - firstStepAt) / 1e9, cpu.get(i) / 1e6));
                }
            }
            System.out.println("gaps over 50 ms (time after the first step; CPU time the FX thread used in the gap):" + longest);
            long t0 = System.nanoTime();
            boolean stopped = model.stopAndWait(Duration.ofSeconds(120));
            System.out.printf(Locale.ROOT, "stop and save: %s in %.1f s (%s)%n", stopped ? "done" : "timed out", (System.nanoTime() - t0) / 1e9,
                    model.runFolderProperty().get());
            Platform.exit();
        }

        private static double ms(List<Long> sorted, double quantile) {
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            int i = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
            return sorted.get(Math.max(0, i)) / 1e6;
        }

        private static void save(Scene scene, String file) {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", new File(file));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
