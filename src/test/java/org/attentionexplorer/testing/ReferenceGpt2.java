package org.attentionexplorer.testing;

import java.util.Map;
import org.attentionexplorer.math.FloatTensor;

/**
 * GPT-2's forward pass in plain loops and float64, written from the architecture (not from the explorer's model), on
 * the tensors of a Hugging Face GPT-2 folder: the test oracle for import. Conv1D weights are [in, out]: y = x W + b.
 * Evaluation mode (no dropout). Dimension letters: T time, C channels, V vocabulary.
 */
public final class ReferenceGpt2 {
    private ReferenceGpt2() {
    }

    /** Logits (T, V) of the ids. */
    public static double[][] logits(Map<String, FloatTensor> w, int heads, int layers, boolean tied, int[] ids) {
        int t = ids.length;
        FloatTensor wte = w.get("wte.weight");
        int c = wte.shape()[1];
        int v = wte.shape()[0];
        double[][] x = new double[t][c];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < c; j++) {
                x[i][j] = wte.get(ids[i] * c + j) + w.get("wpe.weight").get(i * c + j);
            }
        }
        for (int l = 0; l < layers; l++) {
            String p = "h." + l + ".";
            double[][] a = layerNorm(x, w.get(p + "ln_1.weight"), w.get(p + "ln_1.bias"));
            double[][] qkv = linear(a, w.get(p + "attn.c_attn.weight"), w.get(p + "attn.c_attn.bias"));  // (T, 3C)
            double[][] context = attention(qkv, c, heads);
            add(x, linear(context, w.get(p + "attn.c_proj.weight"), w.get(p + "attn.c_proj.bias")));
            double[][] b = layerNorm(x, w.get(p + "ln_2.weight"), w.get(p + "ln_2.bias"));
            double[][] hidden = linear(b, w.get(p + "mlp.c_fc.weight"), w.get(p + "mlp.c_fc.bias"));     // (T, 4C)
            for (double[] row : hidden) {
                for (int j = 0; j < row.length; j++) {
                    double z = row[j];
                    row[j] = 0.5 * z * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z)));
                }
            }
            add(x, linear(hidden, w.get(p + "mlp.c_proj.weight"), w.get(p + "mlp.c_proj.bias")));
        }
        double[][] f = layerNorm(x, w.get("ln_f.weight"), w.get("ln_f.bias"));
        FloatTensor head = tied ? wte : w.get("lm_head.weight");                                      // (V, C)
        double[][] logits = new double[t][v];
        for (int i = 0; i < t; i++) {
            for (int k = 0; k < v; k++) {
                double sum = 0;
                for (int j = 0; j < c; j++) {
                    sum += f[i][j] * head.get(k * c + j);
                }
                logits[i][k] = sum;
            }
        }
        return logits;
    }

    /** Causal multi-head attention on fused (T, 3C) query|key|value rows; returns the heads' context side by side. */
    private static double[][] attention(double[][] qkv, int c, int heads) {
        int t = qkv.length;
        int d = c / heads;
        double[][] out = new double[t][c];
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < t; i++) {
                double[] weights = new double[i + 1];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j <= i; j++) {
                    double dot = 0;
                    for (int e = 0; e < d; e++) {
                        dot += qkv[i][h * d + e] * qkv[j][c + h * d + e];
                    }
                    weights[j] = dot / Math.sqrt(d);
                    max = Math.max(max, weights[j]);
                }
                double sum = 0;
                for (int j = 0; j <= i; j++) {
                    weights[j] = Math.exp(weights[j] - max);
                    sum += weights[j];
                }
                for (int j = 0; j <= i; j++) {
                    for (int e = 0; e < d; e++) {
                        out[i][h * d + e] += weights[j] / sum * qkv[j][2 * c + h * d + e];
                    }
                }
            }
        }
        return out;
    }

    private static double[][] layerNorm(double[][] x, FloatTensor gain, FloatTensor bias) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            int c = x[i].length;
            double mean = 0;
            for (double v : x[i]) {
                mean += v / c;
            }
            double var = 0;
            for (double v : x[i]) {
                var += (v - mean) * (v - mean) / c;
            }
            out[i] = new double[c];
            for (int j = 0; j < c; j++) {
                out[i][j] = (x[i][j] - mean) / Math.sqrt(var + 1e-5) * gain.get(j) + bias.get(j);
            }
        }
        return out;
    }

    /** x W + b with W stored [in, out]; b may be null. */
    private static double[][] linear(double[][] x, FloatTensor weight, FloatTensor bias) {
        int in = weight.shape()[0];
        int out = weight.shape()[1];
        double[][] y = new double[x.length][out];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < in; k++) {
                double xv = x[i][k];
                for (int o = 0; o < out; o++) {
                    y[i][o] += xv * weight.get(k * out + o);
                }
            }
            if (bias != null) {
                for (int o = 0; o < out; o++) {
                    y[i][o] += bias.get(o);
                }
            }
        }
        return y;
    }

    private static void add(double[][] x, double[][] y) {
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] += y[i][j];
            }
        }
    }
}
