package org.attentionexplorer.attention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trace as one JSON document (schema in the README). Every matrix sits at the path of its key, e.g.
 * {@code simplified.attnScores} or {@code heads[1].keys}; masked scores are written as the string "-Infinity".
 */
public final class TraceJson {
    /** Raised when the shape of the document changes in a way that breaks readers. */
    public static final int SCHEMA_VERSION = 1;

    private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)]");

    private TraceJson() {
    }

    public static ObjectNode toJson(LessonTrace trace) {
        ObjectNode root = LessonJson.MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.set("lesson", LessonJson.toJson(trace.lesson()));
        root.put("dIn", trace.lesson().dIn());
        root.put("dK", trace.heads().get(0).keys().cols());
        root.put("dropoutScale", trace.dropoutScale());
        for (TraceEntry entry : TraceEntries.of(trace)) {
            JsonNode value = entry.vector() ? LessonJson.vector(entry.matrix().row(0)) : LessonJson.matrix(entry.matrix());
            put(root, entry.key(), value);
        }
        if (trace.versionCheck() != null) {
            ObjectNode check = (ObjectNode) root.get("versionCheck");
            check.put("module", trace.versionCheck().module().bookName());
            check.put("maxAbsDifference", trace.versionCheck().maxAbsDifference());
        }
        return root;
    }

    public static String toPrettyString(LessonTrace trace) {
        try {
            return LessonJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(trace));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values could not be written", e);
        }
    }

    /** Puts {@code value} at a dotted path such as {@code heads[1].keys}, creating objects and arrays on the way. */
    public static void put(ObjectNode root, String key, JsonNode value) {
        String[] parts = key.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            Matcher indexed = INDEXED.matcher(parts[i]);
            if (indexed.matches()) {
                ArrayNode array = node.has(indexed.group(1)) ? (ArrayNode) node.get(indexed.group(1)) : node.putArray(indexed.group(1));
                int index = Integer.parseInt(indexed.group(2));
                while (array.size() <= index) {
                    array.addObject();
                }
                if (last) {
                    array.set(index, value);
                } else {
                    node = (ObjectNode) array.get(index);
                }
            } else if (last) {
                node.set(parts[i], value);
            } else {
                node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
            }
        }
    }
}
