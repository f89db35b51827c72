package org.attentionexplorer.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Saves a tokenizer as a JSON object and restores it exactly (same ids for the same text), for checkpoints:
 * <pre>
 * {"kind": "char", "vocabulary": ["\n", " ", "!", ..., "&lt;|endoftext|&gt;", "&lt;|unk|&gt;"]}
 * {"kind": "word", "vocabulary": ["!", "\"", ..., "&lt;|endoftext|&gt;", "&lt;|unk|&gt;"]}
 * {"kind": "gpt2", "encoding": "r50k_base"}
 * </pre>
 * A vocabulary lists every token in id order. Reading a bad object throws a {@link TokenizerJsonException}
 * naming the field.
 */
public final class TokenizerJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TokenizerJson() {
    }

    /** The tokenizer as a JSON object. */
    public static ObjectNode toJson(Tokenizer tokenizer) {
        ObjectNode node = NODES.objectNode();
        node.put("kind", tokenizer.kind());
        if (tokenizer instanceof CharTokenizer chars) {
            putVocabulary(node, chars.vocabulary());
        } else if (tokenizer instanceof WordTokenizer words) {
            putVocabulary(node, words.vocabulary());
        } else if (tokenizer instanceof Gpt2Tokenizer) {
            node.put("encoding", Gpt2Tokenizer.ENCODING_NAME);
        } else {
            throw new IllegalArgumentException("cannot save a " + tokenizer.getClass().getName());
        }
        return node;
    }

    /** The tokenizer a JSON object describes. */
    public static Tokenizer fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new TokenizerJsonException(null, "a tokenizer is a JSON object with a kind (" + TokenizerKind.kinds() + ")");
        }
        JsonNode kindNode = node.get("kind");
        if (kindNode == null) {
            throw new TokenizerJsonException("kind", "missing: one of " + TokenizerKind.kinds());
        }
        TokenizerKind kind = (kindNode.isTextual() ? TokenizerKind.byKind(kindNode.asText()) : Optional.<TokenizerKind>empty())
                .orElseThrow(() -> new TokenizerJsonException("kind", "unknown kind " + kindNode + "; one of " + TokenizerKind.kinds()));
        return switch (kind) {
            case CHAR -> {
                checkKnownFields(node, Set.of("kind", "vocabulary"));
                yield withVocabulary(node, CharTokenizer::fromVocabulary);
            }
            case WORD -> {
                checkKnownFields(node, Set.of("kind", "vocabulary"));
                yield withVocabulary(node, WordTokenizer::fromVocabulary);
            }
            case GPT2 -> {
                checkKnownFields(node, Set.of("kind", "encoding"));
                JsonNode encoding = node.get("encoding");
                if (encoding == null) {
                    throw new TokenizerJsonException("encoding", "missing: GPT-2's is \"" + Gpt2Tokenizer.ENCODING_NAME + "\"");
                }
                if (!encoding.isTextual() || !encoding.asText().equals(Gpt2Tokenizer.ENCODING_NAME)) {
                    throw new TokenizerJsonException("encoding", "only \"" + Gpt2Tokenizer.ENCODING_NAME
                            + "\" (GPT-2's) is supported, got " + encoding);
                }
                yield new Gpt2Tokenizer();
            }
        };
    }

    private static Tokenizer withVocabulary(JsonNode node, Function<List<String>, Tokenizer> factory) {
        JsonNode array = node.get("vocabulary");
        if (array == null) {
            throw new TokenizerJsonException("vocabulary", "missing: the list of every token, in id order");
        }
        if (!array.isArray()) {
            throw new TokenizerJsonException("vocabulary", "must be a list of strings, got " + array.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        List<String> entries = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                throw new TokenizerJsonException("vocabulary[" + i + "]", "must be a string, got " + array.get(i));
            }
            entries.add(array.get(i).asText());
        }
        Tokenizer tokenizer;
        try {
            tokenizer = factory.apply(entries);
        } catch (IllegalArgumentException e) {
            throw new TokenizerJsonException("vocabulary", e.getMessage(), e);
        }
        if (tokenizer.vocabSize() != entries.size()) {
            throw new TokenizerJsonException("vocabulary", "lacks " + Tokenizer.END_OF_TEXT + " or " + Tokenizer.UNKNOWN
                    + "; a saved vocabulary lists every token, the special ones too");
        }
        return tokenizer;
    }

    private static void putVocabulary(ObjectNode node, List<String> vocabulary) {
        ArrayNode array = node.putArray("vocabulary");
        vocabulary.forEach(array::add);
    }

    private static void checkKnownFields(JsonNode node, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new TokenizerJsonException(name, "unknown field for this kind; known fields are "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
    }
}
