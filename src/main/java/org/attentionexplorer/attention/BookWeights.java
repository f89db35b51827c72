package org.attentionexplorer.attention;

import java.util.ArrayList;
import java.util.List;
import org.attentionexplorer.math.Matrix;
import org.attentionexplorer.random.TorchGenerator;
import org.attentionexplorer.random.TorchInit;

/**
 * Weights drawn exactly as the book's modules draw them right after {@code torch.manual_seed(seed)}:
 * parameters in construction order, each from PyTorch's CPU generator.
 */
public final class BookWeights {
    private BookWeights() {
    }

    /**
     * The weights of {@code module(d_in, d_out, ..., num_heads, qkv_bias)} constructed after
     * {@code torch.manual_seed(seed)}.
     *
     * @param dOut the module's d_out: the width of each head for the wrapper, of all heads together otherwise
     */
    public static ModuleWeights draw(AttentionModule module, int dIn, int dOut, int numHeads, boolean qkvBias, long seed) {
        TorchGenerator generator = new TorchGenerator(seed);
        return switch (module) {
            case SELF_ATTENTION_V1 -> new ModuleWeights(module, List.of(new QkvWeights(
                    randParameter(generator, dIn, dOut),
                    randParameter(generator, dIn, dOut),
                    randParameter(generator, dIn, dOut))), null);
            case SELF_ATTENTION_V2, CAUSAL_ATTENTION ->
                    new ModuleWeights(module, List.of(linearQkv(generator, dIn, dOut, qkvBias)), null);
            case MULTI_HEAD_ATTENTION_WRAPPER -> {
                List<QkvWeights> heads = new ArrayList<>();
                for (int h = 0; h < numHeads; h++) {
                    heads.add(linearQkv(generator, dIn, dOut, qkvBias));
                }
                yield new ModuleWeights(module, heads, null);
            }
            case MULTI_HEAD_ATTENTION -> {
                QkvWeights qkv = linearQkv(generator, dIn, dOut, qkvBias);
                Projection outProj = linear(generator, dOut, dOut, true);
                yield new ModuleWeights(module, List.of(qkv), outProj);
            }
        };
    }

    /** {@code nn.Parameter(torch.rand(d_in, d_out))}, used as {@code X @ W}. */
    private static Projection randParameter(TorchGenerator generator, int dIn, int dOut) {
        return new Projection(toMatrix(TorchInit.rand(generator, dIn, dOut)), null);
    }

    private static QkvWeights linearQkv(TorchGenerator generator, int dIn, int dOut, boolean bias) {
        Projection query = linear(generator, dIn, dOut, bias);
        Projection key = linear(generator, dIn, dOut, bias);
        Projection value = linear(generator, dIn, dOut, bias);
        return new QkvWeights(query, key, value);
    }

    /** {@code nn.Linear(in, out, bias)}, turned into the {@code X @ W + b} orientation. */
    private static Projection linear(TorchGenerator generator, int in, int out, boolean bias) {
        TorchInit.Linear linear = TorchInit.linear(generator, in, out, bias);
        Matrix weight = toMatrix(linear.weight()).transpose();
        Matrix biasRow = linear.bias() == null ? null : toMatrix(new float[][] {linear.bias()});
        return new Projection(weight, biasRow);
    }

    private static Matrix toMatrix(float[][] values) {
        double[][] rows = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            rows[r] = new double[values[r].length];
            for (int c = 0; c < values[r].length; c++) {
                rows[r][c] = values[r][c];
            }
        }
        return Matrix.of(rows);
    }
}
