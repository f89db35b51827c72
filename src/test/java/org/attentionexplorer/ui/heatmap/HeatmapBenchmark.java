package org.attentionexplorer.ui.heatmap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import org.attentionexplorer.math.Matrix;

/**
 * Redraw times of the heatmap, printed as medians over repeats after a warm-up (not a unit test: timings on a
 * shared machine are for reading, not asserting). Cases:
 * <ol>
 *   <li>a 1024 x 1024 matrix, whole, on a 1000 x 1000 canvas (one scaled image);</li>
 *   <li>the same matrix zoomed in until values are printed (a rectangle and a text per visible cell);</li>
 *   <li>a 12 x 12 grid of 128 x 128 thumbnails (144 canvases of 128 x 128 px), with and without new data.</li>
 * </ol>
 * "paint" is the drawing calls (what the FX thread spends); "paint + render" adds rendering the canvas into a
 * reused image by a snapshot, which includes reading the pixels back ("readback" alone is given for scale).
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) -Dglass.platform=Monocle -Dmonocle.platform=Headless \
 *   -Dprism.order=sw -Dprism.text=t2k org.attentionexplorer.ui.heatmap.HeatmapBenchmark [repeats]</pre>
 */
public final class HeatmapBenchmark {
    private static final int WARMUP = 10;

    private HeatmapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        System.out.printf(Locale.ROOT, "heatmap benchmark: median of %d after %d warm-up, prism.order=%s, %d cores, Java %s%n",
                repeats, WARMUP, System.getProperty("prism.order"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));

        HeatmapData big = randomWeights(1024, true, new Random(1));
        long t0 = System.nanoTime();
        PreparedHeatmap prepared = PreparedHeatmap.of(big);
        double prepareMs = (System.nanoTime() - t0) / 1e6;
        System.out.printf(Locale.ROOT, "1024 x 1024: preparing colours (any thread, once per data): %.1f ms (first run, cold JIT)%n", prepareMs);
        double[] prepares = new double[5];
        for (int i = 0; i < prepares.length; i++) {
            long s = System.nanoTime();
            PreparedHeatmap.of(big);
            prepares[i] = (System.nanoTime() - s) / 1e6;
        }
        System.out.printf(Locale.ROOT, "1024 x 1024: preparing colours, warm: %.1f ms median%n", median(prepares));

        onFx(() -> {
            bigMatrix(prepared, repeats);
            return null;
        });
        onFx(() -> {
            thumbnails(repeats);
            return null;
        });
        Platform.exit();
    }

    private static void bigMatrix(PreparedHeatmap heatmap, int repeats) {
        Canvas canvas = new Canvas(1000, 1000);
        WritableImage target = new WritableImage(1000, 1000);
        HeatmapPainter painter = new HeatmapPainter(HeatmapStyle.SCREEN);

        long s = System.nanoTime();
        HeatmapLayout whole = painter.layout(heatmap, 1000, 1000, 1, 0, 0);
        painter.paint(canvas.getGraphicsContext2D(), heatmap, whole, 3);
        canvas.snapshot(null, target);
        System.out.printf(Locale.ROOT, "1024 x 1024: first paint + render (makes the cell image): %.1f ms%n", (System.nanoTime() - s) / 1e6);

        double[] readback = time(repeats, () -> canvas.snapshot(null, target));
        report("1000 x 1000 canvas: readback alone (snapshot, nothing new drawn)", readback);

        // alternate the selected row so every redraw really changes something
        int[] row = {0};
        double[] paint = time(repeats, () -> painter.paint(canvas.getGraphicsContext2D(), heatmap,
                painter.layout(heatmap, 1000, 1000, 1, 0, 0), row[0]++ % 1024));
        canvas.snapshot(null, target);
        report("1024 x 1024 whole (cell " + round(whole.cellSize()) + " px, image path): paint", paint);
        double[] both = time(repeats, () -> {
            painter.paint(canvas.getGraphicsContext2D(), heatmap, painter.layout(heatmap, 1000, 1000, 1, 0, 0), row[0]++ % 1024);
            canvas.snapshot(null, target);
        });
        report("1024 x 1024 whole: paint + render", both);

        double[] pan = time(repeats, () -> {
            row[0]++;
            painter.paint(canvas.getGraphicsContext2D(), heatmap, painter.layout(heatmap, 1000, 1000, 8, row[0] % 500, row[0] % 300), -1);
            canvas.snapshot(null, target);
        });
        HeatmapLayout zoom8 = painter.layout(heatmap, 1000, 1000, 8, 0, 0);
        report("1024 x 1024 zoom 8 (cell " + round(zoom8.cellSize()) + " px, image path), panning: paint + render", pan);

        HeatmapLayout zoomed = painter.layout(heatmap, 1000, 1000, 45, 300, 200);
        int cells = (zoomed.endRow() - zoomed.firstRow()) * (zoomed.endCol() - zoomed.firstCol());
        double[] text = time(repeats, () -> {
            row[0]++;
            painter.paint(canvas.getGraphicsContext2D(), heatmap, painter.layout(heatmap, 1000, 1000, 45, 300 + row[0] % 7, 200), -1);
            canvas.snapshot(null, target);
        });
        report("1024 x 1024 zoom 45 (cell " + round(zoomed.cellSize()) + " px, " + cells + " visible cells with values, rect path): paint + render", text);
    }

    private static void thumbnails(int repeats) {
        Random random = new Random(2);
        List<HeatmapData> heads = new ArrayList<>();
        for (int i = 0; i < 144; i++) {
            heads.add(randomWeights(128, false, random));
        }
        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(4);
        List<Canvas> canvases = new ArrayList<>();
        for (int i = 0; i < 144; i++) {
            Canvas canvas = new Canvas(128, 128);
            canvases.add(canvas);
            grid.add(canvas, i % 12, i / 12);
        }
        new Scene(grid);
        HeatmapPainter painter = new HeatmapPainter(HeatmapStyle.THUMBNAIL);
        List<PreparedHeatmap> prepared = heads.stream().map(PreparedHeatmap::of).toList();
        grid.applyCss();
        grid.layout();
        WritableImage target = new WritableImage((int) Math.ceil(grid.prefWidth(-1)), (int) Math.ceil(grid.prefHeight(-1)));

        Runnable paintPrepared = () -> {
            for (int i = 0; i < 144; i++) {
                PreparedHeatmap h = prepared.get(i);
                painter.paint(canvases.get(i).getGraphicsContext2D(), h, painter.layout(h, 128, 128, 1, 0, 0), -1);
            }
        };
        double[] readback = time(repeats, () -> grid.snapshot(null, target));
        report("12 x 12 grid (" + (int) target.getWidth() + " x " + (int) target.getHeight() + " px): readback alone", readback);
        double[] warm = time(repeats, paintPrepared);
        report("12 x 12 grid of 128 x 128 thumbnails, colours prepared: paint", warm);
        double[] warmRender = time(repeats, () -> {
            paintPrepared.run();
            grid.snapshot(null, target);
        });
        report("12 x 12 grid of 128 x 128 thumbnails, colours prepared: paint + render", warmRender);
        double[] cold = time(repeats, () -> {
            for (int i = 0; i < 144; i++) {
                painter.paint(canvases.get(i).getGraphicsContext2D(), heads.get(i), 128, 128);
            }
            grid.snapshot(null, target);
        });
        report("12 x 12 grid of 128 x 128 thumbnails, new data (colours + images made on the FX thread): paint + render", cold);
    }

    /** An n x n matrix of random attention weights (each row sums to 1); causal: zeros above the diagonal. */
    private static HeatmapData randomWeights(int n, boolean causal, Random random) {
        double[] values = new double[n * n];
        for (int r = 0; r < n; r++) {
            double sum = 0;
            for (int c = 0; c < n; c++) {
                double v = causal && c > r ? 0 : Math.exp(random.nextGaussian() * 2);
                values[r * n + c] = v;
                sum += v;
            }
            for (int c = 0; c < n; c++) {
                values[r * n + c] /= sum;
            }
        }
        List<String> labels = IntStream.range(0, n).mapToObj(i -> "tok" + i).toList();
        return HeatmapData.of(Matrix.ofRowMajor(n, n, values), labels, labels, Scale.SEQUENTIAL);
    }

    private static double[] time(int repeats, Runnable work) {
        for (int i = 0; i < WARMUP; i++) {
            work.run();
        }
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long s = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        return ms;
    }

    private static void report(String what, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: %.2f ms median (min %.2f, max %.2f)%n", what, median(ms), sorted[0], sorted[sorted.length - 1]);
    }

    private static double median(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String round(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get();
    }
}
