package org.attentionexplorer.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import org.attentionexplorer.model.GptConfig;

/**
 * {@link GptConfig} as a JSON object with one field per record component, by its name:
 * {@code {"vocabSize": 65, "contextLength": 12, "embDim": 32, "numHeads": 4, "numLayers": 2,
 * "dropRate": 0.0, "qkvBias": false, "tiedHead": false}}. Every field is required and no other is allowed,
 * so a config never silently loses or gains a meaning.
 */
public final class ConfigJson {
    /** The field names, in the order of the record's components. */
    static final List<String> FIELDS = List.of("vocabSize", "contextLength", "embDim", "numHeads", "numLayers",
            "dropRate", "qkvBias", "tiedHead");

    private ConfigJson() {
    }

    public static ObjectNode toJson(GptConfig config) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("vocabSize", config.vocabSize());
        node.put("contextLength", config.contextLength());
        node.put("embDim", config.embDim());
        node.put("numHeads", config.numHeads());
        node.put("numLayers", config.numLayers());
        node.put("dropRate", config.dropRate());
        node.put("qkvBias", config.qkvBias());
        node.put("tiedHead", config.tiedHead());
        return node;
    }

    /**
     * The config a JSON object describes.
     *
     * @throws IllegalArgumentException whose message starts with the field at fault, when a field is missing,
     *                                  unknown or of the wrong type, or the config breaks one of GptConfig's rules
     */
    public static GptConfig fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a config is a JSON object with " + String.join(", ", FIELDS));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(name + ": unknown field; the fields are " + String.join(", ", FIELDS));
            }
        }
        return new GptConfig(
                readInt(node, "vocabSize"),
                readInt(node, "contextLength"),
                readInt(node, "embDim"),
                readInt(node, "numHeads"),
                readInt(node, "numLayers"),
                readDouble(node, "dropRate"),
                readBoolean(node, "qkvBias"),
                readBoolean(node, "tiedHead"));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new IllegalArgumentException(field + ": missing");
        }
        return value;
    }

    private static int readInt(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException(field + ": must be a whole number, got " + Json.snippet(value));
        }
        return value.intValue();
    }

    private static double readDouble(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException(field + ": must be a number, got " + Json.snippet(value));
        }
        return value.doubleValue();
    }

    private static boolean readBoolean(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(field + ": must be true or false, got " + Json.snippet(value));
        }
        return value.booleanValue();
    }
}
