package org.attentionexplorer.train;

/**
 * How a model is trained. Step counts are optimizer steps (one batch each).
 *
 * @param steps              the step to stop at (a resumed run continues up to it)
 * @param schedule           learning rate per step
 * @param weightDecay        AdamW's decoupled weight decay (matrices only)
 * @param beta1              AdamW's first-moment decay
 * @param beta2              AdamW's second-moment decay
 * @param gradClip           largest global gradient norm (0: no clipping)
 * @param evalInterval       evaluate train and validation loss every this many steps (and at the end)
 * @param evalBatches        batches per evaluation of each split
 * @param sampleInterval     generate a sample every this many steps (0: never)
 * @param samplePrompt       the prompt of the samples
 * @param sampleTokens       tokens per sample
 * @param checkpointInterval save a checkpoint every this many steps (0: only at the end)
 * @param seed               seeds dropout (and, through the data, the batch order): a fixed seed replays a run exactly
 */
public record TrainingSettings(long steps, LearningRateSchedule schedule, double weightDecay, double beta1, double beta2,
        double gradClip, int evalInterval, int evalBatches, int sampleInterval, String samplePrompt, int sampleTokens,
        int checkpointInterval, long seed) {
    public TrainingSettings {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        if (weightDecay < 0 || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || gradClip < 0) {
            throw new IllegalArgumentException("weight decay and clipping must be >= 0 and the betas in [0, 1)");
        }
        if (evalInterval < 1 || evalBatches < 1) {
            throw new IllegalArgumentException("the evaluation interval and batches must be at least 1");
        }
        if (sampleInterval < 0 || sampleTokens < 0 || checkpointInterval < 0) {
            throw new IllegalArgumentException("sample and checkpoint intervals must be 0 (off) or more");
        }
    }

    /** The same settings with another number of steps (the learning-rate schedule keeps its own length). */
    public TrainingSettings withSteps(long newSteps) {
        return new TrainingSettings(newSteps, schedule, weightDecay, beta1, beta2, gradClip, evalInterval, evalBatches,
                sampleInterval, samplePrompt, sampleTokens, checkpointInterval, seed);
    }

    /** The book's chapter-5 settings scaled to a run of {@code steps}: AdamW 4e-4 (after 10% warmup, cosine to 10%), decay 0.1. */
    public static TrainingSettings defaults(long steps, long seed) {
        long warmup = Math.max(1, steps / 10);
        return new TrainingSettings(steps, new LearningRateSchedule(4e-4, 4e-5, warmup, steps, true), 0.1, 0.9, 0.95, 1.0,
                Math.max(1, (int) Math.min(100, steps / 10)), 5, 0, "", 50, 0, seed);
    }
}
