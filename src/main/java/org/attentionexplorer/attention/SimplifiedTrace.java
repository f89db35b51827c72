package org.attentionexplorer.attention;

import org.attentionexplorer.math.Matrix;

/**
 * Section 3.3: self-attention without trainable weights, on the input embeddings X directly.
 *
 * @param attnScores   X X^T (T, T)
 * @param naiveWeights each row of attnScores divided by its sum (T, T)
 * @param attnWeights  softmax of each row of attnScores (T, T)
 * @param contextVecs  attnWeights X (T, d_in)
 */
public record SimplifiedTrace(Matrix attnScores, Matrix naiveWeights, Matrix attnWeights, Matrix contextVecs) {

    /** Computes every step of the simplified mechanism for inputs X (T, d_in). */
    public static SimplifiedTrace of(Matrix inputs) {
        Matrix attnScores = AttentionSteps.dotProductScores(inputs);
        Matrix naiveWeights = AttentionSteps.divideRowsBySum(attnScores);
        Matrix attnWeights = AttentionSteps.softmaxRows(attnScores);
        Matrix contextVecs = AttentionSteps.contextVectors(attnWeights, inputs);
        return new SimplifiedTrace(attnScores, naiveWeights, attnWeights, contextVecs);
    }
}
