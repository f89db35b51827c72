package org.attentionexplorer.text;

import java.util.OptionalInt;

/**
 * Turns text into token ids and back. Implementations: character-level, word-level (the book's
 * SimpleTokenizerV2) and GPT-2 byte-pair encoding. A tokenizer is saved with a model ({@link TokenizerJson})
 * and restored exactly. Implementations are immutable and can be shared between threads; {@link TokenizerKind}
 * makes one of each kind.
 */
public interface Tokenizer {
    /** The special token that separates documents. */
    String END_OF_TEXT = "<|endoftext|>";
    /** The special token unknown words or characters map to (char and word tokenizers). */
    String UNKNOWN = "<|unk|>";

    /** A short name of the kind: {@code char}, {@code word} or {@code gpt2}. */
    String kind();

    /** Token ids of {@code text}. Never throws for unknown input: it maps to {@link #UNKNOWN} where the vocabulary has no entry. */
    int[] encode(String text);

    /** Token ids with, for each token, the span of {@code text} it came from (for labels on heatmap axes). */
    Encoding encodeWithSpans(String text);

    /** The text of a sequence of ids. */
    String decode(int[] ids);

    /** The text of one token, as a label (special tokens as written, e.g. {@code <|endoftext|>}). */
    String tokenText(int id);

    /** Number of distinct ids: every id is in {@code [0, vocabSize)}. */
    int vocabSize();

    /** The id of {@link #END_OF_TEXT}, if the vocabulary has it. */
    OptionalInt endOfTextId();

    /** The id of {@link #UNKNOWN}, if the vocabulary has it. */
    OptionalInt unknownId();
}
