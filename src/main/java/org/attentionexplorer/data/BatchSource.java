package org.attentionexplorer.data;

/**
 * Where a training run gets its batches: a text's sliding windows ({@link DataLoader}), random chunks of a big
 * file ({@link RandomChunkSampler}) or a synthetic task ({@link SyntheticTask#batches}). Every source is
 * addressed by the step, so a run resumed at step s sees the very batches an uninterrupted run sees from s on.
 */
public interface BatchSource {

    /** B: rows per batch (a {@link DataLoader} that keeps a short last batch may return fewer at an epoch's end). */
    int batchSize();

    /** T: tokens per row, inputs and targets alike. */
    int length();

    /** How many distinct batches there are before they repeat (an epoch); unbounded sources say Long.MAX_VALUE. */
    default long batchesPerEpoch() {
        return Long.MAX_VALUE;
    }

    /** The batch of training step {@code step} (counted from 0): the same batch every time it is asked for. */
    Batch batch(long step);
}
