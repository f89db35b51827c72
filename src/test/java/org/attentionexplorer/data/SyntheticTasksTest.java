package org.attentionexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each task's examples are what it says, and each expected pattern points at the position that holds the next
 * token: the claim a learner will hold the heatmaps against.
 */
class SyntheticTasksTest {
    private static final int N = 6;
    private static final int SEPARATOR = 10;

    private static int[][] examples(SyntheticTask task, long seed) {
        return IntStream.range(0, 50).mapToObj(i -> task.example(seed, i)).toArray(int[][]::new);
    }

    @Test
    void copyRepeatsTheDigitsAfterTheSeparator() {
        SyntheticTask copy = SyntheticTasks.byName("copy", N);

        for (int[] example : examples(copy, 1)) {
            assertThat(example).hasSize(2 * N + 1);
            assertThat(example[N]).isEqualTo(SEPARATOR);
            assertThat(IntStream.of(example).limit(N)).allMatch(id -> id < 10);
            assertThat(Arrays.copyOfRange(example, 0, N)).containsExactly(Arrays.copyOfRange(example, N + 1, 2 * N + 1));
        }
        assertThat(copy.symbols(new int[] {3, 1, 4, 10, 3, 1, 4})).isEqualTo("3 1 4 | 3 1 4");
    }

    @Test
    void reverseWritesTheDigitsBackwardsAfterTheSeparator() {
        for (int[] example : examples(SyntheticTasks.byName("reverse", N), 2)) {
            assertThat(example[N]).isEqualTo(SEPARATOR);
            for (int i = 0; i < N; i++) {
                assertThat(example[N + 1 + i]).isEqualTo(example[N - 1 - i]);
            }
        }
    }

    @Test
    void sortWritesTheDigitsInAscendingOrderAfterTheSeparator() {
        for (int[] example : examples(SyntheticTasks.byName("sort", N), 3)) {
            int[] source = Arrays.copyOfRange(example, 0, N);
            Arrays.sort(source);
            assertThat(example[N]).isEqualTo(SEPARATOR);
            assertThat(Arrays.copyOfRange(example, N + 1, 2 * N + 1)).containsExactly(source);
        }
    }

    @Test
    void inductionRepeatsDistinctLetters() {
        for (int[] example : examples(SyntheticTasks.byName("induction", N), 4)) {
            int[] first = Arrays.copyOfRange(example, 0, N);
            assertThat(example).hasSize(2 * N);
            assertThat(first).doesNotHaveDuplicates();
            assertThat(IntStream.of(first)).allMatch(id -> id < 26);
            assertThat(Arrays.copyOfRange(example, N, 2 * N)).containsExactly(first);
        }
    }

    @Test
    void copysPatternPointsAtTheNextTokenNPositionsBack() {
        SyntheticTask copy = SyntheticTasks.byName("copy", N);
        assertThat(copy.expectedPattern()).contains("position p - " + N);
        for (int[] example : examples(copy, 5)) {
            for (int p = N; p < copy.contextLength(); p++) {
                assertThat(example[p + 1]).isEqualTo(example[p - N]);
            }
        }
    }

    @Test
    void reversesPatternPointsAtTheMirrorPosition() {
        SyntheticTask reverse = SyntheticTasks.byName("reverse", N);
        assertThat(reverse.expectedPattern()).contains("position " + (2 * N - 1) + " - p");
        for (int[] example : examples(reverse, 6)) {
            for (int p = N; p < reverse.contextLength(); p++) {
                assertThat(example[p + 1]).isEqualTo(example[2 * N - 1 - p]);
            }
        }
    }

    @Test
    void inductionsPatternPointsAtTheTokenAfterThePreviousOccurrence() {
        SyntheticTask induction = SyntheticTasks.byName("induction", N);
        assertThat(induction.expectedPattern()).contains("position p - " + (N - 1));
        for (int[] example : examples(induction, 7)) {
            for (int p = N; p < induction.contextLength(); p++) {
                int current = example[p];
                int previous = IntStream.range(0, p).filter(k -> example[k] == current).max().orElseThrow();
                assertThat(previous + 1).isEqualTo(p - (N - 1));
                assertThat(example[p + 1]).isEqualTo(example[previous + 1]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"copy", "reverse", "sort", "induction"})
    void examplesAreDeterminedByTheSeedAndIndex(String name) {
        SyntheticTask task = SyntheticTasks.byName(name);

        assertThat(task.example(11, 3)).containsExactly(task.example(11, 3));
        assertThat(examples(task, 11)).isDeepEqualTo(examples(task, 11)).isNotEqualTo(examples(task, 12));
        assertThat(task.example(new SplittableRandom(5))).containsExactly(task.example(new SplittableRandom(5)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"copy", "reverse", "sort", "induction"})
    void batchesAreExamplesSplitIntoInputsAndTargets(String name) {
        SyntheticTask task = SyntheticTasks.byName(name);
        BatchSource source = task.batches(4, 21);

        Batch batch = source.batch(5);

        assertThat(source.length()).isEqualTo(task.contextLength()).isEqualTo(task.exampleLength() - 1);
        assertThat(batch.batchSize()).isEqualTo(4);
        for (int b = 0; b < 4; b++) {
            int[] example = task.example(21, 5 * 4 + b);
            assertThat(batch.inputs()[b]).containsExactly(Arrays.copyOf(example, task.contextLength()));
            assertThat(batch.targets()[b]).containsExactly(Arrays.copyOfRange(example, 1, task.exampleLength()));
            assertThat(IntStream.of(example)).allMatch(id -> id >= 0 && id < task.vocabulary().size());
        }
        assertThat(source.batch(5)).isEqualTo(batch).isNotEqualTo(source.batch(6));
    }

    @Test
    void theRegistryFindsEachTaskByName() {
        assertThat(SyntheticTasks.names()).containsExactly("copy", "reverse", "sort", "induction");
        for (String name : SyntheticTasks.names()) {
            SyntheticTask task = SyntheticTasks.byName(name);
            assertThat(task.name()).isEqualTo(name);
            assertThat(task.description()).contains(Integer.toString(task.length()));
            assertThat(task.expectedPattern()).contains("attends to");
        }
        assertThat(SyntheticTasks.byName(" Copy ")).isEqualTo(new CopyTask(CopyTask.DEFAULT_LENGTH));
        assertThat(SyntheticTasks.byName("sort", 3)).isEqualTo(new SortTask(3));
        assertThat(SyntheticTasks.byName("copy").contextLength()).isEqualTo(2 * CopyTask.DEFAULT_LENGTH);
        assertThat(SyntheticTasks.byName("induction").contextLength()).isEqualTo(2 * InductionTask.DEFAULT_LENGTH - 1);
    }

    @Test
    void anUnknownNameIsAnErrorListingTheNames() {
        assertThatThrownBy(() -> SyntheticTasks.byName("shuffle"))
                .isInstanceOf(DataException.class)
                .hasMessage("there is no synthetic task named \"shuffle\"; the tasks are copy, reverse, sort, induction");
    }

    @Test
    void aLengthOutsideATasksRangeIsAnErrorNamingTheTask() {
        assertThatThrownBy(() -> SyntheticTasks.byName("copy", 0))
                .isInstanceOf(DataException.class)
                .hasMessage("copy: the length must be between 1 and 1024, got 0");
        assertThatThrownBy(() -> SyntheticTasks.byName("induction", 27))
                .isInstanceOf(DataException.class)
                .hasMessage("induction: the length must be between 2 and 26 (distinct letters a to z), got 27");
    }
}
