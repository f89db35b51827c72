package org.attentionexplorer.attention;

import java.util.List;
import java.util.Objects;
import org.attentionexplorer.math.Matrix;

/**
 * A small, fully specified attention problem a learner can read and edit. Field names are those of the
 * lesson file (see the README). Construction checks every rule and throws a {@link LessonException} naming
 * the field that breaks one.
 *
 * @param name        a title for the lesson
 * @param description what the lesson shows, in a sentence or two (may be empty)
 * @param tokens      one label per input row, e.g. "Your", "journey", ...
 * @param embeddings  the inputs X, one row per token (T, d_in)
 * @param module      the book's module whose weights this lesson uses
 * @param dOut        the module's d_out: each head's width for MultiHeadAttentionWrapper, all heads' together otherwise
 * @param numHeads    number of heads (1 unless the module is multi-head)
 * @param causal      whether context vectors use the causal (masked) weights
 * @param dropout     share of attention weights dropped in training mode, in [0, 1)
 * @param training    training mode (dropout active) or evaluation mode (dropout is the identity)
 * @param qkvBias     whether the query, key and value projections have biases
 * @param seed        the torch.manual_seed the weights are drawn with (unless given) and dropout masks are drawn from
 * @param weights     explicit weights, or null to draw them as {@code module} does after {@code torch.manual_seed(seed)}
 */
public record Lesson(
        String name,
        String description,
        List<String> tokens,
        Matrix embeddings,
        AttentionModule module,
        int dOut,
        int numHeads,
        boolean causal,
        double dropout,
        boolean training,
        boolean qkvBias,
        long seed,
        ModuleWeights weights) {

    /** More tokens than this make heatmaps unreadable and are not a lesson any more. */
    public static final int MAX_TOKENS = 256;
    /** The widest embedding or projection a lesson may have. */
    public static final int MAX_WIDTH = 4096;
    public static final int MAX_HEADS = 64;

    public Lesson {
        name = Objects.requireNonNullElse(name, "");
        description = Objects.requireNonNullElse(description, "");
        if (tokens == null || tokens.isEmpty()) {
            throw new LessonException("tokens", "a lesson needs at least one token");
        }
        tokens = List.copyOf(tokens);
        if (tokens.size() > MAX_TOKENS) {
            throw new LessonException("tokens", tokens.size() + " tokens are too many for a lesson (at most " + MAX_TOKENS + ")");
        }
        if (embeddings == null) {
            throw new LessonException("embeddings", "missing: give one row of numbers per token");
        }
        if (embeddings.rows() != tokens.size()) {
            throw new LessonException("embeddings", "has " + embeddings.rows() + " rows but there are "
                    + tokens.size() + " tokens; give one row per token");
        }
        checkWidth("embeddings", "d_in", embeddings.cols());
        if (!embeddings.isFinite()) {
            throw new LessonException("embeddings", "every value must be a finite number");
        }
        Objects.requireNonNull(module, "module");
        checkWidth("dOut", "dOut", dOut);
        if (numHeads < 1 || numHeads > MAX_HEADS) {
            throw new LessonException("numHeads", numHeads + " is not a number of heads (1 to " + MAX_HEADS + ")");
        }
        if (!module.isMultiHead() && numHeads != 1) {
            throw new LessonException("numHeads", module + " has one head; for " + numHeads
                    + " heads use MultiHeadAttention or MultiHeadAttentionWrapper");
        }
        if (module == AttentionModule.MULTI_HEAD_ATTENTION && dOut % numHeads != 0) {
            throw new LessonException("dOut", "dOut " + dOut + " is not divisible by numHeads " + numHeads
                    + " (MultiHeadAttention splits dOut evenly between its heads)");
        }
        if (module.hasSeparateHeads()) {
            checkWidth("dOut", "numHeads x dOut", numHeads * dOut);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new LessonException("dropout", dropout + " is not a dropout rate: it must be at least 0 and below 1");
        }
        if (qkvBias && !module.usesLinearLayers()) {
            throw new LessonException("qkvBias", module + " has no biases; use SelfAttention_v2 or later for qkvBias");
        }
        if (weights != null) {
            checkWeights(weights, module, embeddings.cols(), dOut, numHeads, qkvBias);
        }
    }

    /** T, the number of tokens. */
    public int tokenCount() {
        return tokens.size();
    }

    /** d_in, the width of each input embedding. */
    public int dIn() {
        return embeddings.cols();
    }

    /** The width of each head's queries, keys and values. */
    public int headDim() {
        return module.hasSeparateHeads() ? dOut : dOut / numHeads;
    }

    /** The weights this lesson runs with: the explicit ones, or those its module draws from its seed. */
    public ModuleWeights resolvedWeights() {
        return weights != null ? weights : BookWeights.draw(module, dIn(), dOut, numHeads, qkvBias, seed);
    }

    private static void checkWidth(String field, String what, int width) {
        if (width < 1 || width > MAX_WIDTH) {
            throw new LessonException(field, what + " is " + width + "; it must be between 1 and " + MAX_WIDTH);
        }
    }

    private static void checkWeights(ModuleWeights weights, AttentionModule module, int dIn, int dOut, int numHeads,
            boolean qkvBias) {
        if (weights.module() != module) {
            throw new LessonException("weights", "are " + weights.module() + " weights but the lesson's module is " + module);
        }
        int expectedSets = module.hasSeparateHeads() ? numHeads : 1;
        if (weights.qkv().size() != expectedSets) {
            throw new LessonException("weights.heads", "has " + weights.qkv().size() + " heads but numHeads is " + numHeads);
        }
        for (int h = 0; h < expectedSets; h++) {
            String prefix = module.hasSeparateHeads() ? "weights.heads[" + h + "]." : "weights.";
            QkvWeights qkv = weights.qkv().get(h);
            checkProjection(prefix + "query", qkv.query(), dIn, dOut, qkvBias);
            checkProjection(prefix + "key", qkv.key(), dIn, dOut, qkvBias);
            checkProjection(prefix + "value", qkv.value(), dIn, dOut, qkvBias);
        }
        if (weights.outProj() != null && !module.hasOutProj()) {
            throw new LessonException("weights.outProj", module + " has no output projection");
        }
        if (weights.outProj() != null) {
            checkProjection("weights.outProj", weights.outProj(), dOut, dOut, true);
        }
    }

    private static void checkProjection(String field, Projection projection, int in, int out, boolean bias) {
        Matrix w = projection.weight();
        if (w.rows() != in || w.cols() != out) {
            throw new LessonException(field, "maps " + w.rows() + " inputs to " + w.cols() + " outputs, but the lesson needs "
                    + in + " to " + out);
        }
        if (projection.hasBias() != bias) {
            throw new LessonException(field + "Bias", bias ? "missing (qkvBias is true)" : "given, but qkvBias is false");
        }
        if (!w.isFinite() || (bias && !projection.bias().isFinite())) {
            throw new LessonException(field, "every value must be a finite number");
        }
    }
}
