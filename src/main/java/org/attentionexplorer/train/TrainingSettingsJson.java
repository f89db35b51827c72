package org.attentionexplorer.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Training settings as the JSON object a checkpoint keeps, so a resumed run trains exactly as it began. */
public final class TrainingSettingsJson {
    private TrainingSettingsJson() {
    }

    public static ObjectNode toJson(TrainingSettings s) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("steps", s.steps());
        node.put("learningRate", s.schedule().peak());
        node.put("minLearningRate", s.schedule().minLearningRate());
        node.put("warmupSteps", s.schedule().warmupSteps());
        node.put("scheduleSteps", s.schedule().totalSteps());
        node.put("schedule", s.schedule().cosine() ? "cosine" : "constant");
        node.put("weightDecay", s.weightDecay());
        node.put("beta1", s.beta1());
        node.put("beta2", s.beta2());
        node.put("gradClip", s.gradClip());
        node.put("evalInterval", s.evalInterval());
        node.put("evalBatches", s.evalBatches());
        node.put("sampleInterval", s.sampleInterval());
        node.put("samplePrompt", s.samplePrompt());
        node.put("sampleTokens", s.sampleTokens());
        node.put("checkpointInterval", s.checkpointInterval());
        node.put("seed", s.seed());
        return node;
    }

    /** The settings saved by {@link #toJson}; throws IllegalArgumentException naming a missing or bad field. */
    public static TrainingSettings fromJson(JsonNode node) {
        LearningRateSchedule schedule = new LearningRateSchedule(number(node, "learningRate"), number(node, "minLearningRate"),
                whole(node, "warmupSteps"), whole(node, "scheduleSteps"), "cosine".equals(text(node, "schedule")));
        return new TrainingSettings(whole(node, "steps"), schedule, number(node, "weightDecay"), number(node, "beta1"),
                number(node, "beta2"), number(node, "gradClip"), (int) whole(node, "evalInterval"), (int) whole(node, "evalBatches"),
                (int) whole(node, "sampleInterval"), text(node, "samplePrompt"), (int) whole(node, "sampleTokens"),
                (int) whole(node, "checkpointInterval"), whole(node, "seed"));
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException("training." + field + " is missing or not a number");
        }
        return value.asDouble();
    }

    private static long whole(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("training." + field + " is missing or not a whole number");
        }
        return value.longValue();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("training." + field + " is missing or not text");
        }
        return value.asText();
    }
}
