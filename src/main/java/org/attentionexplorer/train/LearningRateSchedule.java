package org.attentionexplorer.train;

/**
 * The learning rate at each step: a linear warmup from 0 to the peak over {@code warmupSteps}, then either
 * constant or a cosine decay to {@code minLearningRate} at {@code totalSteps}.
 *
 * @param peak            the learning rate after warmup
 * @param minLearningRate where the cosine decay ends
 * @param warmupSteps     steps of linear warmup (0: none)
 * @param totalSteps      the length of the run the cosine spans
 * @param cosine          cosine decay after warmup (false: constant)
 */
public record LearningRateSchedule(double peak, double minLearningRate, long warmupSteps, long totalSteps, boolean cosine) {
    public LearningRateSchedule {
        if (!(peak > 0) || !Double.isFinite(peak)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + peak);
        }
        if (minLearningRate < 0 || minLearningRate > peak) {
            throw new IllegalArgumentException("minimum learning rate " + minLearningRate + " must be between 0 and " + peak);
        }
        if (warmupSteps < 0 || totalSteps < 1) {
            throw new IllegalArgumentException("warmup steps must be >= 0 and total steps >= 1");
        }
    }

    /** A constant rate, no warmup. */
    public static LearningRateSchedule constant(double learningRate) {
        return new LearningRateSchedule(learningRate, learningRate, 0, 1, false);
    }

    /** The rate for step {@code step} (counted from 0). */
    public double at(long step) {
        if (step < warmupSteps) {
            return peak * (step + 1) / warmupSteps;
        }
        if (!cosine) {
            return peak;
        }
        long decaySteps = Math.max(1, totalSteps - warmupSteps);
        double progress = Math.min(1.0, (double) (step - warmupSteps) / decaySteps);
        return minLearningRate + 0.5 * (peak - minLearningRate) * (1 + Math.cos(Math.PI * progress));
    }
}
