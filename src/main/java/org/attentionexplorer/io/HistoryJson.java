package org.attentionexplorer.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.attentionexplorer.train.LossPoint;

/**
 * A loss history as a JSON array of points, each an object with the fields of {@link LossPoint}:
 * {@code [{"step": 100, "tokensSeen": 51200, "trainLoss": 3.9, "valLoss": 4.1, "learningRate": 4.0E-4}, ...]}.
 * A loss that is not finite (NaN when there is no validation split, or a diverged run) is the string
 * {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"}, as JSON has no such numbers.
 */
final class HistoryJson {
    private HistoryJson() {
    }

    static ArrayNode toJson(List<LossPoint> history) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (LossPoint point : history) {
            ObjectNode node = array.addObject();
            node.put("step", point.step());
            node.put("tokensSeen", point.tokensSeen());
            putLoss(node, "trainLoss", point.trainLoss());
            putLoss(node, "valLoss", point.valLoss());
            node.put("learningRate", point.learningRate());
        }
        return array;
    }

    /**
     * The points of a JSON array.
     *
     * @throws IllegalArgumentException whose message names the point and field at fault
     */
    static List<LossPoint> fromJson(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException("must be a JSON array of loss points");
        }
        List<LossPoint> history = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode point = node.get(i);
            String where = "point " + i;
            if (!point.isObject()) {
                throw new IllegalArgumentException(where + ": must be an object with step, tokensSeen, trainLoss, valLoss"
                        + " and learningRate, got " + Json.snippet(point));
            }
            history.add(new LossPoint(
                    readCount(point, "step", where),
                    readCount(point, "tokensSeen", where),
                    readLoss(point, "trainLoss", where),
                    readLoss(point, "valLoss", where),
                    readLearningRate(point, where)));
        }
        return history;
    }

    private static void putLoss(ObjectNode node, String field, double loss) {
        if (Double.isFinite(loss)) {
            node.put(field, loss);
        } else {
            node.put(field, Double.toString(loss)); // "NaN", "Infinity", "-Infinity"
        }
    }

    private static JsonNode required(JsonNode point, String field, String where) {
        JsonNode value = point.get(field);
        if (value == null) {
            throw new IllegalArgumentException(where + ": " + field + " is missing");
        }
        return value;
    }

    private static long readCount(JsonNode point, String field, String where) {
        JsonNode value = required(point, field, where);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new IllegalArgumentException(where + ": " + field + " must be a whole number of at least 0, got "
                    + Json.snippet(value));
        }
        return value.longValue();
    }

    private static double readLoss(JsonNode point, String field, String where) {
        JsonNode value = required(point, field, where);
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            switch (value.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException(where + ": " + field + " must be a number, \"NaN\", \"Infinity\" or"
                + " \"-Infinity\", got " + Json.snippet(value));
    }

    private static double readLearningRate(JsonNode point, String where) {
        JsonNode value = required(point, "learningRate", where);
        if (!value.isNumber() || !Double.isFinite(value.doubleValue()) || value.doubleValue() < 0) {
            throw new IllegalArgumentException(where + ": learningRate must be a finite number of at least 0, got "
                    + Json.snippet(value));
        }
        return value.doubleValue();
    }
}
