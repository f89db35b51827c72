package org.attentionexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainValSplitTest {

    @Test
    void theBooksRatioTrainsOnTheFirstNinetyPercent() {
        int[] ids = IntStream.range(0, 100).toArray();

        TrainValSplit split = TrainValSplit.of(ids, TrainValSplit.BOOK_TRAIN_RATIO, 4);

        assertThat(split.train()).containsExactly(IntStream.range(0, 90).toArray());
        assertThat(split.validation()).containsExactly(IntStream.range(90, 100).toArray());
        assertThat(split.hasValidation()).isTrue();
    }

    @Test
    void theSplitIndexIsPythonsIntOfRatioTimesN() {
        // 0.29 * 100 is 28.999999999999996 in double precision, and int() of it is 28, not 29.
        TrainValSplit split = TrainValSplit.of(IntStream.range(0, 100).toArray(), 0.29, 4);

        assertThat(split.train()).hasSize(28);
        assertThat(split.validation()).hasSize(72).startsWith(28);
    }

    @Test
    void ratioOneLeavesNoValidationPart() {
        TrainValSplit split = TrainValSplit.of(new int[10], 1.0, 4);

        assertThat(split.train()).hasSize(10);
        assertThat(split.validation()).isEmpty();
        assertThat(split.hasValidation()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.5, 1.5, Double.NaN})
    void aRatioOutsideZeroToOneIsRejected(double ratio) {
        assertThatThrownBy(() -> TrainValSplit.of(new int[1000], ratio, 4))
                .isInstanceOf(DataException.class)
                .hasMessage("the train ratio must be above 0 and at most 1, got " + ratio);
    }

    @Test
    void anEmptyOrShortTextIsRejectedWithItsSize() {
        assertThatThrownBy(() -> TrainValSplit.of(new int[0], 0.9, 128))
                .isInstanceOf(DataException.class)
                .hasMessage("the text has no tokens");
        assertThatThrownBy(() -> TrainValSplit.of(new int[37], 0.9, 128))
                .isInstanceOf(DataException.class)
                .hasMessage("the text has 37 tokens, fewer than one window of 129 (context 128 + 1)");
    }

    @Test
    void aValidationPartWithoutAWindowSaysHowBigItIsAndWhatWouldHelp() {
        // 0.96 * 300 = 288 tokens train; the last 12 cannot hold a window of 129.
        assertThatThrownBy(() -> TrainValSplit.of(new int[300], 0.96, 128))
                .isInstanceOf(DataException.class)
                .hasMessage("the validation part has 12 tokens (the last 4% of 300); it needs at least 129 "
                        + "(context 128 + 1): lower the train ratio, shorten the context, or use a longer text");
    }

    @Test
    void aTrainingPartWithoutAWindowSaysHowBigItIsAndWhatWouldHelp() {
        assertThatThrownBy(() -> TrainValSplit.of(new int[200], 0.5, 128))
                .isInstanceOf(DataException.class)
                .hasMessage("the training part has 100 tokens (the first 50% of 200); it needs at least 129 "
                        + "(context 128 + 1): raise the train ratio, shorten the context, or use a longer text");
    }

    @Test
    void partsOfExactlyOneWindowAreEnough() {
        TrainValSplit split = TrainValSplit.of(new int[10], 0.5, 4);

        assertThat(new SlidingWindowDataset(split.train(), 4, 1).size()).isEqualTo(1);
        assertThat(new SlidingWindowDataset(split.validation(), 4, 1).size()).isEqualTo(1);
    }

    @Test
    void aFileNameCanBeAddedToTheMessage() {
        DataException error = new DataException("the text has no tokens").in("notes.txt");

        assertThat(error).hasMessage("notes.txt: the text has no tokens");
        assertThat(error.source()).isEqualTo("notes.txt");
        assertThat(error.problem()).isEqualTo("the text has no tokens");
    }
}
