package org.attentionexplorer.attention;

import java.util.List;
import java.util.Objects;

/**
 * Every weight of one attention module, in the orientation it is applied ({@code X @ W + b}).
 *
 * @param module  the module these weights belong to
 * @param qkv     the query/key/value projections: one entry per head for the wrapper, a single entry otherwise
 *                (for MultiHeadAttention it spans all heads and is split by columns)
 * @param outProj the output projection: required for MultiHeadAttention, absent from the book's other modules
 *                (the lab also pairs wrapper heads with one, to show both multi-head versions agree)
 */
public record ModuleWeights(AttentionModule module, List<QkvWeights> qkv, Projection outProj) {
    public ModuleWeights {
        Objects.requireNonNull(module, "module");
        qkv = List.copyOf(qkv);
        if (qkv.isEmpty()) {
            throw new IllegalArgumentException("a module needs query, key and value weights");
        }
        if (module.hasOutProj() && outProj == null) {
            throw new IllegalArgumentException(module + " needs an output projection");
        }
    }
}
