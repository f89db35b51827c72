package org.attentionexplorer.ui.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Carries items made on a background thread to the UI thread in batches, at a bounded rate: at most one flush is
 * waiting on the UI executor at a time, and a new one is asked for only when {@code minIntervalNanos} have passed
 * since the last. Items that arrive in between wait for the next flush, or for {@link #flush()} called on the UI
 * thread (at the end of the work), so none is lost.
 */
final class Batcher<T> {
    private final Executor ui;
    private final long minIntervalNanos;
    private final LongSupplier clock;
    private final Consumer<List<T>> onBatch;
    private final ConcurrentLinkedQueue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastFlush = Long.MIN_VALUE;

    Batcher(Executor ui, long minIntervalNanos, LongSupplier clock, Consumer<List<T>> onBatch) {
        this.ui = ui;
        this.minIntervalNanos = minIntervalNanos;
        this.clock = clock;
        this.onBatch = onBatch;
    }

    /** Queues an item (any thread) and asks the UI executor for a flush when none is waiting and the interval has passed. */
    void add(T item) {
        pending.add(item);
        long now = clock.getAsLong();
        boolean due = lastFlush == Long.MIN_VALUE || now - lastFlush >= minIntervalNanos;
        if (due && scheduled.compareAndSet(false, true)) {
            ui.execute(() -> {
                scheduled.set(false);
                flush();
            });
        }
    }

    /** Hands every queued item to the consumer (UI thread), in the order they were added. */
    void flush() {
        lastFlush = clock.getAsLong();
        List<T> batch = new ArrayList<>();
        for (T item = pending.poll(); item != null; item = pending.poll()) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            onBatch.accept(batch);
        }
    }
}
