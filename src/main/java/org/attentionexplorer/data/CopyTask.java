package org.attentionexplorer.data;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Copy: n random digits, the separator, then the same n digits ({@code 3 1 4 | 3 1 4}). To write the digit at
 * position p + 1, the query at position p looks n positions back.
 *
 * @param length n, the digits to copy (1 to 1024)
 */
public record CopyTask(int length) implements SyntheticTask {
    public static final int DEFAULT_LENGTH = 8;

    public CopyTask {
        DigitSequences.checkLength("copy", length);
    }

    @Override
    public String name() {
        return "copy";
    }

    @Override
    public String description() {
        return "Copy: " + length + " random digits, the separator |, then the same digits again, e.g. 3 1 4 | 3 1 4.";
    }

    @Override
    public String expectedPattern() {
        return "From the separator on, the query at position p attends to position p - " + length
                + ", the digit it must write next: a diagonal " + length
                + " columns left of the main one, from the separator's row (" + length + ") down.";
    }

    @Override
    public List<String> vocabulary() {
        return DigitSequences.VOCABULARY;
    }

    @Override
    public SyntheticTask withLength(int newLength) {
        return new CopyTask(newLength);
    }

    @Override
    public int exampleLength() {
        return 2 * length + 1;
    }

    @Override
    public int[] example(RandomGenerator random) {
        int[] source = DigitSequences.randomDigits(random, length);
        return DigitSequences.example(source, source);
    }
}
