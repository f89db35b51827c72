package org.attentionexplorer.generate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Turns next-token logits into a distribution (temperature, top-k, top-p) and draws from it. Plain Java. */
final class Sampler {
    private final SamplingSettings settings;
    private final SplittableRandom random;

    Sampler(SamplingSettings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
    }

    /** The distribution the next token is drawn from: greedy uses plain softmax. (V) */
    double[] distribution(float[] logits) {
        double temperature = settings.greedy() ? 1.0 : settings.temperature();
        double max = Double.NEGATIVE_INFINITY;
        for (float logit : logits) {
            if (Float.isNaN(logit)) {
                throw new IllegalStateException("the model produced a NaN logit: its weights are broken");
            }
            max = Math.max(max, logit);
        }
        // (logit - max) / T, so a tiny temperature cannot overflow
        double[] scaled = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            scaled[i] = (logits[i] - max) / temperature;
        }
        if (!settings.greedy() && settings.topK() > 0 && settings.topK() < logits.length) {
            double threshold = kthLargest(scaled, settings.topK());
            for (int i = 0; i < scaled.length; i++) {
                if (scaled[i] < threshold) {
                    scaled[i] = Double.NEGATIVE_INFINITY;
                }
            }
        }
        double[] probabilities = softmax(scaled);
        if (!settings.greedy() && settings.topP() < 1) {
            keepNucleus(probabilities, settings.topP());
        }
        return probabilities;
    }

    /** The chosen token: the most probable one when greedy, else a draw. */
    int choose(double[] probabilities) {
        if (settings.greedy()) {
            return argmax(probabilities);
        }
        double u = random.nextDouble();
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < probabilities.length; i++) {
            if (probabilities[i] > 0) {
                cumulative += probabilities[i];
                last = i;
                if (u < cumulative) {
                    return i;
                }
            }
        }
        return last; // rounding left u just above the total
    }

    /** Every id, most probable first (ties: lower id first). */
    private static List<Integer> descendingOrder(double[] probabilities) {
        return IntStream.range(0, probabilities.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> probabilities[i]).reversed().thenComparing(i -> i))
                .toList();
    }

    static double[] softmax(double[] logits) {
        double max = Arrays.stream(logits).max().orElseThrow();
        double[] out = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            out[i] = Math.exp(logits[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    private static double kthLargest(double[] values, int k) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length - k];
    }

    /** Zeroes every token outside the smallest most-probable set whose total reaches p, and renormalises. */
    private static void keepNucleus(double[] probabilities, double p) {
        List<Integer> order = descendingOrder(probabilities);
        double cumulative = 0;
        int keep = 0;
        while (keep < order.size() && cumulative < p) {
            cumulative += probabilities[order.get(keep)];
            keep++;
        }
        for (int i = keep; i < order.size(); i++) {
            probabilities[order.get(i)] = 0;
        }
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] /= cumulative;
        }
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
