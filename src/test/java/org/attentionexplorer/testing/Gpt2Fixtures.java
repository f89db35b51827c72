package org.attentionexplorer.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.attentionexplorer.math.FloatTensor;

/**
 * Tiny folders in Hugging Face's GPT-2 layout (config.json + model.safetensors) with random weights, written byte by
 * byte here (not by the explorer's writer) in F32, F16 or BF16, with or without the {@code transformer.} prefix.
 * Values have at most 8 significant bits, so every dtype stores them exactly.
 */
public final class Gpt2Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to write. */
    public record Spec(int vocabSize, int context, int embDim, int heads, int layers, String dtype, boolean prefix,
            boolean qkvBias, boolean tied, boolean maskBuffers) {
        /** 2 layers, vocabulary 50257 (GPT-2's tokenizer), context 16, width 16, 4 heads, GPT-2's choices. */
        public static Spec tiny(String dtype, boolean prefix) {
            return new Spec(50257, 16, 16, 4, 2, dtype, prefix, true, true, false);
        }

        public Spec withMaskBuffers() {
            return new Spec(vocabSize, context, embDim, heads, layers, dtype, prefix, qkvBias, tied, true);
        }

        public Spec untied() {
            return new Spec(vocabSize, context, embDim, heads, layers, dtype, prefix, qkvBias, false, maskBuffers);
        }
    }

    private Gpt2Fixtures() {
    }

    /** The weights of a spec (names without prefix, GPT-2's shapes), drawn from {@code seed}. */
    public static Map<String, FloatTensor> weights(Spec spec, long seed) {
        Random random = new Random(seed);
        int c = spec.embDim();
        // GPT-2's published layout, written out here rather than taken from GptModel.parameterShapes, so the import
        // tests do not check the model's layout against itself
        Map<String, int[]> shapes = new LinkedHashMap<>();
        shapes.put("wte.weight", new int[] {spec.vocabSize(), c});
        shapes.put("wpe.weight", new int[] {spec.context(), c});
        for (int i = 0; i < spec.layers(); i++) {
            String p = "h." + i + ".";
            shapes.put(p + "ln_1.weight", new int[] {c});
            shapes.put(p + "ln_1.bias", new int[] {c});
            shapes.put(p + "attn.c_attn.weight", new int[] {c, 3 * c});
            if (spec.qkvBias()) {
                shapes.put(p + "attn.c_attn.bias", new int[] {3 * c});
            }
            shapes.put(p + "attn.c_proj.weight", new int[] {c, c});
            shapes.put(p + "attn.c_proj.bias", new int[] {c});
            shapes.put(p + "ln_2.weight", new int[] {c});
            shapes.put(p + "ln_2.bias", new int[] {c});
            shapes.put(p + "mlp.c_fc.weight", new int[] {c, 4 * c});
            shapes.put(p + "mlp.c_fc.bias", new int[] {4 * c});
            shapes.put(p + "mlp.c_proj.weight", new int[] {4 * c, c});
            shapes.put(p + "mlp.c_proj.bias", new int[] {c});
        }
        shapes.put("ln_f.weight", new int[] {c});
        shapes.put("ln_f.bias", new int[] {c});
        if (!spec.tied()) {
            shapes.put("lm_head.weight", new int[] {spec.vocabSize(), c});
        }
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        shapes.forEach((name, shape) -> {
            float[] values = new float[(int) FloatTensor.elementCount(shape)];
            boolean gain = name.endsWith("ln_1.weight") || name.endsWith("ln_2.weight") || name.endsWith("ln_f.weight");
            for (int i = 0; i < values.length; i++) {
                int k = random.nextInt(255) - 127; // at most 8 significant bits: exact in BF16 and F16
                values[i] = gain ? 1 + (k % 16) / 128f : k / (name.contains("wte") || name.contains("wpe") ? 128f : 512f);
            }
            tensors.put(name, FloatTensor.of(shape, values));
        });
        return tensors;
    }

    /** Writes a folder of the spec's config and these weights; returns the folder. */
    public static Path write(Path folder, Spec spec, Map<String, FloatTensor> weights) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("config.json"), config(spec).toPrettyString());
        Map<String, FloatTensor> stored = new LinkedHashMap<>();
        weights.forEach((name, t) -> stored.put(spec.prefix() && !name.startsWith("lm_head") ? "transformer." + name : name, t));
        if (spec.maskBuffers()) {
            for (int i = 0; i < spec.layers(); i++) {
                String p = (spec.prefix() ? "transformer." : "") + "h." + i + ".attn.";
                stored.put(p + "bias", FloatTensor.of(new int[] {1, 1, spec.context(), spec.context()},
                        new float[spec.context() * spec.context()]));
                stored.put(p + "masked_bias", FloatTensor.of(new int[] {}, new float[] {-1e4f}));
            }
        }
        writeSafetensors(folder.resolve("model.safetensors"), stored, spec.dtype());
        return folder;
    }

    public static ObjectNode config(Spec spec) {
        ObjectNode node = JSON.createObjectNode();
        node.put("activation_function", "gelu_new");
        node.putArray("architectures").add("GPT2LMHeadModel");
        node.put("attn_pdrop", 0.1).put("embd_pdrop", 0.1).put("resid_pdrop", 0.1);
        node.put("layer_norm_epsilon", 1e-5).put("model_type", "gpt2");
        node.put("n_ctx", spec.context()).put("n_positions", spec.context());
        node.put("n_embd", spec.embDim()).put("n_head", spec.heads()).put("n_layer", spec.layers());
        node.put("vocab_size", spec.vocabSize());
        if (!spec.tied()) {
            node.put("tie_word_embeddings", false);
        }
        return node;
    }

    /** A safetensors file written by hand, in one dtype (F32, F16, BF16), with metadata {"format": "pt"}. */
    public static void writeSafetensors(Path file, Map<String, FloatTensor> tensors, String dtype) throws IOException {
        int bytes = dtype.equals("F32") ? 4 : 2;
        ObjectNode header = JSON.createObjectNode();
        header.putObject("__metadata__").put("format", "pt");
        long offset = 0;
        for (Map.Entry<String, FloatTensor> e : tensors.entrySet()) {
            ObjectNode info = header.putObject(e.getKey());
            info.put("dtype", dtype);
            var shape = info.putArray("shape");
            for (int d : e.getValue().shape()) {
                shape.add(d);
            }
            long end = offset + (long) e.getValue().size() * bytes;
            info.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json = JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate((int) (8 + json.length + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(json.length).put(json);
        for (FloatTensor t : tensors.values()) {
            for (float v : t.data()) {
                switch (dtype) {
                    case "F32" -> out.putFloat(v);
                    case "BF16" -> out.putShort((short) (Float.floatToRawIntBits(v) >>> 16));
                    case "F16" -> out.putShort(toF16(v));
                    default -> throw new IllegalArgumentException(dtype);
                }
            }
        }
        Files.write(file, out.array());
    }

    /** F16 bits of a float that F16 holds exactly (zero or a normal number with at most 11 significant bits). */
    static short toF16(float v) {
        if (v == 0) {
            return (short) (Float.floatToRawIntBits(v) >>> 16 & 0x8000);
        }
        int bits = Float.floatToRawIntBits(v);
        int sign = bits >>> 31;
        int exponent = ((bits >>> 23) & 0xff) - 127 + 15;
        int fraction = bits & 0x7fffff;
        if (exponent <= 0 || exponent >= 31 || (fraction & 0x1fff) != 0) {
            throw new IllegalArgumentException(v + " is not exact in F16");
        }
        return (short) (sign << 15 | exponent << 10 | fraction >>> 13);
    }
}
