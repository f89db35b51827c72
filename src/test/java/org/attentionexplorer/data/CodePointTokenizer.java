package org.attentionexplorer.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.attentionexplorer.text.Encoding;
import org.attentionexplorer.text.Tokenizer;

/** A test tokenizer: one token per Unicode code point of a fixed alphabet; id 0 is {@code <|unk|>}. */
final class CodePointTokenizer implements Tokenizer {
    private final List<String> symbols = new ArrayList<>();
    private final Map<Integer, Integer> ids = new HashMap<>();

    CodePointTokenizer(String alphabet) {
        symbols.add(UNKNOWN);
        alphabet.codePoints().distinct().forEach(codePoint -> {
            ids.put(codePoint, symbols.size());
            symbols.add(Character.toString(codePoint));
        });
    }

    @Override
    public String kind() {
        return "codepoint";
    }

    @Override
    public int[] encode(String text) {
        return encodeWithSpans(text).ids();
    }

    @Override
    public Encoding encodeWithSpans(String text) {
        int count = text.codePointCount(0, text.length());
        int[] out = new int[count];
        int[] starts = new int[count];
        int[] ends = new int[count];
        int at = 0;
        for (int i = 0; i < count; i++) {
            int codePoint = text.codePointAt(at);
            out[i] = ids.getOrDefault(codePoint, 0);
            starts[i] = at;
            at += Character.charCount(codePoint);
            ends[i] = at;
        }
        return new Encoding(out, starts, ends);
    }

    @Override
    public String decode(int[] tokenIds) {
        StringBuilder text = new StringBuilder();
        for (int id : tokenIds) {
            text.append(symbols.get(id));
        }
        return text.toString();
    }

    @Override
    public String tokenText(int id) {
        return symbols.get(id);
    }

    @Override
    public int vocabSize() {
        return symbols.size();
    }

    @Override
    public OptionalInt endOfTextId() {
        return OptionalInt.empty();
    }

    @Override
    public OptionalInt unknownId() {
        return OptionalInt.of(0);
    }
}
