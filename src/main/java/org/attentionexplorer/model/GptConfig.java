package org.attentionexplorer.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of a GPT model, as the book's GPT_CONFIG dictionaries. Construction checks every rule and
 * throws an {@link IllegalArgumentException} whose message names the field.
 *
 * @param vocabSize     number of token ids (set from the tokenizer when training on text)
 * @param contextLength longest sequence the position embedding covers
 * @param embDim        width of every token's vector (d_model); divisible by numHeads
 * @param numHeads      attention heads per layer
 * @param numLayers     transformer blocks
 * @param dropRate      dropout on embeddings, attention weights and residual branches, in [0, 1)
 * @param qkvBias       biases on the query, key and value projections (GPT-2: true; the book's default: false)
 * @param tiedHead      the output head shares the token embedding matrix (GPT-2: true; the book's GPTModel: false)
 */
public record GptConfig(
        int vocabSize,
        int contextLength,
        int embDim,
        int numHeads,
        int numLayers,
        double dropRate,
        boolean qkvBias,
        boolean tiedHead) {

    /** Tests: context 12, embeddings 32, 4 heads, 2 layers. */
    public static final GptConfig TINY = new GptConfig(65, 12, 32, 4, 2, 0.0, false, false);
    /** A character-level model that trains in minutes on a CPU: context 128, embeddings 128, 4 heads, 4 layers. */
    public static final GptConfig CHAR_SMALL = new GptConfig(65, 128, 128, 4, 4, 0.0, false, false);
    /** The book's GPT_CONFIG_124M. */
    public static final GptConfig GPT2_124M = new GptConfig(50257, 1024, 768, 12, 12, 0.1, false, false);

    private static final Map<String, GptConfig> PRESETS = Map.of("tiny", TINY, "char-small", CHAR_SMALL, "gpt2-124m", GPT2_124M);

    public GptConfig {
        positive("vocabSize", vocabSize);
        positive("contextLength", contextLength);
        positive("embDim", embDim);
        positive("numHeads", numHeads);
        positive("numLayers", numLayers);
        if (embDim % numHeads != 0) {
            throw new IllegalArgumentException("embDim " + embDim + " is not divisible by numHeads " + numHeads);
        }
        if (!(dropRate >= 0 && dropRate < 1)) {
            throw new IllegalArgumentException("dropRate " + dropRate + " must be at least 0 and below 1");
        }
    }

    private static void positive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }

    /** The preset of this name ({@code tiny}, {@code char-small}, {@code gpt2-124m}). */
    public static Optional<GptConfig> preset(String name) {
        return Optional.ofNullable(PRESETS.get(name));
    }

    public static List<String> presetNames() {
        return List.of("tiny", "char-small", "gpt2-124m");
    }

    /** Width of each head. */
    public int headDim() {
        return embDim / numHeads;
    }

    public GptConfig withVocabSize(int newVocabSize) {
        return new GptConfig(newVocabSize, contextLength, embDim, numHeads, numLayers, dropRate, qkvBias, tiedHead);
    }

    public GptConfig withContextLength(int newContextLength) {
        return new GptConfig(vocabSize, newContextLength, embDim, numHeads, numLayers, dropRate, qkvBias, tiedHead);
    }

    public GptConfig withDropRate(double newDropRate) {
        return new GptConfig(vocabSize, contextLength, embDim, numHeads, numLayers, newDropRate, qkvBias, tiedHead);
    }
}
