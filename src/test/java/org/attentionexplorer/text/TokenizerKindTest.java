package org.attentionexplorer.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizerKindTest {
    @Test
    void eachKindMakesATokenizerOfThatKind() {
        for (TokenizerKind kind : TokenizerKind.values()) {
            Tokenizer tokenizer = kind.fromText("to be or not to be");
            assertThat(tokenizer.kind()).isEqualTo(kind.kind());
            assertThat(TokenizerKind.byKind(kind.kind())).contains(kind);
        }
    }

    @Test
    void charAndWordBuildTheirVocabularyFromTheTextAndGpt2HasItsOwn() {
        String text = "to be or not to be";
        assertThat(TokenizerKind.CHAR.fromText(text).vocabSize()).isEqualTo(9); // " ", b, e, n, o, r, t and 2 special
        assertThat(TokenizerKind.WORD.fromText(text).vocabSize()).isEqualTo(6); // be, not, or, to and 2 special
        assertThat(TokenizerKind.GPT2.fromText(text).vocabSize()).isEqualTo(50257);
    }

    @Test
    void kindsAreNamedForMessages() {
        assertThat(TokenizerKind.kinds()).isEqualTo("char, word, gpt2");
        assertThat(TokenizerKind.byKind("bpe")).isEmpty();
        assertThat(TokenizerKind.byKind("CHAR")).isEmpty();
    }
}
