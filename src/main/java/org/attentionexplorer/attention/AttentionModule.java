package org.attentionexplorer.attention;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The attention modules of chapter 3, in the order the book builds them. A lesson names one to say how its
 * weights are shaped, oriented and (when drawn from a seed) drawn.
 */
public enum AttentionModule {
    /** Three {@code torch.rand(d_in, d_out)} parameters, used as {@code X @ W}. One head, no biases. */
    SELF_ATTENTION_V1("SelfAttention_v1", false, false),
    /** Three {@code nn.Linear(d_in, d_out, bias=qkv_bias)}: query, key, value. One head. */
    SELF_ATTENTION_V2("SelfAttention_v2", true, false),
    /** As SelfAttention_v2, with the causal mask and dropout. One head. */
    CAUSAL_ATTENTION("CausalAttention", true, false),
    /** num_heads CausalAttention modules, each d_in -> d_out, their outputs concatenated. */
    MULTI_HEAD_ATTENTION_WRAPPER("MultiHeadAttentionWrapper", true, true),
    /** One query, key and value Linear(d_in, d_out) split into heads, then out_proj Linear(d_out, d_out). */
    MULTI_HEAD_ATTENTION("MultiHeadAttention", true, true);

    private final String bookName;
    private final boolean linear;
    private final boolean multiHead;

    AttentionModule(String bookName, boolean linear, boolean multiHead) {
        this.bookName = bookName;
        this.linear = linear;
        this.multiHead = multiHead;
    }

    /** The class name in the book, as lessons and the command line write it. */
    public String bookName() {
        return bookName;
    }

    /**
     * True when the projections are {@code nn.Linear} layers, whose weights are stored {@code [d_out][d_in]}
     * and used as {@code X @ W^T + b}; false for SelfAttention_v1's {@code [d_in][d_out]} used as {@code X @ W}.
     */
    public boolean usesLinearLayers() {
        return linear;
    }

    /** True when the module can have more than one head. */
    public boolean isMultiHead() {
        return multiHead;
    }

    /** True when each head has its own query, key and value layers (the wrapper); false when heads are split out of one. */
    public boolean hasSeparateHeads() {
        return this == MULTI_HEAD_ATTENTION_WRAPPER;
    }

    /** True when the module ends in an output projection. */
    public boolean hasOutProj() {
        return this == MULTI_HEAD_ATTENTION;
    }

    public static Optional<AttentionModule> byBookName(String name) {
        return Arrays.stream(values()).filter(m -> m.bookName.equals(name)).findFirst();
    }

    /** The book names, comma separated, for messages. */
    public static String bookNames() {
        return Arrays.stream(values()).map(AttentionModule::bookName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return bookName;
    }
}
