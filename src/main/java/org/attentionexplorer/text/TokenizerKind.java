package org.attentionexplorer.text;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The kinds of tokenizer, by the name a saved tokenizer, the command line and {@link Tokenizer#kind()} use. */
public enum TokenizerKind {
    /** One token per character; the vocabulary is the training text's characters. */
    CHAR(CharTokenizer.KIND, "one token per character; the vocabulary is the characters of the text",
            CharTokenizer::fromText),
    /** The book's SimpleTokenizerV2; the vocabulary is the training text's words and punctuation. */
    WORD(WordTokenizer.KIND, "words and punctuation, as the book's SimpleTokenizerV2; the vocabulary is those of the text",
            WordTokenizer::fromText),
    /** GPT-2's byte-pair encoding; a fixed vocabulary of 50,257 tokens. */
    GPT2(Gpt2Tokenizer.KIND, "GPT-2's byte-pair encoding (r50k_base), a fixed vocabulary of 50,257 tokens",
            text -> new Gpt2Tokenizer());

    private final String kind;
    private final String description;
    private final Function<String, Tokenizer> fromText;

    TokenizerKind(String kind, String description, Function<String, Tokenizer> fromText) {
        this.kind = kind;
        this.description = description;
        this.fromText = fromText;
    }

    /** {@code char}, {@code word} or {@code gpt2}. */
    public String kind() {
        return kind;
    }

    /** One line for a user choosing a tokenizer. */
    public String description() {
        return description;
    }

    /** A tokenizer of this kind for training on {@code text}: its vocabulary is built from the text (char, word) or fixed (gpt2). */
    public Tokenizer fromText(String text) {
        return fromText.apply(text);
    }

    public static Optional<TokenizerKind> byKind(String kind) {
        return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst();
    }

    /** The kinds, comma separated, for messages: {@code char, word, gpt2}. */
    public static String kinds() {
        return Arrays.stream(values()).map(TokenizerKind::kind).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return kind;
    }
}
