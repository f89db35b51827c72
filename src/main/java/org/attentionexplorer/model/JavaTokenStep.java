package org.attentionexplorer.model;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The key/value-cached forward pass of one token in plain Java, for small models: at batch 1 every layer is a few
 * vector-matrix products of a few hundred columns, which take microseconds, while the same work as ND4J calls
 * (about fifteen a layer) costs 25-80 us of overhead each. Weights are copied once into double arrays (so a model
 * in either precision is computed in double); the cache keeps each position's keys and values as rows of C.
 * C channels, H heads, D = C / H, P positions so far, V vocabulary.
 */
final class JavaTokenStep {
    /** Largest model (parameters) copied into Java arrays: 8M parameters are 64 MB of doubles. */
    static final long MAX_PARAMETERS = 8_000_000;

    private final GptConfig config;
    private final Map<String, double[]> weights = new HashMap<>();
    private final double[][] keys;     // per layer (context * C), row p = the keys of position p, heads side by side
    private final double[][] values;   // per layer (context * C)

    JavaTokenStep(GptModel model) {
        this.config = model.config();
        model.parameters().forEach((name, array) -> weights.put(name, doubles(array)));
        int size = config.contextLength() * config.embDim();
        keys = new double[config.numLayers()][size];
        values = new double[config.numLayers()][size];
    }

    static boolean fits(GptModel model) {
        return model.parameterCount(false) <= MAX_PARAMETERS;
    }

    private static double[] doubles(INDArray array) {
        return array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    /** Stores the keys and values of positions 0..T-1 of one layer, from (1, H, T, D) arrays. */
    void store(int layer, INDArray k, INDArray v) {
        int h = config.numHeads();
        int d = config.headDim();
        int c = config.embDim();
        int t = (int) k.size(2);
        double[] kd = doubles(k);
        double[] vd = doubles(v);
        for (int head = 0; head < h; head++) {
            for (int p = 0; p < t; p++) {
                System.arraycopy(kd, (head * t + p) * d, keys[layer], p * c + head * d, d);
                System.arraycopy(vd, (head * t + p) * d, values[layer], p * c + head * d, d);
            }
        }
    }

    /** The logits (V) after token {@code id} at position {@code p}, with positions 0..p-1 in the cache. */
    double[] step(int id, int p) {
        int c = config.embDim();
        double[] x = new double[c];
        double[] wte = weights.get("wte.weight");
        double[] wpe = weights.get("wpe.weight");
        for (int j = 0; j < c; j++) {
            x[j] = wte[id * c + j] + wpe[p * c + j];
        }
        for (int i = 0; i < config.numLayers(); i++) {
            String n = "h." + i + ".";
            double[] ln1 = layerNorm(x, weights.get(n + "ln_1.weight"), weights.get(n + "ln_1.bias"));
            double[] qkv = linear(ln1, weights.get(n + "attn.c_attn.weight"), weights.get(n + "attn.c_attn.bias"), 3 * c);
            System.arraycopy(qkv, c, keys[i], p * c, c);
            System.arraycopy(qkv, 2 * c, values[i], p * c, c);
            double[] context = attend(qkv, keys[i], values[i], p);
            add(x, linear(context, weights.get(n + "attn.c_proj.weight"), weights.get(n + "attn.c_proj.bias"), c));
            double[] ln2 = layerNorm(x, weights.get(n + "ln_2.weight"), weights.get(n + "ln_2.bias"));
            double[] hidden = linear(ln2, weights.get(n + "mlp.c_fc.weight"), weights.get(n + "mlp.c_fc.bias"), 4 * c);
            for (int j = 0; j < hidden.length; j++) {
                double v = hidden[j];
                hidden[j] = 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)));
            }
            add(x, linear(hidden, weights.get(n + "mlp.c_proj.weight"), weights.get(n + "mlp.c_proj.bias"), c));
        }
        double[] last = layerNorm(x, weights.get("ln_f.weight"), weights.get("ln_f.bias"));
        double[] head = weights.get(config.tiedHead() ? "wte.weight" : "lm_head.weight");   // (V, C)
        double[] logits = new double[config.vocabSize()];
        for (int v = 0; v < logits.length; v++) {
            double sum = 0;
            for (int j = 0; j < c; j++) {
                sum += last[j] * head[v * c + j];
            }
            logits[v] = sum;
        }
        return logits;
    }

    /** Each head's query (the first C of qkv) against the keys of positions 0..p, softmax, weighted sum of values. */
    private double[] attend(double[] qkv, double[] k, double[] v, int p) {
        int c = config.embDim();
        int d = config.headDim();
        double scale = 1 / Math.sqrt(d);
        double[] context = new double[c];
        double[] weightsRow = new double[p + 1];
        for (int head = 0; head < config.numHeads(); head++) {
            int o = head * d;
            double max = Double.NEGATIVE_INFINITY;
            for (int s = 0; s <= p; s++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += qkv[o + j] * k[s * c + o + j];
                }
                weightsRow[s] = dot * scale;
                max = Math.max(max, weightsRow[s]);
            }
            double sum = 0;
            for (int s = 0; s <= p; s++) {
                weightsRow[s] = Math.exp(weightsRow[s] - max);
                sum += weightsRow[s];
            }
            for (int s = 0; s <= p; s++) {
                double w = weightsRow[s] / sum;
                for (int j = 0; j < d; j++) {
                    context[o + j] += w * v[s * c + o + j];
                }
            }
        }
        return context;
    }

    /** x @ W + b for W (in, out) row-major; b may be null. */
    private static double[] linear(double[] x, double[] w, double[] b, int out) {
        double[] y = b == null ? new double[out] : b.clone();
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            int row = i * out;
            for (int j = 0; j < out; j++) {
                y[j] += xi * w[row + j];
            }
        }
        return y;
    }

    private static double[] layerNorm(double[] x, double[] w, double[] b) {
        int c = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= c;
        double variance = 0;
        for (double v : x) {
            variance += (v - mean) * (v - mean);
        }
        double rstd = 1 / Math.sqrt(variance / c + LayerNorm.EPS);
        double[] out = new double[c];
        for (int j = 0; j < c; j++) {
            out[j] = (x[j] - mean) * rstd * w[j] + b[j];
        }
        return out;
    }

    private static void add(double[] x, double[] y) {
        for (int j = 0; j < x.length; j++) {
            x[j] += y[j];
        }
    }
}
