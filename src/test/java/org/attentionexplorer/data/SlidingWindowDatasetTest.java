package org.attentionexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The book's GPTDatasetV1, on the ids 0..20 (so a window's ids are its own positions). */
class SlidingWindowDatasetTest {
    private static final int[] IDS = IntStream.rangeClosed(0, 20).toArray();

    @Test
    void strideOneGivesAWindowAtEveryPositionThatHasATarget() {
        SlidingWindowDataset dataset = new SlidingWindowDataset(IDS, 4, 1);

        // range(0, 21 - 4, 1): 17 windows, the last one's target ends on the last id.
        assertThat(dataset.size()).isEqualTo(17);
        assertThat(dataset.input(0)).containsExactly(0, 1, 2, 3);
        assertThat(dataset.target(0)).containsExactly(1, 2, 3, 4);
        assertThat(dataset.input(1)).containsExactly(1, 2, 3, 4);
        assertThat(dataset.target(1)).containsExactly(2, 3, 4, 5);
        assertThat(dataset.input(16)).containsExactly(16, 17, 18, 19);
        assertThat(dataset.target(16)).containsExactly(17, 18, 19, 20);
        assertThat(dataset.window(16)).containsExactly(16, 17, 18, 19, 20);
    }

    @Test
    void strideFourGivesWindowsThatDoNotOverlap() {
        SlidingWindowDataset dataset = new SlidingWindowDataset(IDS, 4, 4);

        // range(0, 17, 4) = 0, 4, 8, 12, 16
        assertThat(dataset.size()).isEqualTo(5);
        int[][] inputs = IntStream.range(0, 5).mapToObj(dataset::input).toArray(int[][]::new);
        assertThat(inputs).isDeepEqualTo(new int[][] {
                {0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9, 10, 11}, {12, 13, 14, 15}, {16, 17, 18, 19}});
        assertThat(dataset.target(4)).containsExactly(17, 18, 19, 20);
    }

    @ParameterizedTest
    @CsvSource({"21, 4, 1", "21, 4, 4", "21, 4, 5", "21, 4, 16", "21, 4, 17", "5, 4, 1", "6, 4, 3", "100, 7, 3"})
    void windowsAreThoseOfTheBooksLoop(int n, int contextLength, int stride) {
        int[] ids = IntStream.range(100, 100 + n).toArray();
        SlidingWindowDataset dataset = new SlidingWindowDataset(ids, contextLength, stride);

        List<int[]> expected = new ArrayList<>();
        for (int i = 0; i < n - contextLength; i += stride) {
            expected.add(Arrays.copyOfRange(ids, i, i + contextLength + 1));
        }
        assertThat(dataset.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(dataset.window(i)).as("window %d", i).containsExactly(expected.get(i));
        }
    }

    @Test
    void aTextShorterThanOneWindowIsRejectedWithTheNumbers() {
        assertThatThrownBy(() -> new SlidingWindowDataset(new int[37], 128, 1))
                .isInstanceOf(DataException.class)
                .hasMessage("the text has 37 tokens, fewer than one window of 129 (context 128 + 1)");
        assertThatThrownBy(() -> new SlidingWindowDataset(new int[4], 4, 1))
                .hasMessage("the text has 4 tokens, fewer than one window of 5 (context 4 + 1)");
        assertThatThrownBy(() -> new SlidingWindowDataset(new int[0], 4, 1))
                .isInstanceOf(DataException.class)
                .hasMessage("the text has no tokens");
    }

    @Test
    void theDatasetKeepsItsOwnCopyOfTheIds() {
        int[] ids = IDS.clone();
        SlidingWindowDataset dataset = new SlidingWindowDataset(ids, 4, 1);
        ids[0] = 99;
        dataset.window(0)[1] = 99;

        assertThat(dataset.window(0)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void aWindowOutsideTheDatasetIsAnError() {
        SlidingWindowDataset dataset = new SlidingWindowDataset(IDS, 4, 4);

        assertThatThrownBy(() -> dataset.window(5)).isInstanceOf(IndexOutOfBoundsException.class).hasMessage("window 5 of 5");
    }
}
