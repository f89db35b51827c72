package org.attentionexplorer.generate;

/**
 * How the next token is chosen.
 *
 * @param maxTokens       tokens to generate at most
 * @param greedy          always take the most probable token (temperature, top-k and top-p are then ignored)
 * @param temperature     logits are divided by this before softmax; below 1 sharpens, above 1 flattens (must be > 0)
 * @param topK            keep only the k most probable tokens (0: all); tokens tied with the k-th are kept too
 * @param topP            keep the smallest set of most probable tokens whose probabilities reach p (1: all)
 * @param seed            seed of the sampling generator, so a run can be replayed exactly
 * @param stopAtEndOfText stop when the model picks {@code <|endoftext|>}
 * @param candidates      how many of the most probable tokens each step reports
 */
public record SamplingSettings(int maxTokens, boolean greedy, double temperature, int topK, double topP, long seed,
        boolean stopAtEndOfText, int candidates) {
    public SamplingSettings {
        if (maxTokens < 0) {
            throw new IllegalArgumentException("max tokens must be 0 or more, got " + maxTokens);
        }
        if (!greedy && !(temperature > 0 && Double.isFinite(temperature))) {
            throw new IllegalArgumentException("temperature must be above 0 (or use greedy decoding), got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be 0 (off) or more, got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p must be in (0, 1], got " + topP);
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be at least 1, got " + candidates);
        }
    }

    /** Greedy decoding of {@code maxTokens} tokens. */
    public static SamplingSettings greedy(int maxTokens) {
        return new SamplingSettings(maxTokens, true, 1.0, 0, 1.0, 0, true, 5);
    }
}
