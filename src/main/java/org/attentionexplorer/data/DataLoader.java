package org.attentionexplorer.data;

import java.util.AbstractList;
import java.util.List;
import org.attentionexplorer.random.TorchGenerator;

/**
 * Batches of a {@link SlidingWindowDataset}, epoch after epoch, like the book's
 * {@code DataLoader(dataset, batch_size, shuffle, drop_last)}.
 *
 * <p><b>Order.</b> In order, or shuffled: epoch e visits the windows in the order of the (e + 1)-th
 * {@code randperm(n)} drawn from one {@link TorchGenerator} seeded with {@code seed}, the same as
 * {@code g = torch.Generator().manual_seed(seed)} followed by one {@code torch.randperm(n, generator=g)} per
 * epoch (for n below 214,748,364, where PyTorch's randperm switches to 64-bit draws). PyTorch's own
 * {@code DataLoader} draws more numbers than that from its generator (a base seed each time it starts an epoch,
 * and without a {@code generator} argument it seeds its sampler from the global generator), so its order is not
 * promised to equal this one.
 *
 * <p><b>Batches.</b> Batch i of an epoch holds the windows at places {@code i*B .. i*B + B - 1} of that epoch's
 * order. With {@code dropLast} a short last batch is left out; without it, it is kept.
 *
 * <p><b>Resuming.</b> A batch depends only on (seed, epoch, index), so {@link #seek} to a saved
 * {@link #position()} (or {@link #batch(long)} from a saved step) gives the batches an uninterrupted run gets.
 *
 * <p>Not thread-safe: it keeps a cursor and the current epoch's order.
 */
public final class DataLoader implements BatchSource {

    /**
     * Where a loader stands.
     *
     * @param epoch epochs completed before this batch (0 in the first)
     * @param batch the batch's index within its epoch
     * @param step  batches before this one since the start: {@code epoch * batchesPerEpoch + batch}
     */
    public record Position(int epoch, int batch, long step) {
    }

    private final SlidingWindowDataset dataset;
    private final int batchSize;
    private final boolean shuffle;
    private final boolean dropLast;
    private final long seed;
    private final int batchesPerEpoch;

    private long nextStep;
    private TorchGenerator generator;
    private int orderEpoch = -1;
    private int[] order;

    /**
     * @throws DataException when {@code dropLast} leaves no batch (fewer windows than one batch)
     */
    public DataLoader(SlidingWindowDataset dataset, int batchSize, boolean shuffle, boolean dropLast, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, got " + batchSize);
        }
        int windows = dataset.size();
        if (dropLast && windows < batchSize) {
            throw new DataException("there are " + windows + " windows (of " + (dataset.contextLength() + 1)
                    + " tokens, one every " + dataset.stride() + "), fewer than one batch of " + batchSize
                    + ": lower the batch size or the stride, or use a longer text");
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.dropLast = dropLast;
        this.seed = seed;
        this.batchesPerEpoch = dropLast ? windows / batchSize : (windows + batchSize - 1) / batchSize;
    }

    /** The book's validation loader: in order, the short last batch kept. */
    public static DataLoader sequential(SlidingWindowDataset dataset, int batchSize) {
        return new DataLoader(dataset, batchSize, false, false, 0);
    }

    public SlidingWindowDataset dataset() {
        return dataset;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public int length() {
        return dataset.contextLength();
    }

    public boolean shuffle() {
        return shuffle;
    }

    public boolean dropLast() {
        return dropLast;
    }

    @Override
    public long batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /** Where the batch {@link #next()} returns stands. */
    public Position position() {
        return positionOf(nextStep);
    }

    /** The position of training step {@code step}. */
    public Position positionOf(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("the step must not be negative, got " + step);
        }
        long epoch = step / batchesPerEpoch;
        if (epoch > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("step " + step + " is beyond the last epoch a loader counts");
        }
        return new Position((int) epoch, (int) (step % batchesPerEpoch), step);
    }

    /** Moves the cursor so that {@link #next()} returns batch {@code batch} of epoch {@code epoch}. */
    public void seek(int epoch, int batch) {
        checkBatch(epoch, batch);
        nextStep = (long) epoch * batchesPerEpoch + batch;
    }

    /** Moves the cursor to a position {@link #position()} returned, e.g. from a checkpoint. */
    public void seek(Position position) {
        seek(position.epoch(), position.batch());
    }

    /** The batch at the cursor; the cursor moves on, into the next epoch after an epoch's last batch. */
    public Batch next() {
        Batch batch = batch(nextStep);
        nextStep++;
        return batch;
    }

    @Override
    public Batch batch(long step) {
        Position position = positionOf(step);
        return batch(position.epoch(), position.batch());
    }

    /** Batch {@code index} of epoch {@code epoch}. Does not move the cursor. */
    public Batch batch(int epoch, int index) {
        checkBatch(epoch, index);
        int windows = dataset.size();
        int from = index * batchSize;
        int to = Math.min(from + batchSize, windows);
        int[] epochOrder = shuffle ? order(epoch) : null;
        int[][] rows = new int[to - from][];  // (B, T + 1)
        for (int place = from; place < to; place++) {
            rows[place - from] = dataset.window(shuffle ? epochOrder[place] : place);
        }
        return Batch.ofWindows(rows);
    }

    /** The batches of one epoch in order, made as they are read (the book's {@code for batch in loader}). */
    public List<Batch> epoch(int epoch) {
        checkBatch(epoch, 0);
        return new AbstractList<>() {
            @Override
            public Batch get(int index) {
                return batch(epoch, index);
            }

            @Override
            public int size() {
                return batchesPerEpoch;
            }
        };
    }

    /** Epoch {@code epoch}'s order of windows: the generator's (epoch + 1)-th randperm. */
    private int[] order(int epoch) {
        if (generator == null || epoch < orderEpoch) {
            generator = new TorchGenerator(seed);
            orderEpoch = -1;
        }
        while (orderEpoch < epoch) {
            order = generator.randperm(dataset.size());
            orderEpoch++;
        }
        return order;
    }

    private void checkBatch(int epoch, int batch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("the epoch must not be negative, got " + epoch);
        }
        if (batch < 0 || batch >= batchesPerEpoch) {
            throw new IllegalArgumentException("batch " + batch + " is not in an epoch of " + batchesPerEpoch + " batches");
        }
    }
}
