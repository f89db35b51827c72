package org.attentionexplorer.ui.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Hands items offered on any thread (training events) to the UI thread in batches, at most one batch per
 * {@code intervalNanos}: however fast a run emits, the UI executor receives a bounded number of tasks per second,
 * each with everything that arrived since the last. Nothing is dropped; the consumer decides what to keep.
 *
 * <p>With an interval of 0 every offer is delivered at once (tests: with a same-thread UI executor the batch is
 * delivered before {@link #offer} returns).
 */
public final class EventBatcher<T> {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "attention-explorer-ui-batches");
        thread.setDaemon(true);
        return thread;
    });

    private final Executor ui;
    private final long intervalNanos;
    private final Consumer<List<T>> deliver;
    private final LongSupplier clock;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile long lastDelivery = Long.MIN_VALUE / 2;

    /**
     * @param ui            where batches are delivered (the FX thread: {@code Platform::runLater})
     * @param intervalNanos the shortest time between two deliveries
     * @param deliver       receives each batch, oldest item first, on {@code ui}
     */
    public EventBatcher(Executor ui, long intervalNanos, Consumer<List<T>> deliver) {
        this(ui, intervalNanos, deliver, System::nanoTime);
    }

    EventBatcher(Executor ui, long intervalNanos, Consumer<List<T>> deliver, LongSupplier clock) {
        this.ui = ui;
        this.intervalNanos = intervalNanos;
        this.deliver = deliver;
        this.clock = clock;
    }

    /** Queues an item; schedules a delivery unless one is already on its way. Any thread. */
    public void offer(T item) {
        queue.add(item);
        if (pending.compareAndSet(false, true)) {
            long wait = lastDelivery + intervalNanos - clock.getAsLong();
            if (wait <= 0) {
                ui.execute(this::drain);
            } else {
                TIMER.schedule(() -> ui.execute(this::drain), wait, TimeUnit.NANOSECONDS);
            }
        }
    }

    private void drain() {
        pending.set(false); // items offered from now on schedule the next delivery
        lastDelivery = clock.getAsLong();
        List<T> batch = new ArrayList<>();
        for (T item = queue.poll(); item != null; item = queue.poll()) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            deliver.accept(batch);
        }
    }
}
