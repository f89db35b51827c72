package org.attentionexplorer.data;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Sort: n random digits (repeats allowed), the separator, then the same digits in ascending order
 * ({@code 3 1 4 | 1 3 4}). Where to look depends on the values, not on the positions.
 *
 * @param length n, the digits to sort (1 to 1024)
 */
public record SortTask(int length) implements SyntheticTask {
    public static final int DEFAULT_LENGTH = 8;

    public SortTask {
        DigitSequences.checkLength("sort", length);
    }

    @Override
    public String name() {
        return "sort";
    }

    @Override
    public String description() {
        return "Sort: " + length + " random digits, the separator |, then the same digits in ascending order, "
                + "e.g. 3 1 4 | 1 3 4.";
    }

    @Override
    public String expectedPattern() {
        return "From the separator on, each query attends to the positions among the first " + length
                + " that hold the digit it must write next (the smallest not yet written, equal to or just above"
                + " the current one): a scattered pattern that follows the values, not a diagonal.";
    }

    @Override
    public List<String> vocabulary() {
        return DigitSequences.VOCABULARY;
    }

    @Override
    public SyntheticTask withLength(int newLength) {
        return new SortTask(newLength);
    }

    @Override
    public int exampleLength() {
        return 2 * length + 1;
    }

    @Override
    public int[] example(RandomGenerator random) {
        int[] source = DigitSequences.randomDigits(random, length);
        int[] sorted = source.clone();
        Arrays.sort(sorted);
        return DigitSequences.example(source, sorted);
    }
}
