package org.attentionexplorer.attention;

import org.attentionexplorer.math.Matrix;

/**
 * What a head's attention weights do, in four numbers averaged over the queries: how spread (entropy), how
 * sharp (largest weight), how much goes to the first token (a common "sink"), and how far back it looks.
 *
 * @param entropy        mean over queries of -sum_j a_ij ln a_ij, in nats (0: all weight on one key)
 * @param maxWeight      mean over queries of the largest weight in the row
 * @param firstTokenShare mean weight on key 0
 * @param meanDistance   mean over queries of sum_j a_ij (i - j): how many tokens back the attention lands on average
 */
public record HeadStats(double entropy, double maxWeight, double firstTokenShare, double meanDistance) {

    /** Statistics of a (T, T) matrix of attention weights whose rows sum to 1. */
    public static HeadStats of(Matrix weights) {
        int t = weights.rows();
        double entropy = 0;
        double max = 0;
        double first = 0;
        double distance = 0;
        for (int i = 0; i < t; i++) {
            double rowMax = 0;
            for (int j = 0; j < weights.cols(); j++) {
                double a = weights.get(i, j);
                if (a > 0) {
                    entropy -= a * Math.log(a);
                }
                rowMax = Math.max(rowMax, a);
                distance += a * (i - j);
            }
            max += rowMax;
            first += weights.get(i, 0);
        }
        return new HeadStats(entropy / t, max / t, first / t, distance / t);
    }
}
