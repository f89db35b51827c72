package org.attentionexplorer.testing;

import java.util.OptionalInt;
import org.attentionexplorer.text.Encoding;
import org.attentionexplorer.text.Tokenizer;

/**
 * Letters 'a' + id, one char per token: just enough tokenizer for model tests. Optionally the last id stands
 * for {@code <|endoftext|>}.
 */
public final class TestTokenizer implements Tokenizer {
    private final int vocabSize;
    private final boolean endOfText;

    public TestTokenizer(int vocabSize) {
        this(vocabSize, false);
    }

    public TestTokenizer(int vocabSize, boolean lastIdIsEndOfText) {
        this.vocabSize = vocabSize;
        this.endOfText = lastIdIsEndOfText;
    }

    @Override
    public String kind() {
        return "test";
    }

    @Override
    public int[] encode(String text) {
        return text.chars().map(ch -> Math.floorMod(ch - 'a', vocabSize)).toArray();
    }

    @Override
    public Encoding encodeWithSpans(String text) {
        int[] ids = encode(text);
        int[] starts = new int[ids.length];
        int[] ends = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            starts[i] = i;
            ends[i] = i + 1;
        }
        return new Encoding(ids, starts, ends);
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder out = new StringBuilder();
        for (int id : ids) {
            out.append(tokenText(id));
        }
        return out.toString();
    }

    @Override
    public String tokenText(int id) {
        return endOfText && id == vocabSize - 1 ? END_OF_TEXT : String.valueOf((char) ('a' + id));
    }

    @Override
    public int vocabSize() {
        return vocabSize;
    }

    @Override
    public OptionalInt endOfTextId() {
        return endOfText ? OptionalInt.of(vocabSize - 1) : OptionalInt.empty();
    }

    @Override
    public OptionalInt unknownId() {
        return OptionalInt.empty();
    }
}
