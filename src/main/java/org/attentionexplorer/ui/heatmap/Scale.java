package org.attentionexplorer.ui.heatmap;

/** How the values of a heatmap map to colours; see {@link ColorScale} for the exact colours. */
public enum Scale {
    /** Non-negative values such as attention weights: white at 0 to deep blue at 1 (or at the largest value, if above 1). */
    SEQUENTIAL,
    /** Signed values such as scores: blue for negative, white at 0, red for positive, symmetric around 0 using the largest |v|. */
    DIVERGING,
    /** 0/1 masks (the causal mask, a dropout keep-mask): white for 0, deep blue for 1. */
    BINARY
}
