package org.attentionexplorer.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.attentionexplorer.model.GptConfig;

/**
 * The {@code config.json} of a Hugging Face GPT-2 folder, read into a {@link GptConfig} and written from one.
 *
 * <pre>
 * n_embd, n_head, n_layer        embDim, numHeads, numLayers
 * n_positions (or n_ctx)         contextLength
 * vocab_size                     vocabSize
 * resid_pdrop                    dropRate (default 0.1, as GPT-2)
 * tie_word_embeddings            tiedHead (default true, as GPT-2)
 * layer_norm_epsilon             must be 1e-5 (the explorer's LayerNorm)
 * activation_function            must be gelu_new or gelu_pytorch_tanh (GELU's tanh approximation)
 * n_inner                        must be null or 4 * n_embd
 * model_type                     must be gpt2 when present
 * </pre>
 *
 * Other fields (architectures, bos_token_id, task_specific_params, ...) are ignored. Whether the query, key and value
 * projections have biases is not in config.json: GPT-2 always has them, and the reader takes it from the tensors.
 * Problems are {@link IllegalArgumentException}s whose message starts with the field.
 */
public final class Gpt2ConfigJson {
    /** GPT-2's LayerNorm epsilon; the explorer's LayerNorm uses the same. */
    static final double LAYER_NORM_EPSILON = 1e-5;
    private static final List<String> ACTIVATIONS = List.of("gelu_new", "gelu_pytorch_tanh");

    private Gpt2ConfigJson() {
    }

    /**
     * The config of a config.json tree; {@code qkvBias} is given by the caller (from the tensors).
     *
     * @throws IllegalArgumentException naming the field, for a missing, mistyped or unsupported one
     */
    public static GptConfig fromJson(JsonNode node, boolean qkvBias) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("is not a JSON object; a GPT-2 config.json has n_embd, n_head, n_layer, n_positions and vocab_size");
        }
        JsonNode type = node.get("model_type");
        if (type != null && !(type.isTextual() && type.textValue().equals("gpt2"))) {
            throw new IllegalArgumentException("model_type: is " + Json.snippet(type) + "; only \"gpt2\" models can be opened");
        }
        int embDim = positiveInt(node, "n_embd", null);
        int numHeads = positiveInt(node, "n_head", null);
        int numLayers = positiveInt(node, "n_layer", null);
        int vocabSize = positiveInt(node, "vocab_size", null);
        int contextLength = node.has("n_positions") ? positiveInt(node, "n_positions", null) : positiveInt(node, "n_ctx", "n_positions");
        if (embDim % numHeads != 0) {
            throw new IllegalArgumentException("n_embd: " + embDim + " is not divisible by n_head " + numHeads);
        }
        JsonNode inner = node.get("n_inner");
        if (inner != null && !inner.isNull() && !(inner.isIntegralNumber() && inner.longValue() == 4L * embDim)) {
            throw new IllegalArgumentException("n_inner: is " + Json.snippet(inner) + "; the explorer's feed-forward layer is 4 * n_embd = "
                    + 4 * embDim + " wide (or null)");
        }
        JsonNode epsilon = node.get("layer_norm_epsilon");
        if (epsilon != null && !(epsilon.isNumber() && Math.abs(epsilon.doubleValue() - LAYER_NORM_EPSILON) <= 1e-12)) {
            throw new IllegalArgumentException("layer_norm_epsilon: is " + Json.snippet(epsilon) + "; the explorer's LayerNorm uses 1e-05, as GPT-2");
        }
        JsonNode activation = node.get("activation_function");
        if (activation != null && !(activation.isTextual() && ACTIVATIONS.contains(activation.textValue()))) {
            throw new IllegalArgumentException("activation_function: is " + Json.snippet(activation)
                    + "; the explorer computes GELU's tanh approximation, which is " + String.join(" or ", ACTIVATIONS));
        }
        double dropRate = 0.1;
        JsonNode drop = node.get("resid_pdrop");
        if (drop != null) {
            if (!drop.isNumber() || !(drop.doubleValue() >= 0 && drop.doubleValue() < 1)) {
                throw new IllegalArgumentException("resid_pdrop: must be a number from 0 to below 1, got " + Json.snippet(drop));
            }
            dropRate = drop.doubleValue();
        }
        boolean tied = true;
        JsonNode tie = node.get("tie_word_embeddings");
        if (tie != null) {
            if (!tie.isBoolean()) {
                throw new IllegalArgumentException("tie_word_embeddings: must be true or false, got " + Json.snippet(tie));
            }
            tied = tie.booleanValue();
        }
        return new GptConfig(vocabSize, contextLength, embDim, numHeads, numLayers, dropRate, qkvBias, tied);
    }

    /**
     * The config.json of a model written in GPT-2's layout: what Hugging Face's GPT2LMHeadModel reads (the query, key
     * and value biases are always written, as zeros for a model without them).
     */
    public static ObjectNode toJson(GptConfig config) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.putArray("architectures").add("GPT2LMHeadModel");
        node.put("model_type", "gpt2");
        node.put("activation_function", "gelu_new");
        node.put("n_embd", config.embDim());
        node.put("n_head", config.numHeads());
        node.put("n_layer", config.numLayers());
        node.put("n_positions", config.contextLength());
        node.put("n_ctx", config.contextLength());
        node.putNull("n_inner");
        node.put("vocab_size", config.vocabSize());
        node.put("layer_norm_epsilon", LAYER_NORM_EPSILON);
        node.put("resid_pdrop", config.dropRate());
        node.put("embd_pdrop", config.dropRate());
        node.put("attn_pdrop", config.dropRate());
        node.put("initializer_range", 0.02);
        node.put("tie_word_embeddings", config.tiedHead());
        node.put("scale_attn_weights", true);
        node.put("use_cache", true);
        if (config.vocabSize() == 50257) {
            node.put("bos_token_id", 50256);
            node.put("eos_token_id", 50256);
        }
        return node;
    }

    private static int positiveInt(JsonNode node, String field, String alternative) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new IllegalArgumentException((alternative == null ? field : alternative) + ": missing"
                    + (alternative == null ? "" : String.format(Locale.ROOT, " (and no %s either)", field)));
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            throw new IllegalArgumentException(field + ": must be a whole number of at least 1, got " + Json.snippet(value));
        }
        return value.intValue();
    }
}
