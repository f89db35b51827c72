package org.attentionexplorer.model;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverted dropout: each element kept with probability 1 - rate and scaled by 1 / (1 - rate). Masks come from
 * a seeded generator, so a training run with a fixed seed is repeatable. A rate of 0 (or evaluation) is the
 * identity and draws nothing.
 */
final class Dropout {
    private final double rate;
    private final SplittableRandom random;

    /** No dropout: the identity. */
    static final Dropout OFF = new Dropout(0, 0);

    Dropout(double rate, long seed) {
        this.rate = rate;
        this.random = new SplittableRandom(seed);
    }

    boolean active() {
        return rate > 0;
    }

    /** The mask for an array of this shape: 0 or 1 / (1 - rate); null when inactive. */
    INDArray mask(INDArray like) {
        if (!active()) {
            return null;
        }
        float scale = (float) (1 / (1 - rate));
        long n = like.length();
        float[] values = new float[Math.toIntExact(n)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble() < rate ? 0f : scale;
        }
        return Nd4j.create(values, like.shape(), 'c').castTo(like.dataType());
    }

    /** x * mask, or x itself when the mask is null. */
    static INDArray apply(INDArray x, INDArray mask) {
        return mask == null ? x : x.mul(mask);
    }
}
