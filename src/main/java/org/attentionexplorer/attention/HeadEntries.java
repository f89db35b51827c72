package org.attentionexplorer.attention;

import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.attentionexplorer.math.Matrix;

/**
 * The trace entries of one head, under the lab's keys: shared by a lesson's trace and a model's, so one view
 * (and one output format) shows either.
 */
public final class HeadEntries {
    private HeadEntries() {
    }

    /**
     * How one head's entries are keyed and described.
     *
     * @param prefix          key prefix, e.g. {@code heads[1].} or {@code layers[2].heads[0].} ("" for the single head of a lesson)
     * @param of              appended to titles, e.g. " (head 1)"
     * @param section         section of the query/key/value steps
     * @param causalSection   section of the causal steps
     * @param dropoutSection  section of the dropout steps
     * @param dropoutMask     how the dropout mask was drawn (or why it is all ones)
     * @param dropped         how the dropped weights were computed
     * @param withContext     whether to list the head's context vectors (a single-head lesson lists them once, at the top)
     */
    public record Labels(String prefix, String of, String section, String causalSection, String dropoutSection,
            String dropoutMask, String dropped, boolean withContext) {

        /** A head of a trained model, traced in evaluation mode. */
        public static Labels forModel(int layer, int head) {
            String where = "layer " + layer + ", head " + head;
            return new Labels("layers[" + layer + "].heads[" + head + "].", " (" + where + ")", "Model: " + where,
                    "Model: " + where, "Model: " + where, "all kept: a trace runs in evaluation mode",
                    "causalWeights (no dropout in evaluation mode)", true);
        }
    }

    /** Every entry of one head, in chapter order. */
    public static List<TraceEntry> of(HeadTrace head, List<String> tokens, Labels labels) {
        List<TraceEntry> entries = new ArrayList<>();
        String p = labels.prefix();
        String of = labels.of();
        String section = labels.section();
        int dK = head.keys().cols();
        entries.add(features(p + "queries", section, "queries" + of, "Q = X Wq", head.queries(), tokens));
        entries.add(features(p + "keys", section, "keys" + of, "K = X Wk", head.keys(), tokens));
        entries.add(features(p + "values", section, "values" + of, "V = X Wv", head.values(), tokens));
        entries.add(scores(p + "attnScores", section, "attention scores" + of, "Q K^T", head.attnScores(), tokens));
        entries.add(scores(p + "scaledScores", section, "scaled scores" + of, "Q K^T / sqrt(d_k), d_k = " + dK,
                head.scaledScores(), tokens));
        entries.add(scores(p + "attnWeights", section, "attention weights" + of, "softmax of each row of scaledScores",
                head.attnWeights(), tokens));
        entries.add(scores(p + "unscaledWeights", section, "weights without scaling" + of,
                "softmax of each row of attnScores: what dividing by sqrt(d_k) prevents (sharper as d_k grows)",
                head.unscaledWeights(), tokens));
        String causal = labels.causalSection();
        entries.add(scores(p + "mask", causal, "causal mask" + of, "1 where query i may see key j (j <= i), 0 above the diagonal",
                head.mask(), tokens));
        entries.add(scores(p + "maskedScores", causal, "masked scores" + of, "attnScores with -inf above the diagonal",
                head.maskedScores(), tokens));
        entries.add(scores(p + "causalWeights", causal, "causal weights, route 2" + of,
                "softmax of each row of maskedScores / sqrt(d_k)", head.causalWeights(), tokens));
        entries.add(scores(p + "renormalizedWeights", causal, "causal weights, route 1" + of,
                String.format(Locale.ROOT, "attnWeights * mask, each row divided by its sum; largest difference from route 2: %.1e",
                        head.renormalizedWeights().maxAbsDifference(head.causalWeights())), head.renormalizedWeights(), tokens));
        String dropout = labels.dropoutSection();
        entries.add(scores(p + "dropoutMask", dropout, "dropout keep-mask" + of, labels.dropoutMask(), head.dropoutMask(), tokens));
        entries.add(scores(p + "droppedWeights", dropout, "weights after dropout" + of, labels.dropped(), head.droppedWeights(), tokens));
        if (labels.withContext()) {
            entries.add(features(p + "contextVecs", section, "context vectors" + of, "droppedWeights V", head.contextVecs(), tokens));
        }
        return entries;
    }

    /** A (T, T) matrix: queries down the side, keys along the top, both labelled with the tokens. */
    static TraceEntry scores(String key, String section, String title, String formula, Matrix matrix, List<String> tokens) {
        return new TraceEntry(key, section, title, formula, matrix, tokens, tokens, false);
    }

    /** A (T, d) matrix: one row of features per token. */
    public static TraceEntry features(String key, String section, String title, String formula, Matrix matrix, List<String> tokens) {
        return new TraceEntry(key, section, title, formula, matrix, tokens, indices("", matrix.cols()), false);
    }

    static List<String> indices(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }
}
