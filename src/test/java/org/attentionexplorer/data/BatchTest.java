package org.attentionexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BatchTest {

    @Test
    void ofWindowsTakesInputsFromTheStartAndTargetsShiftedByOne() {
        Batch batch = Batch.ofWindows(new int[][] {{1, 2, 3, 4}, {5, 6, 7, 8}});

        assertThat(batch.inputs()).isDeepEqualTo(new int[][] {{1, 2, 3}, {5, 6, 7}});
        assertThat(batch.targets()).isDeepEqualTo(new int[][] {{2, 3, 4}, {6, 7, 8}});
        assertThat(batch.batchSize()).isEqualTo(2);
        assertThat(batch.length()).isEqualTo(3);
        assertThat(batch.tokenCount()).isEqualTo(6);
        assertThat(batch.input(1, 2)).isEqualTo(7);
        assertThat(batch.target(1, 2)).isEqualTo(8);
    }

    @Test
    void changingTheArraysGivenOrReturnedDoesNotChangeTheBatch() {
        int[][] inputs = {{1, 2}};
        int[][] targets = {{2, 3}};
        Batch batch = new Batch(inputs, targets);

        inputs[0][0] = 99;
        targets[0][0] = 99;
        batch.inputs()[0][1] = 99;
        batch.targets()[0][1] = 99;

        assertThat(batch.inputs()).isDeepEqualTo(new int[][] {{1, 2}});
        assertThat(batch.targets()).isDeepEqualTo(new int[][] {{2, 3}});
    }

    @Test
    void batchesWithTheSameIdsAreEqual() {
        Batch a = Batch.ofWindows(new int[][] {{1, 2, 3}});
        Batch b = Batch.ofWindows(new int[][] {{1, 2, 3}});
        Batch c = Batch.ofWindows(new int[][] {{1, 2, 4}});

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
    }

    @Test
    void rowsOfDifferentLengthsAreRejectedNamingTheRow() {
        assertThatThrownBy(() -> new Batch(new int[][] {{1, 2}, {3}}, new int[][] {{2, 3}, {4}}))
                .hasMessage("row 1 has 1 inputs and 1 targets; row 0 has 2");
        assertThatThrownBy(() -> Batch.ofWindows(new int[][] {{1}}))
                .hasMessageContaining("window 0 has 1 tokens");
        assertThatThrownBy(() -> new Batch(new int[0][], new int[0][]))
                .hasMessage("a batch needs at least one row");
    }
}
