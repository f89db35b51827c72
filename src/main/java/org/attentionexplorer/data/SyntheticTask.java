package org.attentionexplorer.data;

import java.util.List;
import java.util.StringJoiner;
import java.util.random.RandomGenerator;

/**
 * A made-up task whose solution needs a known attention pattern, so a learner can train a small model on it and
 * check the heatmaps against {@link #expectedPattern()}. Examples are sequences of symbols from a fixed
 * {@link #vocabulary()} (token id = index in the list); a model trains on them as on text: each example is one
 * window, its first {@link #contextLength()} tokens the inputs and its last ones the targets.
 *
 * <p>{@link #length()} is n, the size of the problem (how many symbols to copy, reverse, sort or repeat); an
 * example is {@link #exampleLength()} tokens long.
 */
public interface SyntheticTask {

    /** The name in {@link SyntheticTasks}: {@code copy}, {@code reverse}, {@code sort} or {@code induction}. */
    String name();

    /** What an example looks like, in a sentence with a small example. */
    String description();

    /** The attention pattern a learner should see once the model has learned the task. */
    String expectedPattern();

    /** The symbols; a token id is an index in this list. */
    List<String> vocabulary();

    /** n: how many symbols the task works on. */
    int length();

    /** The same task for problems of {@code length} symbols. */
    SyntheticTask withLength(int length);

    /** Tokens in one example. */
    int exampleLength();

    /** The context a model needs: every token of an example but the last is an input. */
    default int contextLength() {
        return exampleLength() - 1;
    }

    /** One example, {@link #exampleLength()} token ids drawn from {@code random}. */
    int[] example(RandomGenerator random);

    /** Example {@code index} of {@code seed}: row b of {@code batches(B, seed).batch(s)} is example {@code s * B + b}. */
    default int[] example(long seed, long index) {
        return example(IndexedRandom.stream(seed, index));
    }

    /** Batches of examples: a source a training run can use as it uses a text. */
    default BatchSource batches(int batchSize, long seed) {
        return new SyntheticBatches(this, batchSize, seed);
    }

    /** Token ids as their symbols separated by spaces, e.g. {@code 3 1 4 | 3 1 4}. */
    default String symbols(int[] ids) {
        List<String> vocabulary = vocabulary();
        StringJoiner joined = new StringJoiner(" ");
        for (int id : ids) {
            joined.add(vocabulary.get(id));
        }
        return joined.toString();
    }
}
