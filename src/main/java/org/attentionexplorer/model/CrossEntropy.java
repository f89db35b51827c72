package org.attentionexplorer.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Mean cross-entropy of next-token logits against target ids, and its gradient. N = rows, V = vocabulary. */
final class CrossEntropy {
    private CrossEntropy() {
    }

    record Result(double loss, INDArray dLogits) {
    }

    /** log softmax of each row, computed stably. (N, V) -> (N, V) */
    static INDArray logSoftmax(INDArray logits) {
        INDArray shifted = logits.sub(logits.max(true, 1));
        INDArray logSum = Transforms.log(Transforms.exp(shifted, true).sum(true, 1), false);
        return shifted.subi(logSum);
    }

    /** The mean loss; with {@code withGradient}, also d loss / d logits = (softmax - onehot) / N. */
    static Result compute(INDArray logits, int[] targets, boolean withGradient) {
        INDArray logProbs = logSoftmax(logits);
        int n = targets.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum -= logProbs.getDouble(i, targets[i]);
        }
        INDArray dLogits = null;
        if (withGradient) {
            dLogits = Transforms.exp(logProbs, false);
            for (int i = 0; i < n; i++) {
                dLogits.putScalar(i, targets[i], dLogits.getDouble(i, targets[i]) - 1);
            }
            dLogits.divi(n);
        }
        return new Result(sum / n, dLogits);
    }

    static INDArray softmax(INDArray logits) {
        return Nd4j.nn().softmax(logits, 1);
    }
}
