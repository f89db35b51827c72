package org.attentionexplorer.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class TokenizerJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TRAINING = "Hello, world.\n\"Quotes\" and \\backslashes\\\ttabs, \uD83D\uDE00 and caf\u00E9. <|endoftext|> Next.";
    private static final String PROMPT = "Hello\tcaf\u00E9 \uD83D\uDE00 unknown? <|endoftext|>";

    /** Through the text of the JSON, as a checkpoint file would hold it. */
    private static Tokenizer roundTrip(Tokenizer tokenizer) throws Exception {
        String text = MAPPER.writeValueAsString(TokenizerJson.toJson(tokenizer));
        return TokenizerJson.fromJson(MAPPER.readTree(text));
    }

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    @Test
    void aCharTokenizerIsRestoredExactly() throws Exception {
        CharTokenizer saved = CharTokenizer.fromText(TRAINING);
        Tokenizer restored = roundTrip(saved);
        assertThat(restored).isInstanceOf(CharTokenizer.class);
        assertThat(((CharTokenizer) restored).vocabulary()).isEqualTo(saved.vocabulary());
        assertThat(restored.encode(PROMPT)).containsExactly(saved.encode(PROMPT)).contains(saved.unknownId().getAsInt());
    }

    @Test
    void aWordTokenizerIsRestoredExactly() throws Exception {
        WordTokenizer saved = WordTokenizer.fromText(TRAINING);
        Tokenizer restored = roundTrip(saved);
        assertThat(restored).isInstanceOf(WordTokenizer.class);
        assertThat(((WordTokenizer) restored).vocabulary()).isEqualTo(saved.vocabulary());
        assertThat(restored.encode(PROMPT)).containsExactly(saved.encode(PROMPT)).contains(saved.unknownId().getAsInt());
    }

    @Test
    void aGpt2TokenizerIsSavedByTheNameOfItsEncoding() throws Exception {
        ObjectNode node = TokenizerJson.toJson(new Gpt2Tokenizer());
        assertThat(node).isEqualTo(json("{\"kind\": \"gpt2\", \"encoding\": \"r50k_base\"}"));
        Tokenizer restored = roundTrip(new Gpt2Tokenizer());
        assertThat(restored.encode(PROMPT)).containsExactly(new Gpt2Tokenizer().encode(PROMPT));
    }

    @Test
    void theSavedFormIsTheKindAndTheVocabularyInIdOrder() throws Exception {
        assertThat(TokenizerJson.toJson(CharTokenizer.fromText("ba")))
                .isEqualTo(json("{\"kind\": \"char\", \"vocabulary\": [\"a\", \"b\", \"<|endoftext|>\", \"<|unk|>\"]}"));
        assertThat(TokenizerJson.toJson(WordTokenizer.fromText("b, a")))
                .isEqualTo(json("{\"kind\": \"word\", \"vocabulary\": [\",\", \"a\", \"b\", \"<|endoftext|>\", \"<|unk|>\"]}"));
    }

    @Test
    void aVocabularyInAnotherOrderKeepsItsIds() throws Exception {
        Tokenizer tokenizer = TokenizerJson.fromJson(json("{\"kind\": \"char\", \"vocabulary\": [\"<|unk|>\", \"b\", \"<|endoftext|>\", \"a\"]}"));
        assertThat(tokenizer.encode("abc")).containsExactly(3, 1, 0);
    }

    @Test
    void aBadObjectIsRefusedNamingTheField() {
        assertRefused("[1, 2]", null, "a tokenizer is a JSON object with a kind (char, word, gpt2)");
        assertRefused("{\"vocabulary\": []}", "kind", "missing: one of char, word, gpt2");
        assertRefused("{\"kind\": \"bpe\"}", "kind", "unknown kind \"bpe\"; one of char, word, gpt2");
        assertRefused("{\"kind\": 3}", "kind", "unknown kind 3; one of char, word, gpt2");
        assertRefused("{\"kind\": \"char\"}", "vocabulary", "missing: the list of every token, in id order");
        assertRefused("{\"kind\": \"char\", \"vocabulary\": \"abc\"}", "vocabulary", "must be a list of strings, got string");
        assertRefused("{\"kind\": \"word\", \"vocabulary\": [\"a\", \"b\", 7]}", "vocabulary[2]", "must be a string, got 7");
        assertRefused("{\"kind\": \"char\", \"vocabulary\": [\"a\", \"bc\", \"<|endoftext|>\", \"<|unk|>\"]}", "vocabulary",
                "entry 1, \"bc\", is 2 characters; each entry is one character");
        assertRefused("{\"kind\": \"word\", \"vocabulary\": [\"a\", \"<|unk|>\"]}", "vocabulary",
                "lacks <|endoftext|> or <|unk|>; a saved vocabulary lists every token, the special ones too");
        assertRefused("{\"kind\": \"char\", \"vocabulary\": [], \"encoding\": \"r50k_base\"}", "encoding",
                "unknown field for this kind; known fields are kind, vocabulary");
        assertRefused("{\"kind\": \"gpt2\"}", "encoding", "missing: GPT-2's is \"r50k_base\"");
        assertRefused("{\"kind\": \"gpt2\", \"encoding\": \"cl100k_base\"}", "encoding",
                "only \"r50k_base\" (GPT-2's) is supported, got \"cl100k_base\"");
    }

    private static void assertRefused(String text, String field, String problem) {
        assertThatThrownBy(() -> TokenizerJson.fromJson(json(text)))
                .as(text)
                .isInstanceOfSatisfying(TokenizerJsonException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.getMessage()).isEqualTo(field == null ? problem : field + ": " + problem);
                });
    }
}
