package org.attentionexplorer.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Layer normalisation over the channels of each row, with a learned scale and shift (eps 1e-5, as GPT-2).
 * Float32 runs as {@link Kernels}; other types as the array expressions below. N = rows (batch x time), C = channels.
 */
final class LayerNorm {
    static final double EPS = 1e-5;

    private LayerNorm() {
    }

    /** What backward needs: the normalised input and 1 / standard deviation of each row. */
    record Cache(INDArray norm, INDArray rstd) {
    }

    record Result(INDArray out, Cache cache) {
    }

    /** (N, C) -> (N, C) */
    static Result forward(INDArray x, INDArray weight, INDArray bias) {
        if (Kernels.applies(x, weight, bias)) {
            INDArray[] outNormRstd = Kernels.layerNormForward(x, weight, bias, EPS);   // (N, C), (N, C), (N, 1)
            return new Result(outNormRstd[0], new Cache(outNormRstd[1], outNormRstd[2]));
        }
        INDArray mean = x.mean(true, 1);                              // (N, 1)
        INDArray centred = x.sub(mean);                               // (N, C)
        INDArray variance = centred.mul(centred).mean(true, 1);       // (N, 1), biased as PyTorch
        INDArray rstd = Transforms.pow(variance.addi(EPS), -0.5, false); // (N, 1)
        INDArray norm = centred.muli(rstd);                           // (N, C)
        INDArray out = norm.mul(weight).addi(bias);
        return new Result(out, new Cache(norm, rstd));
    }

    /** Accumulates into dWeight and dBias, returns dx. */
    static INDArray backward(INDArray dOut, Cache cache, INDArray weight, INDArray dWeight, INDArray dBias) {
        if (Kernels.applies(dOut, weight, dWeight, dBias)) {
            return Kernels.layerNormBackward(dOut, cache.norm(), cache.rstd(), weight, dWeight, dBias);
        }
        dWeight.addi(dOut.mul(cache.norm()).sum(0));
        dBias.addi(dOut.sum(0));
        INDArray dNorm = dOut.mul(weight);                                          // (N, C)
        INDArray meanDNorm = dNorm.mean(true, 1);                                   // (N, 1)
        INDArray meanDNormNorm = dNorm.mul(cache.norm()).mean(true, 1);             // (N, 1)
        return dNorm.subi(meanDNorm).subi(cache.norm().mul(meanDNormNorm)).muli(cache.rstd());
    }
}
