package org.attentionexplorer.attention;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.attentionexplorer.math.Matrix;

/**
 * Lists every matrix of a {@link LessonTrace} in the order of the chapter, under the keys of the JSON schema.
 * The text, CSV and JSON outputs are all made from this one list, so they always agree.
 */
public final class TraceEntries {
    public static final String SIMPLIFIED = "3.3 Attention without trainable weights";
    public static final String WEIGHTS = "3.4 The weights";
    public static final String TRAINABLE = "3.4 Scaled dot-product attention";
    public static final String CAUSAL = "3.5 Causal attention: the mask";
    public static final String DROPOUT = "3.5 Dropout on the attention weights";
    public static final String RESULT = "Context vectors and output";
    public static final String MULTI_HEAD = "3.6 Multi-head attention";

    private final LessonTrace trace;
    private final Lesson lesson;
    private final List<String> tokens;
    private final List<TraceEntry> entries = new ArrayList<>();

    private TraceEntries(LessonTrace trace) {
        this.trace = trace;
        this.lesson = trace.lesson();
        this.tokens = lesson.tokens();
    }

    /** Every matrix of the trace, in chapter order. */
    public static List<TraceEntry> of(LessonTrace trace) {
        TraceEntries list = new TraceEntries(trace);
        list.addAll();
        return List.copyOf(list.entries);
    }

    /** The entries of section 3.3 (attention without trainable weights) under the keys {@code simplified.*}. */
    public static List<TraceEntry> simplified(SimplifiedTrace s, List<String> tokens) {
        return List.of(
                HeadEntries.scores("simplified.attnScores", SIMPLIFIED, "attention scores",
                        "X X^T: the dot product of every input with every input", s.attnScores(), tokens),
                HeadEntries.scores("simplified.naiveWeights", SIMPLIFIED, "naive weights", "each row of attnScores divided by its sum",
                        s.naiveWeights(), tokens),
                HeadEntries.scores("simplified.attnWeights", SIMPLIFIED, "attention weights", "softmax of each row of attnScores",
                        s.attnWeights(), tokens),
                HeadEntries.features("simplified.contextVecs", SIMPLIFIED, "context vectors",
                        "z(i) = sum over j of attnWeights[i][j] * x(j)", s.contextVecs(), tokens));
    }

    /** The lesson's inputs X as an entry under the key {@code lesson.embeddings} (where the JSON keeps them). */
    public static TraceEntry inputs(Lesson lesson) {
        return HeadEntries.features("lesson.embeddings", "", "inputs X", "one row per token: its embedding",
                lesson.embeddings(), lesson.tokens());
    }

    private void addAll() {
        entries.addAll(simplified(trace.simplified(), tokens));

        addWeights();

        if (trace.singleHead()) {
            addHead("", trace.heads().get(0), 0);
        } else {
            addFeatures("queries", MULTI_HEAD, "queries of all heads", "X Wq, every head's columns side by side", trace.queries());
            addFeatures("keys", MULTI_HEAD, "keys of all heads", "X Wk, every head's columns side by side", trace.keys());
            addFeatures("values", MULTI_HEAD, "values of all heads", "X Wv, every head's columns side by side", trace.values());
        }
        for (int h = 0; h < trace.heads().size(); h++) {
            addHead("heads[" + h + "].", trace.heads().get(h), h);
        }
        boolean outProj = trace.weights().outProj() != null;
        addFeatures("contextVecs", RESULT, trace.singleHead() ? "context vectors" : "context vectors of all heads, concatenated",
                trace.singleHead() ? "droppedWeights V" : "[head 0 | head 1 | ...]", trace.contextVecs());
        addFeatures("output", RESULT, "output of " + lesson.module(),
                outProj ? "contextVecs Wout + bout (out_proj)" : "the context vectors (this module has no output projection)",
                trace.output());
        if (trace.versionCheck() != null) {
            LessonTrace.VersionCheck check = trace.versionCheck();
            addFeatures("versionCheck.output", MULTI_HEAD, "output of the equivalent " + check.module(), equivalenceFormula(check),
                    check.output());
        }
    }

    private String equivalenceFormula(LessonTrace.VersionCheck check) {
        String how = check.module() == AttentionModule.MULTI_HEAD_ATTENTION
                ? "the heads' Wq, Wk, Wv side by side, out_proj = identity"
                : "Wq, Wk, Wv cut into per-head column blocks, then the same out_proj";
        return how + String.format(Locale.ROOT, "; largest difference from output: %.1e", check.maxAbsDifference());
    }

    private void addWeights() {
        ModuleWeights weights = trace.weights();
        boolean multiHead = weights.module().hasSeparateHeads();
        for (int h = 0; h < weights.qkv().size(); h++) {
            String prefix = multiHead ? "weights.heads[" + h + "]." : "weights.";
            String head = multiHead ? " of head " + h : "";
            QkvWeights qkv = weights.qkv().get(h);
            addProjection(prefix + "query", "W_query" + head, qkv.query(), weights.module().usesLinearLayers());
            addProjection(prefix + "key", "W_key" + head, qkv.key(), weights.module().usesLinearLayers());
            addProjection(prefix + "value", "W_value" + head, qkv.value(), weights.module().usesLinearLayers());
        }
        if (weights.outProj() != null) {
            addProjection("weights.outProj", "out_proj", weights.outProj(), true);
        }
    }

    private void addProjection(String key, String name, Projection projection, boolean linear) {
        String origin = lesson.weights() != null ? "given by the lesson"
                : "drawn as " + lesson.module() + " draws it after torch.manual_seed(" + lesson.seed() + ")";
        if (linear) {
            Matrix stored = projection.weight().transpose();
            entries.add(new TraceEntry(key, WEIGHTS, name + ".weight",
                    "nn.Linear weight (d_out x d_in), used as X W^T + b; " + origin, stored,
                    indices("out", stored.rows()), indices("in", stored.cols()), false));
        } else {
            Matrix w = projection.weight();
            entries.add(new TraceEntry(key, WEIGHTS, name, "parameter (d_in x d_out), used as X W; " + origin, w,
                    indices("in", w.rows()), indices("out", w.cols()), false));
        }
        if (projection.hasBias()) {
            entries.add(new TraceEntry(key + "Bias", WEIGHTS, name + ".bias", "added to every row of the projection",
                    projection.bias(), List.of("bias"), indices("out", projection.bias().cols()), true));
        }
    }

    private void addHead(String prefix, HeadTrace head, int index) {
        boolean top = prefix.isEmpty();
        String section = top ? TRAINABLE : MULTI_HEAD + ", head " + index;
        entries.addAll(HeadEntries.of(head, tokens, new HeadEntries.Labels(prefix, top ? "" : " (head " + index + ")", section,
                top ? CAUSAL : section, top ? DROPOUT : section, dropoutMaskFormula(), droppedFormula(), !top)));
    }

    private String dropoutMaskFormula() {
        if (trace.dropoutScale() == 1.0) {
            return lesson.dropout() == 0 ? "all kept: the dropout rate is 0" : "all kept: dropout is off in evaluation mode";
        }
        return "1 = kept, 0 = dropped; rate " + lesson.dropout() + ", drawn after torch.manual_seed(" + lesson.seed() + ")";
    }

    private String droppedFormula() {
        String weights = lesson.causal() ? "causalWeights" : "attnWeights";
        if (trace.dropoutScale() == 1.0) {
            return weights + " (no dropout)";
        }
        return String.format(Locale.ROOT, "%s * dropoutMask / (1 - %s): kept weights x %.4g", weights, lesson.dropout(), trace.dropoutScale());
    }

    private void addFeatures(String key, String section, String title, String formula, Matrix matrix) {
        entries.add(HeadEntries.features(key, section, title, formula, matrix, tokens));
    }

    private static List<String> indices(String prefix, int n) {
        return HeadEntries.indices(prefix, n);
    }
}
