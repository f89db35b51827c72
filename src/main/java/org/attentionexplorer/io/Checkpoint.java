package org.attentionexplorer.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.attentionexplorer.math.FloatTensor;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.train.LossPoint;

/**
 * Everything needed to resume training or to use a trained model: the model's weights and config, the
 * tokenizer, the optimizer state and where training stood. Immutable: the maps and list are copied (tensors
 * are immutable themselves), and the JSON trees are copied in and out.
 *
 * <p>Tensor names are the model's and the optimizer's own, treated as opaque strings. Weight names may not
 * start with {@value #OPTIMIZER_PREFIX}, the prefix under which the file stores the optimizer state, nor be
 * {@code __metadata__}.
 *
 * @param config      the model's shape
 * @param tokenizer   how to rebuild the tokenizer: a JSON object the tokenizer writes and reads back
 * @param weights     the model's parameters by name (GPT-2 style, e.g. {@code h.0.attn.c_attn.weight}), in the model's order
 * @param optimizer   the optimizer's state by name (e.g. {@code m.wte.weight}, {@code v.wte.weight}), in its order
 * @param step        optimizer steps taken
 * @param tokensSeen  training tokens consumed
 * @param seed        the seed training started from
 * @param history     the loss history, oldest first
 * @param training    the training settings (learning rate, schedule, batch size, ...): a JSON object
 * @param appVersion  the version of Attention Explorer that wrote the checkpoint
 */
public record Checkpoint(
        GptConfig config,
        JsonNode tokenizer,
        Map<String, FloatTensor> weights,
        Map<String, FloatTensor> optimizer,
        long step,
        long tokensSeen,
        long seed,
        List<LossPoint> history,
        JsonNode training,
        String appVersion) {

    /** The prefix of the optimizer state's tensor names in a checkpoint file. */
    public static final String OPTIMIZER_PREFIX = "optimizer.";

    public Checkpoint {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(appVersion, "appVersion");
        tokenizer = jsonObject(tokenizer, "tokenizer");
        training = jsonObject(training, "training");
        weights = copy(weights, "weights");
        optimizer = copy(optimizer, "optimizer");
        for (String name : weights.keySet()) {
            if (name.startsWith(OPTIMIZER_PREFIX)) {
                throw new IllegalArgumentException("weight \"" + name + "\" starts with " + OPTIMIZER_PREFIX
                        + ", the prefix reserved for the optimizer state");
            }
        }
        if (weights.containsKey(SafetensorsHeader.METADATA_KEY)) {
            throw new IllegalArgumentException("a weight cannot be named " + SafetensorsHeader.METADATA_KEY);
        }
        nonNegative("step", step);
        nonNegative("tokensSeen", tokensSeen);
        history = List.copyOf(history);
        for (int i = 0; i < history.size(); i++) {
            LossPoint point = history.get(i);
            boolean validRate = Double.isFinite(point.learningRate()) && point.learningRate() >= 0;
            if (point.step() < 0 || point.tokensSeen() < 0 || !validRate) {
                throw new IllegalArgumentException("history point " + i + " needs step and tokensSeen of at least 0"
                        + " and a finite learningRate of at least 0: " + point);
            }
        }
    }

    /** A copy of the tokenizer's JSON object. */
    @Override
    public JsonNode tokenizer() {
        return tokenizer.deepCopy();
    }

    /** A copy of the training settings' JSON object. */
    @Override
    public JsonNode training() {
        return training.deepCopy();
    }

    private static JsonNode jsonObject(JsonNode node, String name) {
        Objects.requireNonNull(node, name);
        if (!node.isObject()) {
            throw new IllegalArgumentException(name + " must be a JSON object, got " + node.getNodeType());
        }
        return node.deepCopy();
    }

    private static Map<String, FloatTensor> copy(Map<String, FloatTensor> tensors, String name) {
        Map<String, FloatTensor> copy = new LinkedHashMap<>();
        tensors.forEach((key, value) -> copy.put(Objects.requireNonNull(key, () -> "a name in " + name + " is null"),
                Objects.requireNonNull(value, () -> name + " \"" + key + "\" is null")));
        return Collections.unmodifiableMap(copy);
    }

    private static void nonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be at least 0, got " + value);
        }
    }
}
