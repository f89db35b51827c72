package org.attentionexplorer.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Multi-head causal self-attention built from primitive ops, as the book's MultiHeadAttention with one fused
 * query/key/value projection (GPT-2's c_attn) and an output projection (c_proj).
 * B = batch, T = time, C = channels, H = heads, D = C / H.
 */
final class CausalSelfAttention {
    private CausalSelfAttention() {
    }

    /** What backward needs. */
    record Cache(INDArray x, INDArray q, INDArray k, INDArray v, INDArray weights, INDArray dropMask,
            INDArray droppedWeights, INDArray y) {
    }

    /**
     * The internals a trace shows, each (B, H, T, ...).
     *
     * @param attnScores   Q K^T before scaling (B, H, T, T)
     * @param attnWeights  softmax of the masked, scaled scores: the weights the model uses (B, H, T, T)
     * @param contextVecs  attnWeights V (B, H, T, D)
     */
    record Internals(INDArray queries, INDArray keys, INDArray values, INDArray attnScores, INDArray attnWeights,
            INDArray contextVecs) {
    }

    record Result(INDArray out, Cache cache, Internals internals) {
    }

    /** Additive causal mask: 0 on and below the diagonal, -inf above. (1, 1, T, T) */
    static INDArray causalMask(int t, DataType dataType) {
        float[] mask = new float[t * t];
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                mask[i * t + j] = Float.NEGATIVE_INFINITY;
            }
        }
        return Nd4j.create(mask, new long[] {1, 1, t, t}, 'c').castTo(dataType);
    }

    /** (B*T, C) -> (B, H, T, D): one of the three C-wide column blocks of the fused projection. */
    private static INDArray heads(INDArray qkv, int block, int b, int t, int h, int c) {
        return qkv.get(NDArrayIndex.all(), NDArrayIndex.interval((long) block * c, (long) (block + 1) * c))
                .dup('c').reshape('c', b, t, h, c / h).permute(0, 2, 1, 3).dup('c');
    }

    /** (B, H, T, D) -> (B*T, C) */
    private static INDArray merge(INDArray x, int b, int t, int c) {
        return x.permute(0, 2, 1, 3).dup('c').reshape('c', (long) b * t, c);
    }

    /** softmax(scale * scores + causal mask) over the last axis. (B, H, T, T) */
    private static INDArray softmax(INDArray scores, double scale, int t) {
        if (Kernels.applies(scores)) {
            return Kernels.causalSoftmax(scores, scale);
        }
        return Nd4j.nn().softmax(scores.mul(scale).addi(causalMask(t, scores.dataType())), 3);
    }

    /** The scaled softmax's backward pass: scale * w * (dw - sum(dw * w)). (B, H, T, T) */
    private static INDArray softmaxBackward(INDArray dWeights, INDArray weights, double scale) {
        if (Kernels.applies(dWeights, weights)) {
            return Kernels.causalSoftmaxBackward(dWeights, weights, scale);
        }
        INDArray rowDot = dWeights.mul(weights).sum(true, 3);                              // (B, H, T, 1)
        return dWeights.sub(rowDot).muli(weights).muli(scale);
    }

    static Result forward(INDArray x, int b, int t, int h, INDArray wAttn, INDArray bAttn, INDArray wProj,
            INDArray bProj, Dropout dropout, boolean keepInternals) {
        int c = (int) x.size(1);
        INDArray qkv = x.mmul(wAttn);                                       // (B*T, 3C)
        if (bAttn != null) {
            qkv.addiRowVector(bAttn);
        }
        INDArray q = heads(qkv, 0, b, t, h, c);                             // (B, H, T, D)
        INDArray k = heads(qkv, 1, b, t, h, c);
        INDArray v = heads(qkv, 2, b, t, h, c);
        INDArray scores = Nd4j.matmul(q, k, false, true, false);           // (B, H, T, T)
        INDArray weights = softmax(scores, 1 / Math.sqrt(c / h), t);       // (B, H, T, T), 0 above the diagonal
        INDArray dropMask = dropout.mask(weights);
        INDArray dropped = Dropout.apply(weights, dropMask);
        INDArray context = Nd4j.matmul(dropped, v);                         // (B, H, T, D)
        INDArray y = merge(context, b, t, c);                               // (B*T, C)
        INDArray out = y.mmul(wProj).addiRowVector(bProj);                  // (B*T, C)
        Internals internals = keepInternals ? new Internals(q, k, v, scores, weights, context) : null;
        return new Result(out, new Cache(x, q, k, v, weights, dropMask, dropped, y), internals);
    }

    /** Accumulates parameter gradients, returns dx (B*T, C). */
    static INDArray backward(INDArray dOut, Cache cache, int b, int t, int h, INDArray wAttn, INDArray wProj,
            INDArray dWAttn, INDArray dBAttn, INDArray dWProj, INDArray dBProj) {
        int c = (int) dOut.size(1);
        dWProj.addi(cache.y().transpose().mmul(dOut));
        dBProj.addi(dOut.sum(0));
        INDArray dy = dOut.mmul(wProj.transpose());                                        // (B*T, C)
        INDArray dContext = dy.reshape('c', b, t, h, c / h).permute(0, 2, 1, 3).dup('c');  // (B, H, T, D)
        INDArray dDropped = Nd4j.matmul(dContext, cache.v(), false, true, false);          // (B, H, T, T)
        INDArray dv = Nd4j.matmul(cache.droppedWeights(), dContext, true, false, false);   // (B, H, T, D)
        INDArray dWeights = Dropout.apply(dDropped, cache.dropMask());
        INDArray dScores = softmaxBackward(dWeights, cache.weights(), 1 / Math.sqrt(c / h)); // (B, H, T, T)
        INDArray dq = Nd4j.matmul(dScores, cache.k());                                     // (B, H, T, D)
        INDArray dk = Nd4j.matmul(dScores, cache.q(), true, false, false);                 // (B, H, T, D)
        INDArray dQkv = Nd4j.hstack(merge(dq, b, t, c), merge(dk, b, t, c), merge(dv, b, t, c)); // (B*T, 3C)
        dWAttn.addi(cache.x().transpose().mmul(dQkv));
        if (dBAttn != null) {
            dBAttn.addi(dQkv.sum(0));
        }
        return dQkv.mmul(wAttn.transpose());
    }
}
