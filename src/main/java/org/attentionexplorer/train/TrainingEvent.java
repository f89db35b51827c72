package org.attentionexplorer.train;

import java.nio.file.Path;

/** What a training run reports to its listeners, in the order it happens. All plain values. */
public sealed interface TrainingEvent {

    /**
     * One optimizer step done.
     *
     * @param tokensPerSecond training throughput over the recent steps
     * @param etaSeconds      estimated seconds to the last step at that throughput
     */
    record Step(long step, long totalSteps, double loss, double learningRate, double gradNorm, long tokensSeen,
            double tokensPerSecond, double etaSeconds) implements TrainingEvent {
    }

    /** Train and validation loss were measured. */
    record Evaluation(LossPoint point) implements TrainingEvent {
    }

    /** A sample of generated text. */
    record Sample(long step, String prompt, String text) implements TrainingEvent {
    }

    /** A checkpoint was written. */
    record CheckpointSaved(long step, Path path) implements TrainingEvent {
    }

    /** The run reached its last step. */
    record Finished(long step) implements TrainingEvent {
    }

    /** The run was cancelled; the model keeps the weights of the last completed step. */
    record Cancelled(long step) implements TrainingEvent {
    }

    /** The run stopped on an error (e.g. a NaN loss); {@code message} says what and what was kept. */
    record Failed(long step, String message) implements TrainingEvent {
    }
}
