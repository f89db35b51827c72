package org.attentionexplorer.random;

/**
 * The parameter initialisations of PyTorch modules the book uses, drawn from a {@link TorchGenerator} in the
 * order the modules draw them. Shapes follow PyTorch: a Linear weight is {@code [out][in]}.
 */
public final class TorchInit {
    private TorchInit() {
    }

    /** The weight and (optional) bias of {@code nn.Linear(in, out, bias)}. */
    public record Linear(float[][] weight, float[] bias) {
    }

    /**
     * {@code nn.Linear(in, out, bias)}: the weight by {@code kaiming_uniform_(a = sqrt(5))}, which is
     * uniform in +-1/sqrt(in), then the bias uniform in +-1/sqrt(in). Bias is null when absent.
     */
    public static Linear linear(TorchGenerator generator, int in, int out, boolean bias) {
        // kaiming_uniform_ computes its bound through the gain, in double, exactly like this.
        double a = Math.sqrt(5.0);
        double gain = Math.sqrt(2.0 / (1 + a * a));
        double std = gain / Math.sqrt(in);
        double weightBound = Math.sqrt(3.0) * std;
        float[][] weight = reshape(generator.uniform(in * out, -weightBound, weightBound), out, in);
        float[] biasValues = null;
        if (bias) {
            double biasBound = in > 0 ? 1 / Math.sqrt(in) : 0;
            biasValues = generator.uniform(out, -biasBound, biasBound);
        }
        return new Linear(weight, biasValues);
    }

    /** {@code nn.Embedding(n, d).weight}: standard normal values, {@code [n][d]}. */
    public static float[][] embedding(TorchGenerator generator, int n, int d) {
        return reshape(generator.normal(n * d, 0, 1), n, d);
    }

    /** {@code torch.rand(rows, cols)}, as SelfAttention_v1 draws its weights. */
    public static float[][] rand(TorchGenerator generator, int rows, int cols) {
        return reshape(generator.rand(rows * cols), rows, cols);
    }

    private static float[][] reshape(float[] flat, int rows, int cols) {
        float[][] out = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * cols, out[r], 0, cols);
        }
        return out;
    }
}
