package org.attentionexplorer.data;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Reverse: n random digits, the separator, then the digits in reverse order ({@code 3 1 4 | 4 1 3}). To write
 * the digit at position p + 1, the query at position p looks at its mirror image, position 2n - 1 - p.
 *
 * @param length n, the digits to reverse (1 to 1024)
 */
public record ReverseTask(int length) implements SyntheticTask {
    public static final int DEFAULT_LENGTH = 8;

    public ReverseTask {
        DigitSequences.checkLength("reverse", length);
    }

    @Override
    public String name() {
        return "reverse";
    }

    @Override
    public String description() {
        return "Reverse: " + length + " random digits, the separator |, then the same digits in reverse order, "
                + "e.g. 3 1 4 | 4 1 3.";
    }

    @Override
    public String expectedPattern() {
        return "From the separator on, the query at position p attends to position " + (2 * length - 1)
                + " - p, the digit it must write next: an anti-diagonal from the last digit (column " + (length - 1)
                + ", in the separator's row " + length + ") back to the first (column 0, row " + (2 * length - 1) + ").";
    }

    @Override
    public List<String> vocabulary() {
        return DigitSequences.VOCABULARY;
    }

    @Override
    public SyntheticTask withLength(int newLength) {
        return new ReverseTask(newLength);
    }

    @Override
    public int exampleLength() {
        return 2 * length + 1;
    }

    @Override
    public int[] example(RandomGenerator random) {
        int[] source = DigitSequences.randomDigits(random, length);
        int[] reversed = new int[length];
        for (int i = 0; i < length; i++) {
            reversed[i] = source[length - 1 - i];
        }
        return DigitSequences.example(source, reversed);
    }
}
