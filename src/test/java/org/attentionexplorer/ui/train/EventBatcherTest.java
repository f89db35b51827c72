package org.attentionexplorer.ui.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventBatcherTest {
    private final List<List<Integer>> batches = new ArrayList<>();

    @Test
    void withNoIntervalEachItemIsDeliveredAtOnce() {
        EventBatcher<Integer> batcher = new EventBatcher<>(Runnable::run, 0, batches::add);
        batcher.offer(1);
        batcher.offer(2);
        assertThat(batches).containsExactly(List.of(1), List.of(2));
    }

    @Test
    void itemsOfferedWhileADeliveryIsQueuedGoInThatBatch() {
        List<Runnable> uiQueue = new ArrayList<>();
        EventBatcher<Integer> batcher = new EventBatcher<>(uiQueue::add, 0, batches::add);
        for (int i = 0; i < 1000; i++) {
            batcher.offer(i);
        }
        assertThat(uiQueue).as("one task on the UI thread for a burst").hasSize(1);
        uiQueue.remove(0).run();
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).hasSize(1000).startsWith(0, 1, 2).endsWith(999);
    }

    @Test
    void aDeliveryWaitsForTheIntervalAfterTheLastOne() throws InterruptedException {
        long[] now = {0};
        CountDownLatch delivered = new CountDownLatch(2);
        List<List<Integer>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        // the timer waits real time: a 1 s interval leaves a loaded machine time to check "not yet"
        EventBatcher<Integer> batcher = new EventBatcher<>(Runnable::run, 1_000_000_000L, b -> {
            seen.add(b);
            delivered.countDown();
        }, () -> now[0]);
        batcher.offer(1);                 // long after "the last delivery": at once
        assertThat(seen).containsExactly(List.of(1));
        batcher.offer(2);                 // within the interval: later, on the timer
        assertThat(seen).as("not before the interval").hasSize(1);
        now[0] = 2_000_000_000L;
        assertThat(delivered.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).containsExactly(List.of(1), List.of(2));
    }
}
