package org.attentionexplorer.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values computed with the book's Python code (section 2.3 and SimpleTokenizerV2 of section 2.4). */
class WordTokenizerTest {
    private static final String EOT = Tokenizer.END_OF_TEXT;
    private static final String UNK = Tokenizer.UNKNOWN;
    /** The book's example of section 2.2. */
    private static final String BOOK_TEXT = "Hello, world. Is this-- a test?";

    private static List<String> tokens(Tokenizer tokenizer, String text) {
        return Arrays.stream(tokenizer.encodeWithSpans(text).ids()).mapToObj(tokenizer::tokenText).toList();
    }

    @Test
    void splitsTheBooksExampleAsTheBookDoes() {
        WordTokenizer tokenizer = WordTokenizer.fromText(BOOK_TEXT);
        assertThat(tokens(tokenizer, BOOK_TEXT)).containsExactly("Hello", ",", "world", ".", "Is", "this", "--", "a", "test", "?");
    }

    @Test
    void theVocabularyIsTheSortedDistinctTokensThenEndOfTextAndUnknown() {
        WordTokenizer tokenizer = WordTokenizer.fromText(BOOK_TEXT);
        assertThat(tokenizer.vocabulary()).containsExactly(",", "--", ".", "?", "Hello", "Is", "a", "test", "this", "world", EOT, UNK);
        assertThat(tokenizer.endOfTextId()).hasValue(10);
        assertThat(tokenizer.unknownId()).hasValue(11);
        assertThat(tokenizer.kind()).isEqualTo("word");
    }

    @Test
    void encodesToTheBooksIdsAndDecodesAsTheBookDoes() {
        WordTokenizer tokenizer = WordTokenizer.fromText(BOOK_TEXT);
        int[] ids = tokenizer.encode(BOOK_TEXT);
        assertThat(ids).containsExactly(4, 0, 9, 2, 5, 8, 1, 6, 7, 3);
        // the book's decode removes the space before , . ? ! " ( ) ' but not before --
        assertThat(tokenizer.decode(ids)).isEqualTo("Hello, world. Is this -- a test?");
    }

    @Test
    void unknownWordsAreTheUnknownTokenAndEndOfTextIsOneToken() {
        WordTokenizer tokenizer = WordTokenizer.fromText(BOOK_TEXT);
        String text = "Hello, do you like tea? " + EOT + " Is this a test?";
        int[] ids = tokenizer.encode(text);
        assertThat(ids).containsExactly(4, 0, 11, 11, 11, 11, 3, 10, 5, 8, 6, 7, 3);
        assertThat(tokenizer.decode(ids)).isEqualTo("Hello, <|unk|> <|unk|> <|unk|> <|unk|>? <|endoftext|> Is this a test?");
    }

    @Test
    void endOfTextIsRecognisedWithoutSpacesAroundIt() {
        WordTokenizer tokenizer = WordTokenizer.fromText(BOOK_TEXT);
        Encoding encoding = tokenizer.encodeWithSpans("test" + EOT + "Hello");
        assertThat(encoding.ids()).containsExactly(7, 10, 4);
        assertThat(encoding.starts()).containsExactly(0, 4, 17);
        assertThat(encoding.ends()).containsExactly(4, 17, 22);
        assertThat(WordTokenizer.fromText("a" + EOT + "b").vocabulary()).containsExactly("a", "b", EOT, UNK);
    }

    @Test
    void spansPointIntoTheText() {
        WordTokenizer tokenizer = WordTokenizer.fromText(BOOK_TEXT);
        Encoding encoding = tokenizer.encodeWithSpans("  Hello,\tworld");
        assertThat(encoding.starts()).containsExactly(2, 7, 9);
        assertThat(encoding.ends()).containsExactly(7, 8, 14);
    }

    @Test
    void everyPunctuationOfTheBookIsAToken() {
        String text = "He said: \"yes\" (twice); don't_stop!";
        assertThat(tokens(WordTokenizer.fromText(text), text))
                .containsExactly("He", "said", ":", "\"", "yes", "\"", "(", "twice", ")", ";", "don", "'", "t", "_", "stop", "!");
        assertThat(WordTokenizer.fromText("mid-century").vocabulary()).containsExactly("mid-century", EOT, UNK); // one hyphen does not split
    }

    @Test
    void unicodeWhitespaceSplitsAsPythonsBackslashS() {
        WordTokenizer tokenizer = WordTokenizer.fromText("a\u00A0b\u2003c");
        assertThat(tokenizer.vocabulary()).containsExactly("a", "b", "c", EOT, UNK);
    }

    @Test
    void wordsAreSortedByCodePointAsPythonSortsThem() {
        WordTokenizer tokenizer = WordTokenizer.fromText("\uD83D\uDE00 \uFF5E a");
        assertThat(tokenizer.vocabulary()).startsWith("a", "\uFF5E", "\uD83D\uDE00");
    }

    @Test
    void writingTheUnknownTokenGivesItsId() {
        WordTokenizer tokenizer = WordTokenizer.fromText("a " + UNK + " b");
        assertThat(tokenizer.vocabulary()).containsExactly("a", "b", EOT, UNK);
        assertThat(tokenizer.encode(UNK + " a")).containsExactly(3, 0);
    }

    @Test
    void fromVocabularyGivesEachSymbolItsPositionAndAppendsTheSpecialTokens() {
        WordTokenizer tokenizer = WordTokenizer.fromVocabulary(List.of("3", "1", "2", "SEP", "."));
        assertThat(tokenizer.vocabulary()).containsExactly("3", "1", "2", "SEP", ".", EOT, UNK);
        assertThat(tokenizer.encode("1 2 3 SEP 3 2 1 4.")).containsExactly(1, 2, 0, 3, 0, 2, 1, 6, 4);
        WordTokenizer restored = WordTokenizer.fromVocabulary(List.of(EOT, "b", UNK, "a"));
        assertThat(restored.vocabulary()).containsExactly(EOT, "b", UNK, "a");
        assertThat(restored.encode("a c b")).containsExactly(3, 2, 1);
    }

    @Test
    void fromVocabularyRefusesEntriesTheSplitCouldNeverGiveBack() {
        assertThatThrownBy(() -> WordTokenizer.fromVocabulary(List.of("ok", "a.b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entry 1, \"a.b\", would be split into \"a\", \".\", \"b\", so it can never be one token");
        assertThatThrownBy(() -> WordTokenizer.fromVocabulary(List.of("two words")))
                .hasMessageContaining("would be split into \"two\", \"words\"");
        assertThatThrownBy(() -> WordTokenizer.fromVocabulary(List.of("")))
                .hasMessage("entry 0, \"\", is empty");
        assertThatThrownBy(() -> WordTokenizer.fromVocabulary(List.of(" \n")))
                .hasMessage("entry 0, \" \\n\", is only whitespace");
        assertThatThrownBy(() -> WordTokenizer.fromVocabulary(List.of("x", "x")))
                .hasMessage("entry 1, \"x\", repeats entry 0; every entry must be different");
    }

    @Test
    void anIdOutsideTheVocabularyIsABug() {
        WordTokenizer tokenizer = WordTokenizer.fromText("a");
        assertThatThrownBy(() -> tokenizer.decode(new int[] {3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("token id 3 is not in this vocabulary of 3 tokens (ids 0 to 2)");
    }
}
