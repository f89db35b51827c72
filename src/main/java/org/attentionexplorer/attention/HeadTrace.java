package org.attentionexplorer.attention;

import org.attentionexplorer.math.Matrix;
import org.attentionexplorer.random.TorchGenerator;

/**
 * Sections 3.4 to 3.5: scaled dot-product attention of one head, with both routes to causal weights and
 * dropout. Every quantity is kept so a learner can see each step, whether or not the lesson uses it.
 *
 * @param queries             Q = X Wq (T, d_k)
 * @param keys                K = X Wk (T, d_k)
 * @param values              V = X Wv (T, d_v)
 * @param attnScores          Q K^T (T, T)
 * @param scaledScores        attnScores / sqrt(d_k) (T, T)
 * @param attnWeights         softmax(scaledScores), no mask (T, T)
 * @param unscaledWeights     softmax(attnScores): what the weights would be without the scaling, sharper as d_k grows (T, T)
 * @param mask                1 on and below the diagonal, 0 above (T, T)
 * @param maskedScores        attnScores with -inf above the diagonal (T, T)
 * @param causalWeights       route 2: softmax(maskedScores / sqrt(d_k)) (T, T)
 * @param renormalizedWeights route 1: attnWeights * mask, each row divided by its sum (T, T)
 * @param dropoutMask         1 for a kept weight, 0 for a dropped one; all 1 when dropout is off (T, T)
 * @param droppedWeights      the weights in use (causal or not) * dropoutMask / (1 - rate) (T, T)
 * @param contextVecs         droppedWeights V (T, d_v)
 */
public record HeadTrace(
        Matrix queries,
        Matrix keys,
        Matrix values,
        Matrix attnScores,
        Matrix scaledScores,
        Matrix attnWeights,
        Matrix unscaledWeights,
        Matrix mask,
        Matrix maskedScores,
        Matrix causalWeights,
        Matrix renormalizedWeights,
        Matrix dropoutMask,
        Matrix droppedWeights,
        Matrix contextVecs) {

    /**
     * Computes one head from its projected queries, keys and values.
     *
     * @param causal      whether the context vectors use the causal weights
     * @param dropoutRate the share of weights dropped, in [0, 1); 0 (or {@code generator == null}) turns dropout off
     * @param generator   where the dropout mask is drawn from (evaluation mode: null)
     */
    public static HeadTrace of(Matrix queries, Matrix keys, Matrix values, boolean causal, double dropoutRate,
            TorchGenerator generator) {
        int tokens = queries.rows();
        int dK = keys.cols();
        Matrix attnScores = AttentionSteps.queryKeyScores(queries, keys);
        Matrix scaledScores = AttentionSteps.scale(attnScores, dK);
        Matrix attnWeights = AttentionSteps.softmaxRows(scaledScores);
        Matrix unscaledWeights = AttentionSteps.softmaxRows(attnScores);

        Matrix mask = AttentionSteps.causalMask(tokens);
        Matrix maskedScores = AttentionSteps.maskWithNegativeInfinity(attnScores, mask);
        Matrix causalWeights = AttentionSteps.softmaxRows(AttentionSteps.scale(maskedScores, dK));
        Matrix renormalizedWeights = AttentionSteps.divideRowsBySum(AttentionSteps.multiplyElementwise(attnWeights, mask));

        Matrix weightsInUse = causal ? causalWeights : attnWeights;
        boolean dropout = dropoutRate > 0 && generator != null;
        Matrix dropoutMask = dropout
                ? AttentionSteps.dropoutMask(tokens, tokens, dropoutRate, generator)
                : Matrix.filled(tokens, tokens, 1.0);
        Matrix droppedWeights = dropout ? AttentionSteps.applyDropout(weightsInUse, dropoutMask, dropoutRate) : weightsInUse;
        Matrix contextVecs = AttentionSteps.contextVectors(droppedWeights, values);
        return new HeadTrace(queries, keys, values, attnScores, scaledScores, attnWeights, unscaledWeights, mask, maskedScores,
                causalWeights, renormalizedWeights, dropoutMask, droppedWeights, contextVecs);
    }
}
