package org.attentionexplorer.attention;

import java.util.List;
import org.attentionexplorer.math.Matrix;

/**
 * Every step of chapter 3 for one lesson, as immutable plain-Java values.
 *
 * @param lesson       the lesson traced
 * @param weights      the weights used (given by the lesson or drawn from its seed)
 * @param simplified   section 3.3: attention without trainable weights
 * @param heads        per head: every step of scaled dot-product attention (one entry for a single-head module)
 * @param queries      all heads' queries side by side (T, heads x d_head)
 * @param keys         all heads' keys side by side
 * @param values       all heads' values side by side
 * @param contextVecs  all heads' context vectors side by side (the concatenated context)
 * @param output       the module's output: contextVecs, or out_proj(contextVecs) for MultiHeadAttention
 * @param dropoutScale the factor kept weights are multiplied by, 1 / (1 - rate); 1 when dropout is off
 * @param versionCheck for a multi-head lesson, the other multi-head version computed with equivalent weights
 */
public record LessonTrace(
        Lesson lesson,
        ModuleWeights weights,
        SimplifiedTrace simplified,
        List<HeadTrace> heads,
        Matrix queries,
        Matrix keys,
        Matrix values,
        Matrix contextVecs,
        Matrix output,
        double dropoutScale,
        VersionCheck versionCheck) {

    public LessonTrace {
        heads = List.copyOf(heads);
    }

    /** True when the lesson has a single head, whose steps then stand for the whole module. */
    public boolean singleHead() {
        return heads.size() == 1;
    }

    /**
     * The two multi-head versions side by side: the lesson's module, and the other one built from equivalent
     * weights (the wrapper's per-head matrices side by side with an identity output projection, or the
     * MultiHeadAttention weights cut into per-head column blocks followed by its output projection).
     *
     * @param module           the other version's module
     * @param output           its output
     * @param maxAbsDifference the largest difference from the lesson's output (0 up to rounding)
     */
    public record VersionCheck(AttentionModule module, Matrix output, double maxAbsDifference) {
    }
}
