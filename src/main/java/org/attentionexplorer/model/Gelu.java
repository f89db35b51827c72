package org.attentionexplorer.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * GELU in GPT-2's tanh form: 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))). Float32 runs as {@link Kernels}; other
 * types as the array expressions below.
 */
final class Gelu {
    private static final double S = Math.sqrt(2 / Math.PI);
    private static final double K = 0.044715;

    private Gelu() {
    }

    static INDArray forward(INDArray x) {
        if (Kernels.applies(x)) {
            return Kernels.geluForward(x);
        }
        INDArray inner = x.mul(x).muli(x).muli(K).addi(x).muli(S);
        return Transforms.tanh(inner, false).addi(1).muli(x).muli(0.5);
    }

    /** d gelu / dx = 0.5 (1 + t) + 0.5 x (1 - t^2) s (1 + 3 k x^2), with t = tanh(s (x + k x^3)). */
    static INDArray backward(INDArray dOut, INDArray x) {
        if (Kernels.applies(dOut, x)) {
            return Kernels.geluBackward(dOut, x);
        }
        INDArray x2 = x.mul(x);
        INDArray t = Transforms.tanh(x2.mul(x).muli(K).addi(x).muli(S), false);
        INDArray sech2 = t.mul(t).rsubi(1);
        INDArray local = x2.muli(3 * K).addi(1).muli(S).muli(sech2).muli(x).muli(0.5).addi(t.addi(1).muli(0.5));
        return local.muli(dOut);
    }
}
