package org.attentionexplorer.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalInt;

/**
 * A character-level tokenizer: one token per character of the text, the vocabulary being the distinct
 * characters of a training text, sorted, then {@code <|endoftext|>} and {@code <|unk|>}.
 *
 * <p>A character is a Unicode code point, so an emoji or any other character outside the Basic Multilingual
 * Plane (two Java chars, a surrogate pair) is one token whose span covers both chars. {@code <|endoftext|>}
 * written in a text is one token; a character the vocabulary lacks is {@code <|unk|>}. A lone surrogate (half
 * a pair, which no file can hold) is never in the vocabulary, so it encodes as {@code <|unk|>}.
 */
public final class CharTokenizer implements Tokenizer {
    public static final String KIND = "char";

    private final Vocabulary vocabulary;
    /** The code points of the vocabulary's ordinary entries, ascending, and their ids. */
    private final int[] codePoints;
    private final int[] codePointIds;

    private CharTokenizer(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        List<int[]> pairs = new ArrayList<>();
        for (int id = 0; id < vocabulary.size(); id++) {
            String entry = vocabulary.entry(id);
            if (!Vocabulary.isSpecial(entry)) {
                pairs.add(new int[] {entry.codePointAt(0), id});
            }
        }
        pairs.sort((a, b) -> Integer.compare(a[0], b[0]));
        codePoints = pairs.stream().mapToInt(p -> p[0]).toArray();
        codePointIds = pairs.stream().mapToInt(p -> p[1]).toArray();
    }

    /** The tokenizer whose vocabulary is the distinct characters of {@code trainingText} (by code point), then the two special tokens. */
    public static CharTokenizer fromText(String trainingText) {
        BitSet present = new BitSet(Character.MAX_CODE_POINT + 1);
        for (int i = 0; i < trainingText.length(); ) {
            if (trainingText.startsWith(END_OF_TEXT, i)) {
                i += END_OF_TEXT.length();
                continue;
            }
            int c = trainingText.codePointAt(i);
            i += Character.charCount(c);
            if (!isLoneSurrogate(c)) {
                present.set(c);
            }
        }
        List<String> entries = new ArrayList<>(present.cardinality() + 2);
        present.stream().forEach(c -> entries.add(Character.toString(c)));
        return fromVocabulary(entries);
    }

    /**
     * The tokenizer with exactly this vocabulary (entry i has id i), for restoring a saved one; the special
     * tokens are appended when missing. Each other entry must be one character (code point), none repeated;
     * otherwise an {@link IllegalArgumentException} says which entry is wrong.
     */
    public static CharTokenizer fromVocabulary(List<String> vocabulary) {
        return new CharTokenizer(Vocabulary.of(vocabulary, CharTokenizer::problemWith));
    }

    private static String problemWith(String entry) {
        if (entry.isEmpty()) {
            return "is empty; each entry is one character";
        }
        int c = entry.codePointAt(0);
        if (Character.charCount(c) != entry.length()) {
            return "is " + entry.codePointCount(0, entry.length()) + " characters; each entry is one character";
        }
        return isLoneSurrogate(c) ? "is half of a surrogate pair, not a character" : null;
    }

    private static boolean isLoneSurrogate(int c) {
        return c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE;
    }

    /** Every entry in id order: single characters and the two special tokens. */
    public List<String> vocabulary() {
        return vocabulary.entries();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int[] encode(String text) {
        IntList ids = new IntList(text.length());
        encode(text, ids, null, null);
        return ids.toArray();
    }

    @Override
    public Encoding encodeWithSpans(String text) {
        IntList ids = new IntList(text.length());
        IntList starts = new IntList(text.length());
        IntList ends = new IntList(text.length());
        encode(text, ids, starts, ends);
        return new Encoding(ids.toArray(), starts.toArray(), ends.toArray());
    }

    private void encode(String text, IntList ids, IntList starts, IntList ends) {
        for (int i = 0; i < text.length(); ) {
            int start = i;
            if (text.startsWith(END_OF_TEXT, i)) {
                ids.add(vocabulary.endOfTextId());
                i += END_OF_TEXT.length();
            } else {
                int c = text.codePointAt(i);
                i += Character.charCount(c);
                int found = Arrays.binarySearch(codePoints, c);
                ids.add(found >= 0 ? codePointIds[found] : vocabulary.unknownId());
            }
            if (starts != null) {
                starts.add(start);
                ends.add(i);
            }
        }
    }

    /** The characters of the ids, special tokens as written ({@code <|unk|>} cannot give back what it replaced). */
    @Override
    public String decode(int[] ids) {
        StringBuilder text = new StringBuilder(ids.length);
        for (int id : ids) {
            text.append(vocabulary.entry(id));
        }
        return text.toString();
    }

    @Override
    public String tokenText(int id) {
        return vocabulary.entry(id);
    }

    @Override
    public int vocabSize() {
        return vocabulary.size();
    }

    @Override
    public OptionalInt endOfTextId() {
        return OptionalInt.of(vocabulary.endOfTextId());
    }

    @Override
    public OptionalInt unknownId() {
        return OptionalInt.of(vocabulary.unknownId());
    }

    @Override
    public String toString() {
        return "CharTokenizer(" + vocabulary.size() + " tokens)";
    }
}
