package org.attentionexplorer.data;

/** Batches of a {@link SyntheticTask}'s examples: row b of step s is example {@code s * B + b} of the seed. */
final class SyntheticBatches implements BatchSource {
    private final SyntheticTask task;
    private final int batchSize;
    private final long seed;

    SyntheticBatches(SyntheticTask task, int batchSize, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, got " + batchSize);
        }
        this.task = task;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public int length() {
        return task.contextLength();
    }

    @Override
    public Batch batch(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("the step must not be negative, got " + step);
        }
        int[][] examples = new int[batchSize][];  // (B, T + 1)
        for (int b = 0; b < batchSize; b++) {
            examples[b] = task.example(seed, step * batchSize + b);
        }
        return Batch.ofWindows(examples);
    }
}
