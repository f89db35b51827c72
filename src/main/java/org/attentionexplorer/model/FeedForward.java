package org.attentionexplorer.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The feed-forward block: Linear C -> 4C, GELU, Linear 4C -> C (GPT-2's mlp.c_fc and mlp.c_proj). */
final class FeedForward {
    private FeedForward() {
    }

    record Cache(INDArray x, INDArray hidden, INDArray activated) {
    }

    record Result(INDArray out, Cache cache) {
    }

    /** (N, C) -> (N, C) */
    static Result forward(INDArray x, INDArray wFc, INDArray bFc, INDArray wProj, INDArray bProj) {
        INDArray hidden = x.mmul(wFc).addiRowVector(bFc);          // (N, 4C)
        INDArray activated = Gelu.forward(hidden);                  // (N, 4C)
        INDArray out = activated.mmul(wProj).addiRowVector(bProj); // (N, C)
        return new Result(out, new Cache(x, hidden, activated));
    }

    static INDArray backward(INDArray dOut, Cache cache, INDArray wFc, INDArray wProj, INDArray dWFc, INDArray dBFc,
            INDArray dWProj, INDArray dBProj) {
        dWProj.addi(cache.activated().transpose().mmul(dOut));
        dBProj.addi(dOut.sum(0));
        INDArray dActivated = dOut.mmul(wProj.transpose());         // (N, 4C)
        INDArray dHidden = Gelu.backward(dActivated, cache.hidden());
        dWFc.addi(cache.x().transpose().mmul(dHidden));
        dBFc.addi(dHidden.sum(0));
        return dHidden.mmul(wFc.transpose());
    }
}
