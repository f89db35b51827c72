package org.attentionexplorer.ui.lesson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.attentionexplorer.attention.AttentionLab;
import org.attentionexplorer.attention.AttentionModule;
import org.attentionexplorer.attention.Lesson;
import org.attentionexplorer.attention.LessonJson;
import org.attentionexplorer.attention.LessonTrace;
import org.attentionexplorer.math.Matrix;

/**
 * How long an edit of a lesson takes to show: a new trace (every step, in the background) plus the panels of the
 * step in view. Printed as medians after a warm-up, not asserted (timings on a shared machine are for reading).
 * Lessons: the bundled one (6 tokens, d_in 3), and a large classroom lesson (32 tokens, d_in 16,
 * MultiHeadAttention with d_out 16 and 4 heads, causal, dropout 0.1 in training mode).
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) org.attentionexplorer.ui.lesson.LessonEditBenchmark [repeats]</pre>
 */
public final class LessonEditBenchmark {
    private LessonEditBenchmark() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        report("bundled lesson (6 tokens, d_in 3)", LessonJson.bundled(), repeats);
        report("32 tokens, d_in 16, 4 heads, causal, dropout", large(), repeats);
    }

    private static Lesson large() {
        Random random = new Random(1);
        double[][] x = new double[32][16];
        List<String> tokens = new ArrayList<>();
        for (int t = 0; t < 32; t++) {
            tokens.add("t" + t);
            for (int d = 0; d < 16; d++) {
                x[t][d] = random.nextGaussian();
            }
        }
        return new Lesson("large", "", tokens, Matrix.of(x), AttentionModule.MULTI_HEAD_ATTENTION, 16, 4, true, 0.1, true, false, 123,
                null);
    }

    private static void report(String name, Lesson lesson, int repeats) {
        double[] ms = new double[repeats];
        for (int warm = 0; warm < 20; warm++) {
            edit(lesson);
        }
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            edit(lesson);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-48s median %6.2f ms   90th %6.2f ms   max %6.2f ms%n", name, ms[repeats / 2],
                ms[repeats * 9 / 10], ms[repeats - 1]);
    }

    private static void edit(Lesson lesson) {
        LessonTrace trace = AttentionLab.trace(lesson);
        for (Step step : Step.LESSON_STEPS) {
            StepContent.panels(step, trace);
        }
    }
}
