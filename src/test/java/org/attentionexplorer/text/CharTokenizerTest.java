package org.attentionexplorer.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CharTokenizerTest {
    private static final String EOT = Tokenizer.END_OF_TEXT;
    private static final String UNK = Tokenizer.UNKNOWN;

    @Test
    void theVocabularyIsTheSortedDistinctCharactersThenTheSpecialTokens() {
        CharTokenizer tokenizer = CharTokenizer.fromText("hello");
        assertThat(tokenizer.vocabulary()).containsExactly("e", "h", "l", "o", EOT, UNK);
        assertThat(tokenizer.vocabSize()).isEqualTo(6);
        assertThat(tokenizer.endOfTextId()).hasValue(4);
        assertThat(tokenizer.unknownId()).hasValue(5);
        assertThat(tokenizer.kind()).isEqualTo("char");
    }

    @Test
    void encodesEachCharacterAndDecodesBack() {
        CharTokenizer tokenizer = CharTokenizer.fromText("hello");
        assertThat(tokenizer.encode("hello")).containsExactly(1, 0, 2, 2, 3);
        assertThat(tokenizer.decode(new int[] {1, 0, 2, 2, 3})).isEqualTo("hello");
        assertThat(tokenizer.tokenText(3)).isEqualTo("o");
    }

    @Test
    void anUnknownCharacterIsTheUnknownToken() {
        CharTokenizer tokenizer = CharTokenizer.fromText("hello");
        assertThat(tokenizer.encode("hex!")).containsExactly(1, 0, 5, 5);
        assertThat(tokenizer.decode(tokenizer.encode("hex"))).isEqualTo("he" + UNK);
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsOneTokenSpanningItsTwoChars() {
        CharTokenizer tokenizer = CharTokenizer.fromText("a\uD83D\uDE00b"); // a, U+1F600 (grinning face), b
        assertThat(tokenizer.vocabulary()).containsExactly("a", "b", "\uD83D\uDE00", EOT, UNK);
        Encoding encoding = tokenizer.encodeWithSpans("\uD83D\uDE00a");
        assertThat(encoding.ids()).containsExactly(2, 0);
        assertThat(encoding.starts()).containsExactly(0, 2);
        assertThat(encoding.ends()).containsExactly(2, 3);
        assertThat(tokenizer.decode(encoding.ids())).isEqualTo("\uD83D\uDE00a");
    }

    @Test
    void charactersAreSortedByCodePointAsPythonSortsThem() {
        // U+FF5E is one UTF-16 unit above the surrogates that make U+1F600; by code point it comes first.
        CharTokenizer tokenizer = CharTokenizer.fromText("\uD83D\uDE00\uFF5Ea");
        assertThat(tokenizer.vocabulary()).startsWith("a", "\uFF5E", "\uD83D\uDE00");
    }

    @Test
    void endOfTextWrittenInTheTextIsOneTokenAndNotPartOfTheCharacters() {
        CharTokenizer tokenizer = CharTokenizer.fromText("ab" + EOT + "ba");
        assertThat(tokenizer.vocabulary()).containsExactly("a", "b", EOT, UNK);
        Encoding encoding = tokenizer.encodeWithSpans("a" + EOT + "b");
        assertThat(encoding.ids()).containsExactly(0, 2, 1);
        assertThat(encoding.starts()).containsExactly(0, 1, 14);
        assertThat(encoding.ends()).containsExactly(1, 14, 15);
    }

    @Test
    void aLoneSurrogateIsNeverInTheVocabularyAndEncodesAsUnknown() {
        CharTokenizer tokenizer = CharTokenizer.fromText("a\uD800");
        assertThat(tokenizer.vocabulary()).containsExactly("a", EOT, UNK);
        assertThat(tokenizer.encode("\uD800a")).containsExactly(2, 0);
    }

    @Test
    void anEmptyTextGivesNoTokensAndAVocabularyOfTheSpecialTokens() {
        CharTokenizer tokenizer = CharTokenizer.fromText("");
        assertThat(tokenizer.vocabulary()).containsExactly(EOT, UNK);
        assertThat(tokenizer.encode("")).isEmpty();
        assertThat(tokenizer.encode("x")).containsExactly(1);
    }

    @Test
    void fromVocabularyKeepsTheOrderAndAppendsMissingSpecialTokens() {
        CharTokenizer restored = CharTokenizer.fromVocabulary(List.of(UNK, "z", "a"));
        assertThat(restored.vocabulary()).containsExactly(UNK, "z", "a", EOT);
        assertThat(restored.encode("az?")).containsExactly(2, 1, 0);
    }

    @Test
    void fromVocabularyRefusesEntriesThatAreNotOneCharacter() {
        assertThatThrownBy(() -> CharTokenizer.fromVocabulary(List.of("a", "ab")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entry 1, \"ab\", is 2 characters; each entry is one character");
        assertThatThrownBy(() -> CharTokenizer.fromVocabulary(List.of("")))
                .hasMessage("entry 0, \"\", is empty; each entry is one character");
        assertThatThrownBy(() -> CharTokenizer.fromVocabulary(List.of("a", "b", "a")))
                .hasMessage("entry 2, \"a\", repeats entry 0; every entry must be different");
        assertThatThrownBy(() -> CharTokenizer.fromVocabulary(List.of("\uDC00")))
                .hasMessage("entry 0, \"\\uDC00\", is half of a surrogate pair, not a character");
    }

    @Test
    void anIdOutsideTheVocabularyIsABug() {
        CharTokenizer tokenizer = CharTokenizer.fromText("ab");
        assertThatThrownBy(() -> tokenizer.decode(new int[] {0, 4}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("token id 4 is not in this vocabulary of 4 tokens (ids 0 to 3)");
        assertThatThrownBy(() -> tokenizer.tokenText(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theVocabularyCannotBeChangedFromOutside() {
        CharTokenizer tokenizer = CharTokenizer.fromText("ab");
        assertThatThrownBy(() -> tokenizer.vocabulary().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }
}
