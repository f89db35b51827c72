package org.attentionexplorer.ui.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The hand-over of streamed tokens: one waiting flush at a time, no more often than the interval, nothing lost. */
class BatcherTest {
    private final ArrayDeque<Runnable> uiQueue = new ArrayDeque<>();
    private final AtomicLong clock = new AtomicLong(1_000);
    private final List<List<Integer>> batches = new ArrayList<>();
    private final Batcher<Integer> batcher = new Batcher<>(uiQueue::add, 100, clock::get, batches::add);

    @Test
    void itemsAddedWhileAFlushWaitsGoInThatFlush() {
        batcher.add(1);
        batcher.add(2);
        batcher.add(3);
        assertThat(uiQueue).hasSize(1);
        uiQueue.poll().run();
        assertThat(batches).containsExactly(List.of(1, 2, 3));
    }

    @Test
    void noFlushIsAskedForBeforeTheIntervalButTheFinalFlushTakesTheRest() {
        batcher.add(1);
        uiQueue.poll().run();
        clock.addAndGet(50);
        batcher.add(2);
        assertThat(uiQueue).as("only 50 of 100 ns since the last flush").isEmpty();
        clock.addAndGet(50);
        batcher.add(3);
        assertThat(uiQueue).hasSize(1);
        uiQueue.poll().run();
        batcher.add(4);
        batcher.flush();
        assertThat(batches).containsExactly(List.of(1), List.of(2, 3), List.of(4));
    }
}
