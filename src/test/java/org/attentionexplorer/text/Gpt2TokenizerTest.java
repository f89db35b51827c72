package org.attentionexplorer.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Gpt2TokenizerTest {
    private static final Gpt2Tokenizer GPT2 = new Gpt2Tokenizer();
    /** Section 2.5 of the book. */
    private static final String BOOK_TEXT = "Hello, do you like tea? <|endoftext|> In the sunlit terraces of someunknownPlace.";
    private static final int[] BOOK_IDS = {15496, 11, 466, 345, 588, 8887, 30, 220, 50256, 554, 262, 4252, 18250, 8812, 2114,
        286, 617, 34680, 27271, 13};
    /** U+1F600, grinning face: four bytes in UTF-8, two chars in Java. */
    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void encodesTheBooksExampleToTheBooksIds() {
        assertThat(GPT2.encode(BOOK_TEXT)).containsExactly(BOOK_IDS);
        assertThat(GPT2.decode(BOOK_IDS)).isEqualTo(BOOK_TEXT);
    }

    @Test
    void theVocabularyIsGpt2s() {
        assertThat(GPT2.vocabSize()).isEqualTo(50257);
        assertThat(GPT2.endOfTextId()).hasValue(50256);
        assertThat(GPT2.unknownId()).isEmpty();
        assertThat(GPT2.tokenText(50256)).isEqualTo("<|endoftext|>");
        assertThat(GPT2.kind()).isEqualTo("gpt2");
    }

    @Test
    void theSpansOfTheBooksExampleCoverItInOrder() {
        Encoding encoding = GPT2.encodeWithSpans(BOOK_TEXT);
        assertThat(encoding.ids()).containsExactly(BOOK_IDS);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < encoding.size(); i++) {
            String covered = BOOK_TEXT.substring(encoding.starts()[i], encoding.ends()[i]);
            assertThat(covered).as("token %d", i).isEqualTo(GPT2.tokenText(encoding.ids()[i]));
            joined.append(covered);
        }
        assertThat(joined.toString()).isEqualTo(BOOK_TEXT);
        assertThat(encoding.starts()[8]).isEqualTo(24);
        assertThat(encoding.ends()[8]).isEqualTo(37);
    }

    @Test
    void endOfTextIsOneTokenEvenWithoutSpaces() {
        assertThat(GPT2.encode("a<|endoftext|>b")).containsExactly(64, 50256, 65);
        assertThat(GPT2.encode("<|endoftext|><|endoftext|>")).containsExactly(50256, 50256);
    }

    @Test
    void aTokenWithPartOfACharacterSpansTheWholeCharacterAndShowsItsBytes() {
        // " 😀" is two tokens: a space with the emoji's first three bytes, then its last byte
        Encoding encoding = GPT2.encodeWithSpans("a " + EMOJI + "!");
        assertThat(encoding.ids()).containsExactly(64, 30325, 222, 0);
        assertThat(encoding.starts()).containsExactly(0, 1, 2, 4);
        assertThat(encoding.ends()).containsExactly(1, 4, 4, 5);
        assertThat(GPT2.tokenText(30325)).isEqualTo(" <0xF0><0x9F><0x98>");
        assertThat(GPT2.tokenText(222)).isEqualTo("<0x80>");
        assertThat(GPT2.decode(encoding.ids())).isEqualTo("a " + EMOJI + "!");
        assertThat(GPT2.decode(new int[] {30325})).startsWith(" ").contains("\uFFFD");
    }

    @Test
    void spansAdvanceThroughAMixedScriptText() {
        String text = "héllo " + EMOJI + " 日本語 naïve\tτέλος";
        Encoding encoding = GPT2.encodeWithSpans(text);
        int[] starts = encoding.starts();
        int[] ends = encoding.ends();
        assertThat(starts[0]).isZero();
        assertThat(ends[encoding.size() - 1]).isEqualTo(text.length());
        for (int i = 0; i < encoding.size(); i++) {
            assertThat(starts[i]).as("start of token %d", i).isLessThan(ends[i]);
            if (i > 0) {
                assertThat(starts[i]).as("start of token %d", i).isBetween(starts[i - 1], ends[i - 1]);
            }
        }
        assertThat(GPT2.decode(encoding.ids())).isEqualTo(text);
    }

    @Test
    void aLoneSurrogateBecomesAQuestionMarkAsInJtokkitWithoutBreakingTheSpans() {
        Encoding encoding = GPT2.encodeWithSpans("a\uD800b");
        assertThat(encoding.ids()).containsExactly(64, 30, 65);
        assertThat(encoding.starts()).containsExactly(0, 1, 2);
        assertThat(encoding.ends()).containsExactly(1, 2, 3);
    }

    @Test
    void everyTokenHasATextThatIsItsBytesOrShowsThePartialOnes() {
        int partial = 0;
        for (int id = 0; id < GPT2.vocabSize(); id++) {
            String text = GPT2.tokenText(id);
            if (text.contains("<0x")) {
                partial++;
                assertThat(text).as("token %d", id).containsPattern("<0x[0-9A-F]{2}>");
            } else {
                assertThat(text.getBytes(StandardCharsets.UTF_8)).as("token %d", id).isEqualTo(GPT2.tokenBytes(id));
            }
        }
        // at least the 128 tokens that are a single byte from 0x80 to 0xFF, which is no character on its own
        assertThat(partial).as("tokens with part of a character").isBetween(128, 1000);
    }

    @Test
    void anIdOutsideTheVocabularyIsABug() {
        assertThatThrownBy(() -> GPT2.decode(new int[] {50257}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("token id 50257 is not a GPT-2 token (ids 0 to 50256)");
        assertThatThrownBy(() -> GPT2.tokenText(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
