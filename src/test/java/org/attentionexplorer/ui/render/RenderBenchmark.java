package org.attentionexplorer.ui.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.attentionexplorer.attention.AttentionLab;
import org.attentionexplorer.attention.LessonJson;
import org.attentionexplorer.attention.LessonTrace;
import org.attentionexplorer.ui.lesson.Step;

/**
 * How long {@code render} takes per page of the bundled lesson, apart from starting Java and tracing: laying the
 * page out, drawing it at scale 2, encoding the PNG, and making the SVG document. Medians after a warm-up, printed,
 * not asserted (timings on a shared machine are for reading).
 *
 * <pre>java -Djava.awt.headless=true -cp target/classes:target/test-classes:$(cat cp.txt) org.attentionexplorer.ui.render.RenderBenchmark [repeats]</pre>
 */
public final class RenderBenchmark {
    private RenderBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        LessonTrace trace = AttentionLab.trace(LessonJson.bundled());
        System.out.printf(Locale.ROOT, "%-10s %11s %9s %9s %9s %9s%n", "step", "pixels @2x", "layout", "draw", "png", "svg");
        for (Step step : Step.LESSON_STEPS) {
            double[][] ms = new double[4][repeats];
            BufferedImage image = null;
            for (int i = -3; i < repeats; i++) {
                long t0 = System.nanoTime();
                StepPage page = StepPage.lesson(step, trace, 1);
                long t1 = System.nanoTime();
                image = page.image(2);
                long t2 = System.nanoTime();
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image, "png", png);
                long t3 = System.nanoTime();
                page.svg();
                long t4 = System.nanoTime();
                if (i >= 0) {
                    ms[0][i] = (t1 - t0) / 1e6;
                    ms[1][i] = (t2 - t1) / 1e6;
                    ms[2][i] = (t3 - t2) / 1e6;
                    ms[3][i] = (t4 - t3) / 1e6;
                }
            }
            System.out.printf(Locale.ROOT, "%-10s %11s %6.1f ms %6.1f ms %6.1f ms %6.1f ms%n", step.id(),
                    image.getWidth() + "x" + image.getHeight(), median(ms[0]), median(ms[1]), median(ms[2]), median(ms[3]));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
