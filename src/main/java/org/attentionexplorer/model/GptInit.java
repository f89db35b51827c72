package org.attentionexplorer.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attentionexplorer.random.TorchGenerator;
import org.attentionexplorer.random.TorchInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** How a new model's weights are drawn. */
public enum GptInit {
    /**
     * GPT-2's scheme (as nanoGPT): weights and embeddings normal(0, 0.02), the two residual projections
     * (attn.c_proj, mlp.c_proj) normal(0, 0.02 / sqrt(2 L)), biases 0, LayerNorm scale 1 and shift 0.
     */
    GPT2,
    /**
     * Exactly as the book's {@code GPTModel(cfg)} draws its weights after {@code torch.manual_seed(seed)}: modules in
     * construction order (token embedding, position embedding, then per block W_query, W_key, W_value, out_proj,
     * the feed-forward's two Linear layers; finally out_head without bias), each with PyTorch's initialisation.
     */
    TORCH;

    /** A new model of this config, drawn from {@code seed}. */
    public GptModel create(GptConfig config, long seed, DataType dataType) {
        return this == GPT2 ? gpt2(config, seed, dataType) : torch(config, seed, dataType);
    }

    private static GptModel gpt2(GptConfig config, long seed, DataType dataType) {
        TorchGenerator generator = new TorchGenerator(seed);
        double residualStd = 0.02 / Math.sqrt(2.0 * config.numLayers());
        Map<String, INDArray> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> entry : GptModel.parameterShapes(config).entrySet()) {
            String name = entry.getKey();
            int[] shape = entry.getValue();
            long[] longShape = GptModel.toLong(shape);
            INDArray value;
            if (name.contains("ln_") && name.endsWith(".weight")) {
                value = Nd4j.ones(dataType, longShape);
            } else if (name.endsWith(".bias")) {
                value = Nd4j.zeros(dataType, longShape);
            } else {
                double std = name.endsWith("c_proj.weight") ? residualStd : 0.02;
                int n = Math.toIntExact(org.attentionexplorer.math.FloatTensor.elementCount(shape));
                value = Nd4j.create(generator.normal(n, 0, std), longShape, 'c').castTo(dataType);
            }
            parameters.put(name, value);
        }
        return new GptModel(config, dataType, parameters);
    }

    private static GptModel torch(GptConfig config, long seed, DataType dataType) {
        TorchGenerator generator = new TorchGenerator(seed);
        int c = config.embDim();
        Map<String, INDArray> p = new LinkedHashMap<>();
        p.put("wte.weight", array(TorchInit.embedding(generator, config.vocabSize(), c), dataType));
        p.put("wpe.weight", array(TorchInit.embedding(generator, config.contextLength(), c), dataType));
        for (int i = 0; i < config.numLayers(); i++) {
            String n = "h." + i + ".";
            TorchInit.Linear query = TorchInit.linear(generator, c, c, config.qkvBias());
            TorchInit.Linear key = TorchInit.linear(generator, c, c, config.qkvBias());
            TorchInit.Linear value = TorchInit.linear(generator, c, c, config.qkvBias());
            TorchInit.Linear outProj = TorchInit.linear(generator, c, c, true);
            TorchInit.Linear fc = TorchInit.linear(generator, c, 4 * c, true);
            TorchInit.Linear proj = TorchInit.linear(generator, 4 * c, c, true);
            p.put(n + "ln_1.weight", Nd4j.ones(dataType, c));
            p.put(n + "ln_1.bias", Nd4j.zeros(dataType, c));
            // nn.Linear stores (out, in) and computes x W^T: our (in, out) layout is the transpose.
            p.put(n + "attn.c_attn.weight", Nd4j.hstack(transposed(query, dataType), transposed(key, dataType),
                    transposed(value, dataType)));
            if (config.qkvBias()) {
                p.put(n + "attn.c_attn.bias", Nd4j.concat(0, vector(query.bias(), dataType), vector(key.bias(), dataType),
                        vector(value.bias(), dataType)));
            }
            p.put(n + "attn.c_proj.weight", transposed(outProj, dataType));
            p.put(n + "attn.c_proj.bias", vector(outProj.bias(), dataType));
            p.put(n + "ln_2.weight", Nd4j.ones(dataType, c));
            p.put(n + "ln_2.bias", Nd4j.zeros(dataType, c));
            p.put(n + "mlp.c_fc.weight", transposed(fc, dataType));
            p.put(n + "mlp.c_fc.bias", vector(fc.bias(), dataType));
            p.put(n + "mlp.c_proj.weight", transposed(proj, dataType));
            p.put(n + "mlp.c_proj.bias", vector(proj.bias(), dataType));
        }
        p.put("ln_f.weight", Nd4j.ones(dataType, c));
        p.put("ln_f.bias", Nd4j.zeros(dataType, c));
        if (config.tiedHead()) {
            throw new IllegalArgumentException("the book's GPTModel has an untied out_head; use GPT-2 initialisation for a tied head");
        }
        p.put("lm_head.weight", array(TorchInit.linear(generator, c, config.vocabSize(), false).weight(), dataType));
        // Keep GPT-2's parameter order whatever the order of drawing was.
        Map<String, INDArray> ordered = new LinkedHashMap<>();
        for (String name : GptModel.parameterShapes(config).keySet()) {
            ordered.put(name, p.get(name));
        }
        return new GptModel(config, dataType, ordered);
    }

    private static INDArray array(float[][] values, DataType dataType) {
        return Nd4j.create(values).castTo(dataType);
    }

    private static INDArray transposed(TorchInit.Linear linear, DataType dataType) {
        return array(linear.weight(), dataType).transpose().dup('c');
    }

    private static INDArray vector(float[] values, DataType dataType) {
        return Nd4j.create(values, new long[] {values.length}, 'c').castTo(dataType);
    }

    /** The names of the inits, for messages. */
    public static List<String> names() {
        return List.of("gpt2", "torch");
    }
}
