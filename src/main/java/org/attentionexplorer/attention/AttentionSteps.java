package org.attentionexplorer.attention;

import static org.attentionexplorer.math.Nd4jMatrices.fromNd4j;
import static org.attentionexplorer.math.Nd4jMatrices.toNd4j;

import org.attentionexplorer.math.Matrix;
import org.attentionexplorer.random.TorchGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The steps of chapter 3, one small pure function each, computed with ND4J in float64.
 *
 * <p>Dimension letters: T = tokens (sequence length), d_in = embedding width, d_k = width of a query/key,
 * d_v = width of a value. Every function copies its inputs into ND4J and its result back out, so callers
 * only ever see immutable {@link Matrix} values. The tests hold each function against a plain-loop
 * reference implementation.
 */
public final class AttentionSteps {
    private AttentionSteps() {
    }

    /** Dot products of every pair of inputs: {@code X X^T}. (T, d_in) -> (T, T) */
    public static Matrix dotProductScores(Matrix inputs) {
        INDArray x = toNd4j(inputs);
        return fromNd4j(x.mmul(x.transpose()));
    }

    /** Each row divided by its sum (the naive normalisation, and the renormalisation after masking). */
    public static Matrix divideRowsBySum(Matrix scores) {
        INDArray s = toNd4j(scores);
        return fromNd4j(s.divColumnVector(s.sum(true, 1)));
    }

    /** Softmax of each row; {@code -inf} entries get weight 0. (T, T) -> (T, T) */
    public static Matrix softmaxRows(Matrix scores) {
        return fromNd4j(Transforms.softmax(toNd4j(scores), true));
    }

    /** Context vectors as weighted sums of the rows of {@code values}: {@code A V}. (T, T) x (T, d_v) -> (T, d_v) */
    public static Matrix contextVectors(Matrix attnWeights, Matrix values) {
        return fromNd4j(toNd4j(attnWeights).mmul(toNd4j(values)));
    }

    /** {@code X W + b}. (T, d_in) x (d_in, d_out) -> (T, d_out) */
    public static Matrix project(Matrix inputs, Projection projection) {
        INDArray out = toNd4j(inputs).mmul(toNd4j(projection.weight()));
        if (projection.hasBias()) {
            out.addiRowVector(toNd4j(projection.bias()));
        }
        return fromNd4j(out);
    }

    /** Attention scores of queries against keys: {@code Q K^T}. (T, d_k) x (T, d_k) -> (T, T) */
    public static Matrix queryKeyScores(Matrix queries, Matrix keys) {
        return fromNd4j(toNd4j(queries).mmul(toNd4j(keys).transpose()));
    }

    /** Scores divided by {@code sqrt(d_k)}, which keeps softmax from saturating as d_k grows. */
    public static Matrix scale(Matrix scores, int dK) {
        return fromNd4j(toNd4j(scores).div(Math.sqrt(dK)));
    }

    /** The causal mask: 1 on and below the diagonal (keys a query may see), 0 above it. (T, T) */
    public static Matrix causalMask(int tokens) {
        double[][] mask = new double[tokens][tokens];
        for (int i = 0; i < tokens; i++) {
            for (int j = 0; j <= i; j++) {
                mask[i][j] = 1.0;
            }
        }
        return Matrix.of(mask);
    }

    /** Scores with {@code -inf} wherever the mask is 0, so softmax gives those keys no weight. */
    public static Matrix maskWithNegativeInfinity(Matrix scores, Matrix mask) {
        double[] additive = mask.toRowMajor();
        for (int i = 0; i < additive.length; i++) {
            additive[i] = additive[i] == 0 ? Double.NEGATIVE_INFINITY : 0;
        }
        Matrix additiveMask = Matrix.ofRowMajor(mask.rows(), mask.cols(), additive);
        return fromNd4j(toNd4j(scores).add(toNd4j(additiveMask)));
    }

    /** Element-wise product: weights with masked positions set to zero (or dropped ones, for dropout). */
    public static Matrix multiplyElementwise(Matrix weights, Matrix mask) {
        return fromNd4j(toNd4j(weights).mul(toNd4j(mask)));
    }

    /**
     * The keep-mask of dropout: 1 where a weight is kept (probability {@code 1 - rate}), 0 where it is dropped,
     * drawn in row-major order from {@code generator}.
     */
    public static Matrix dropoutMask(int rows, int cols, double rate, TorchGenerator generator) {
        boolean[] keep = generator.bernoulli(rows * cols, 1 - rate);
        double[] mask = new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            mask[i] = keep[i] ? 1.0 : 0.0;
        }
        return Matrix.ofRowMajor(rows, cols, mask);
    }

    /** Dropout applied with a given keep-mask: kept weights are scaled by {@code 1 / (1 - rate)}, the rest are 0. */
    public static Matrix applyDropout(Matrix weights, Matrix keepMask, double rate) {
        return fromNd4j(toNd4j(weights).mul(toNd4j(keepMask)).div(1 - rate));
    }
}
