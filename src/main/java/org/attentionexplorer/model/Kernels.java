package org.attentionexplorer.model;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The elementwise and row-wise work of a float32 step (layer norm, GELU, the causal softmax and their backward
 * passes), each as one loop straight over the arrays' native buffers instead of the five to ten ND4J operations (and
 * as many temporary arrays) it takes as array expressions; the matrix products stay in BLAS. Sums are accumulated in
 * double; exponentials come from {@link #exp}, a float32 exponential a few times faster than {@link Math#exp}.
 * Float32 only: the layers keep their array expressions for float64 (gradient checks, the lab's precision).
 * Plain-loop references in the tests hold each kernel to its formula. N rows, C columns; B batch, H heads, T time.
 */
final class Kernels {
    private static final float GELU_S = (float) Math.sqrt(2 / Math.PI);
    private static final float GELU_K = 0.044715f;
    private static final float LOG2E = 1.4426950408889634f;
    private static final float LN2_HI = 0.693145751953125f;        // ln 2 split so that n * LN2_HI is exact
    private static final float LN2_LO = 1.428606765330187e-06f;

    private Kernels() {
    }

    /** Whether every array is float32, so the kernels apply. */
    static boolean applies(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a != null && a.dataType() != DataType.FLOAT) {
                return false;
            }
        }
        return true;
    }

    // ---- buffers ----

    /** A row-major array with its own buffer: {@code a} itself, or a row-major copy of a view or column-major array. */
    static INDArray contiguous(INDArray a) {
        return a.ordering() == 'c' && !a.isView() && a.offset() == 0 && a.data().length() == a.length() ? a : a.dup('c');
    }

    /** The native buffer of a contiguous array, indexed from 0 in row-major order. */
    static FloatBuffer buffer(INDArray contiguous) {
        return contiguous.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private static INDArray create(long... shape) {
        return Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
    }

    // ---- exp ----

    /**
     * e^x in float32 to within 2 units in the last place for x in [-87, 88], without branches: x is first clamped to
     * that range (so e^-inf is e^-87, 1.6e-38, and NaN stays NaN); x = n ln 2 + r with |r| <= ln 2 / 2, e^r by its
     * Taylor series to r^8, times 2^n put into the exponent bits.
     */
    static float exp(float x) {
        float c = Math.max(-87f, Math.min(88f, x));
        float n = (float) Math.rint(c * LOG2E);
        float r = c - n * LN2_HI - n * LN2_LO;
        float p = 1f / 5040 + r * (1f / 40320);
        p = 1f / 720 + r * p;
        p = 1f / 120 + r * p;
        p = 1f / 24 + r * p;
        p = 1f / 6 + r * p;
        p = 0.5f + r * p;
        p = 1f + r * p;
        p = 1f + r * p;
        return p * Float.intBitsToFloat(((int) n + 127) << 23);
    }

    // ---- layer norm ----

    /**
     * Normalises each row of x (N, C) to mean 0 and variance 1 (biased, eps added), then scales and shifts it.
     * Returns {out, norm, rstd} with rstd (N, 1) = 1 / sqrt(variance + eps).
     */
    static INDArray[] layerNormForward(INDArray x, INDArray weight, INDArray bias, double eps) {
        int n = (int) x.size(0);
        int c = (int) x.size(1);
        FloatBuffer in = buffer(contiguous(x));
        FloatBuffer w = buffer(contiguous(weight));
        FloatBuffer b = buffer(contiguous(bias));
        INDArray outArray = create(n, c);
        INDArray normArray = create(n, c);
        INDArray rstdArray = create(n, 1);
        FloatBuffer out = buffer(outArray);
        FloatBuffer norm = buffer(normArray);
        FloatBuffer rstd = buffer(rstdArray);
        for (int r = 0; r < n; r++) {
            int o = r * c;
            double sum = 0;
            for (int j = 0; j < c; j++) {
                sum += in.get(o + j);
            }
            float mean = (float) (sum / c);
            double squares = 0;
            for (int j = 0; j < c; j++) {
                float d = in.get(o + j) - mean;
                squares += d * d;
            }
            float s = (float) (1 / Math.sqrt(squares / c + eps));
            rstd.put(r, s);
            for (int j = 0; j < c; j++) {
                float v = (in.get(o + j) - mean) * s;
                norm.put(o + j, v);
                out.put(o + j, v * w.get(j) + b.get(j));
            }
        }
        return new INDArray[] {outArray, normArray, rstdArray};
    }

    /**
     * Layer norm's backward pass: dWeight += sum over rows of dOut * norm, dBias += sum of dOut, and returns
     * dx = rstd (g - mean(g) - norm mean(g norm)) with g = dOut * weight.
     */
    static INDArray layerNormBackward(INDArray dOut, INDArray normArray, INDArray rstdArray, INDArray weight,
            INDArray dWeight, INDArray dBias) {
        int n = (int) dOut.size(0);
        int c = (int) dOut.size(1);
        FloatBuffer dy = buffer(contiguous(dOut));
        FloatBuffer norm = buffer(contiguous(normArray));
        FloatBuffer rstd = buffer(contiguous(rstdArray));
        float[] w = contiguous(weight).data().asFloat();
        double[] dw = new double[c];
        double[] db = new double[c];
        INDArray dxArray = create(n, c);
        FloatBuffer dx = buffer(dxArray);
        for (int r = 0; r < n; r++) {
            int o = r * c;
            double sumG = 0;
            double sumGNorm = 0;
            for (int j = 0; j < c; j++) {
                float d = dy.get(o + j);
                float z = norm.get(o + j);
                float g = d * w[j];
                sumG += g;
                sumGNorm += g * z;
                dw[j] += d * z;
                db[j] += d;
            }
            float meanG = (float) (sumG / c);
            float meanGNorm = (float) (sumGNorm / c);
            float s = rstd.get(r);
            for (int j = 0; j < c; j++) {
                dx.put(o + j, (dy.get(o + j) * w[j] - meanG - norm.get(o + j) * meanGNorm) * s);
            }
        }
        addTo(dWeight, dw);
        addTo(dBias, db);
        return dxArray;
    }

    /** {@code target += values}, elementwise, for a contiguous float32 target (a parameter's gradient). */
    private static void addTo(INDArray target, double[] values) {
        INDArray c = contiguous(target);
        FloatBuffer t = buffer(c);
        for (int j = 0; j < values.length; j++) {
            t.put(j, (float) (t.get(j) + values[j]));
        }
        if (c != target) {
            target.assign(c);
        }
    }

    // ---- GELU ----

    /**
     * GELU, GPT-2's tanh form: 0.5 x (1 + tanh(u)) with u = s (x + k x^3), elementwise, computed as x sigmoid(2u)
     * (the same function: 0.5 (1 + tanh(u)) = 1 / (1 + e^-2u)), one exponential and no cancellation near 0.
     */
    static INDArray geluForward(INDArray x) {
        FloatBuffer in = buffer(contiguous(x));
        INDArray outArray = create(x.shape());
        FloatBuffer out = buffer(outArray);
        for (int i = 0, n = (int) x.length(); i < n; i++) {
            float v = in.get(i);
            out.put(i, v / (1 + exp(-2 * GELU_S * (v + GELU_K * v * v * v))));
        }
        return outArray;
    }

    /**
     * dOut * gelu'(x), gelu'(x) = 0.5 (1 + t) + 0.5 x (1 - t^2) s (1 + 3 k x^2) with t = tanh(u), computed with
     * g = 0.5 (1 + t) = sigmoid(2u): gelu'(x) = g + 2 x g (1 - g) s (1 + 3 k x^2).
     */
    static INDArray geluBackward(INDArray dOut, INDArray x) {
        FloatBuffer in = buffer(contiguous(x));
        FloatBuffer dy = buffer(contiguous(dOut));
        INDArray dxArray = create(x.shape());
        FloatBuffer dx = buffer(dxArray);
        for (int i = 0, n = (int) x.length(); i < n; i++) {
            float v = in.get(i);
            float g = 1 / (1 + exp(-2 * GELU_S * (v + GELU_K * v * v * v)));
            float local = g + 2 * v * g * (1 - g) * GELU_S * (1 + 3 * GELU_K * v * v);
            dx.put(i, dy.get(i) * local);
        }
        return dxArray;
    }

    // ---- causal softmax ----

    /**
     * The attention weights from the scores (B, H, T, T): each row i is the softmax of scale * scores[i, 0..i];
     * the positions after i (masked, -inf before the softmax) get 0.
     */
    static INDArray causalSoftmax(INDArray scores, double scale) {
        int t = (int) scores.size(3);
        float k = (float) scale;
        FloatBuffer s = buffer(contiguous(scores));
        INDArray weightArray = create(scores.shape());
        FloatBuffer w = buffer(weightArray);
        for (int row = 0, rows = (int) (scores.length() / t); row < rows; row++) {
            int o = row * t;
            int last = row % t;                  // the query's position: it sees keys 0..last
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j <= last; j++) {
                max = Math.max(max, s.get(o + j) * k);
            }
            double sum = 0;
            for (int j = 0; j <= last; j++) {
                float e = exp(s.get(o + j) * k - max);
                w.put(o + j, e);
                sum += e;
            }
            float inverse = (float) (1 / sum);
            for (int j = 0; j <= last; j++) {
                w.put(o + j, w.get(o + j) * inverse);
            }
            for (int j = last + 1; j < t; j++) {
                w.put(o + j, 0f);
            }
        }
        return weightArray;
    }

    /**
     * The causal softmax's backward pass with the scale: dScores = scale * w * (dw - sum_j(dw_j w_j)), row by row
     * over the last axis; masked positions (after the query's) have w = 0 and get 0.
     */
    static INDArray causalSoftmaxBackward(INDArray dWeights, INDArray weights, double scale) {
        int t = (int) weights.size(3);
        float k = (float) scale;
        FloatBuffer dw = buffer(contiguous(dWeights));
        FloatBuffer w = buffer(contiguous(weights));
        INDArray dScoreArray = create(weights.shape());
        FloatBuffer ds = buffer(dScoreArray);
        for (int row = 0, rows = (int) (weights.length() / t); row < rows; row++) {
            int o = row * t;
            int last = row % t;
            double dot = 0;
            for (int j = 0; j <= last; j++) {
                dot += dw.get(o + j) * w.get(o + j);
            }
            float d = (float) dot;
            for (int j = 0; j <= last; j++) {
                ds.put(o + j, k * w.get(o + j) * (dw.get(o + j) - d));
            }
            for (int j = last + 1; j < t; j++) {
                ds.put(o + j, 0f);
            }
        }
        return dScoreArray;
    }
}
