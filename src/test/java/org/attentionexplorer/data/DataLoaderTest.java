package org.attentionexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.attentionexplorer.random.TorchGenerator;
import org.junit.jupiter.api.Test;

/**
 * The ids are 0..n-1, so each row's first input is the start of its window and says which window it is
 * (with stride 1, window i starts at id i).
 */
class DataLoaderTest {

    private static SlidingWindowDataset windows(int count, int contextLength, int stride) {
        // enough ids for exactly `count` windows
        return new SlidingWindowDataset(IntStream.range(0, (count - 1) * stride + contextLength + 1).toArray(), contextLength, stride);
    }

    private static List<Integer> windowStarts(Batch batch) {
        List<Integer> starts = new ArrayList<>();
        for (int b = 0; b < batch.batchSize(); b++) {
            starts.add(batch.input(b, 0));
        }
        return starts;
    }

    @Test
    void sequentialBatchesFollowTheWindowsAndKeepTheShortLastBatch() {
        // ids 0..40, context 4, stride 4: windows start at 0, 4, ..., 36 (10 windows)
        SlidingWindowDataset dataset = new SlidingWindowDataset(IntStream.rangeClosed(0, 40).toArray(), 4, 4);
        DataLoader loader = DataLoader.sequential(dataset, 3);

        assertThat(loader.batchesPerEpoch()).isEqualTo(4);
        Batch first = loader.next();
        assertThat(first.inputs()).isDeepEqualTo(new int[][] {{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9, 10, 11}});
        assertThat(first.targets()).isDeepEqualTo(new int[][] {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}});
        assertThat(windowStarts(loader.next())).containsExactly(12, 16, 20);
        assertThat(windowStarts(loader.next())).containsExactly(24, 28, 32);
        Batch last = loader.next();
        assertThat(last.inputs()).isDeepEqualTo(new int[][] {{36, 37, 38, 39}});
        assertThat(last.targets()).isDeepEqualTo(new int[][] {{37, 38, 39, 40}});
        assertThat(loader.position()).isEqualTo(new DataLoader.Position(1, 0, 4));
        assertThat(windowStarts(loader.next())).as("the next epoch starts over").containsExactly(0, 4, 8);
    }

    @Test
    void dropLastLeavesOutTheShortLastBatch() {
        DataLoader loader = new DataLoader(windows(10, 4, 4), 3, false, true, 0);

        assertThat(loader.batchesPerEpoch()).isEqualTo(3);
        assertThat(loader.epoch(0)).hasSize(3).allSatisfy(batch -> assertThat(batch.batchSize()).isEqualTo(3));
    }

    @Test
    void theFirstEpochFollowsTorchRandperm() {
        // torch.manual_seed(123); torch.randperm(5) = [2, 0, 1, 3, 4] (see TorchGeneratorTest)
        DataLoader loader = new DataLoader(windows(5, 4, 1), 5, true, false, 123);

        assertThat(windowStarts(loader.next())).containsExactly(2, 0, 1, 3, 4);
    }

    @Test
    void eachEpochTakesTheNextRandpermOfOneGenerator() {
        int n = 20;
        DataLoader loader = new DataLoader(windows(n, 4, 1), 4, true, false, 7);
        TorchGenerator generator = new TorchGenerator(7);

        for (int epoch = 0; epoch < 3; epoch++) {
            int[] order = generator.randperm(n);
            List<Integer> visited = new ArrayList<>();
            loader.epoch(epoch).forEach(batch -> visited.addAll(windowStarts(batch)));
            assertThat(visited).as("epoch %d", epoch).containsExactly(IntStream.of(order).boxed().toArray(Integer[]::new));
        }
    }

    @Test
    void shuffledEpochsVisitEveryWindowOnceInDifferentOrders() {
        DataLoader loader = new DataLoader(windows(20, 4, 1), 6, true, false, 42);
        List<List<Integer>> orders = new ArrayList<>();
        for (int epoch = 0; epoch < 2; epoch++) {
            List<Integer> visited = new ArrayList<>();
            for (int b = 0; b < loader.batchesPerEpoch(); b++) {
                visited.addAll(windowStarts(loader.next()));
            }
            assertThat(visited).containsExactlyInAnyOrder(IntStream.range(0, 20).boxed().toArray(Integer[]::new));
            orders.add(visited);
        }
        assertThat(orders.get(0)).isNotEqualTo(orders.get(1)).isNotEqualTo(IntStream.range(0, 20).boxed().toList());
    }

    @Test
    void theSameSeedGivesTheSameBatchesAndAnotherSeedOthers() {
        SlidingWindowDataset dataset = windows(30, 4, 1);

        assertThat(new DataLoader(dataset, 4, true, true, 5).epoch(2))
                .containsExactlyElementsOf(new DataLoader(dataset, 4, true, true, 5).epoch(2))
                .isNotEqualTo(new DataLoader(dataset, 4, true, true, 6).epoch(2));
    }

    @Test
    void aResumedRunSeesTheBatchesOfAnUninterruptedRun() {
        SlidingWindowDataset dataset = windows(23, 4, 2);
        DataLoader uninterrupted = new DataLoader(dataset, 4, true, true, 123);
        List<Batch> all = new ArrayList<>();
        DataLoader.Position saved = null;
        for (int step = 0; step < 30; step++) {  // 5 batches per epoch: 6 epochs
            if (step == 13) {
                saved = uninterrupted.position();
            }
            all.add(uninterrupted.next());
        }
        assertThat(saved).isEqualTo(new DataLoader.Position(2, 3, 13));

        DataLoader resumed = new DataLoader(dataset, 4, true, true, 123);
        resumed.seek(saved);
        for (int step = 13; step < 30; step++) {
            assertThat(resumed.next()).as("step %d", step).isEqualTo(all.get(step));
        }

        DataLoader byStep = new DataLoader(dataset, 4, true, true, 123);
        assertThat(byStep.batch(29)).isEqualTo(all.get(29));
        assertThat(byStep.batch(3)).as("going back to an earlier epoch").isEqualTo(all.get(3));
    }

    @Test
    void tooFewWindowsForOneBatchWithDropLastIsAnError() {
        assertThatThrownBy(() -> new DataLoader(windows(3, 128, 128), 8, true, true, 1))
                .isInstanceOf(DataException.class)
                .hasMessage("there are 3 windows (of 129 tokens, one every 128), fewer than one batch of 8: "
                        + "lower the batch size or the stride, or use a longer text");
    }

    @Test
    void seekingOutsideAnEpochIsAnError() {
        DataLoader loader = DataLoader.sequential(windows(10, 4, 1), 3);

        assertThatThrownBy(() -> loader.seek(0, 4)).hasMessage("batch 4 is not in an epoch of 4 batches");
        assertThatThrownBy(() -> loader.seek(-1, 0)).hasMessage("the epoch must not be negative, got -1");
    }
}
