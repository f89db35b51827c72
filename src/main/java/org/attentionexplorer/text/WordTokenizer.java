package org.attentionexplorer.text;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The book's word-level tokenizer, SimpleTokenizerV2 (section 2.4): a text is split at whitespace and at the
 * punctuation {@code , . : ; ? _ ! " ( ) '} and {@code --}; the punctuation are tokens, the whitespace is
 * dropped. The vocabulary is the distinct tokens of a training text, sorted as Python's {@code sorted()}
 * sorts them, then {@code <|endoftext|>} and {@code <|unk|>}; a word the vocabulary lacks is {@code <|unk|>}.
 *
 * <p>{@code <|endoftext|>} written in a text is one token even without spaces around it. Whitespace is
 * Unicode's (Python's {@code \s} on text), not only ASCII's.
 */
public final class WordTokenizer implements Tokenizer {
    public static final String KIND = "word";

    /** The book's {@code re.split(r'([,.:;?_!"()\']|--|\s)', text)}. */
    private static final Pattern SPLIT = Pattern.compile("[,.:;?_!\"()']|--|\\s", Pattern.UNICODE_CHARACTER_CLASS);
    private static final String PUNCTUATION = ",.:;?_!\"()'";
    /** The book's decode: {@code re.sub(r'\s+([,.?!"()\'])', r'\1', text)}. */
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("\\s+([,.?!\"()'])");

    private final Vocabulary vocabulary;

    private WordTokenizer(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The tokenizer whose vocabulary is the distinct tokens of {@code trainingText}, sorted, then the two special tokens. */
    public static WordTokenizer fromText(String trainingText) {
        TreeSet<String> distinct = new TreeSet<>(Vocabulary::compareByCodePoint);
        split(trainingText, (start, end, special) -> {
            if (!special) {
                distinct.add(trainingText.substring(start, end));
            }
        });
        distinct.remove(UNKNOWN); // appended after the words, as in the book
        return fromVocabulary(new ArrayList<>(distinct));
    }

    /**
     * The tokenizer with exactly this vocabulary (entry i has id i): for restoring a saved one, and for
     * synthetic tasks whose symbols are given. {@code <|endoftext|>} and {@code <|unk|>} are appended when
     * missing, in that order. Each other entry must be something the split can give back whole: not empty, no
     * whitespace, and no punctuation unless it is one punctuation token; none repeated. Otherwise an
     * {@link IllegalArgumentException} says which entry is wrong.
     */
    public static WordTokenizer fromVocabulary(List<String> vocabulary) {
        return new WordTokenizer(Vocabulary.of(vocabulary, WordTokenizer::problemWith));
    }

    private static String problemWith(String entry) {
        List<String> pieces = new ArrayList<>();
        split(entry, (start, end, special) -> pieces.add(entry.substring(start, end)));
        if (pieces.size() == 1 && pieces.get(0).equals(entry)) {
            return null;
        }
        if (pieces.isEmpty()) {
            return entry.isEmpty() ? "is empty" : "is only whitespace";
        }
        List<String> quoted = pieces.stream().map(TokenLabels::quote).toList();
        return "would be split into " + String.join(", ", quoted) + ", so it can never be one token";
    }

    /** Every entry in id order: the words and punctuation, then the special tokens. */
    public List<String> vocabulary() {
        return vocabulary.entries();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int[] encode(String text) {
        IntList ids = new IntList(text.length() / 4);
        split(text, (start, end, special) -> ids.add(idOf(text, start, end, special)));
        return ids.toArray();
    }

    @Override
    public Encoding encodeWithSpans(String text) {
        IntList ids = new IntList(text.length() / 4);
        IntList starts = new IntList(text.length() / 4);
        IntList ends = new IntList(text.length() / 4);
        split(text, (start, end, special) -> {
            ids.add(idOf(text, start, end, special));
            starts.add(start);
            ends.add(end);
        });
        return new Encoding(ids.toArray(), starts.toArray(), ends.toArray());
    }

    private int idOf(String text, int start, int end, boolean special) {
        return special ? vocabulary.endOfTextId() : vocabulary.idOrUnknown(text.substring(start, end));
    }

    /** The tokens joined by spaces, without the space before {@code , . ? ! " ( ) '} (the book's decode, as it is). */
    @Override
    public String decode(int[] ids) {
        List<String> tokens = new ArrayList<>(ids.length);
        for (int id : ids) {
            tokens.add(vocabulary.entry(id));
        }
        return SPACE_BEFORE_PUNCTUATION.matcher(String.join(" ", tokens)).replaceAll("$1");
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
        return "WordTokenizer(" + vocabulary.size() + " tokens)";
    }

    /** Receives the tokens of a text in order, as spans; {@code special} marks a written {@code <|endoftext|>}. */
    @FunctionalInterface
    private interface TokenSink {
        void accept(int start, int end, boolean special);
    }

    /** Splits a text into its tokens: at each {@code <|endoftext|>}, then each part as the book splits it. */
    private static void split(String text, TokenSink sink) {
        Matcher matcher = SPLIT.matcher(text);
        int from = 0;
        while (true) {
            int special = text.indexOf(END_OF_TEXT, from);
            int to = special < 0 ? text.length() : special;
            splitPart(text, matcher.region(from, to), from, to, sink);
            if (special < 0) {
                return;
            }
            sink.accept(special, special + END_OF_TEXT.length(), true);
            from = special + END_OF_TEXT.length();
        }
    }

    private static void splitPart(String text, Matcher matcher, int from, int to, TokenSink sink) {
        int pieceStart = from;
        while (matcher.find()) {
            if (matcher.start() > pieceStart) {
                sink.accept(pieceStart, matcher.start(), false);
            }
            boolean whitespace = matcher.end() - matcher.start() == 1 && PUNCTUATION.indexOf(text.charAt(matcher.start())) < 0;
            if (!whitespace) {
                sink.accept(matcher.start(), matcher.end(), false);
            }
            pieceStart = matcher.end();
        }
        if (to > pieceStart) {
            sink.accept(pieceStart, to, false);
        }
    }
}
