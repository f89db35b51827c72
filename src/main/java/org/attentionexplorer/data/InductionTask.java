package org.attentionexplorer.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Repeated random sequences, where induction heads form: n distinct random letters, then the same n letters
 * again ({@code c a f c a f}). The first copy cannot be predicted; the second can, by finding where the current
 * letter occurred before and reading the letter after it.
 *
 * @param length n, the letters in the sequence (2 to 26: each letter appears once per copy)
 */
public record InductionTask(int length) implements SyntheticTask {
    public static final int DEFAULT_LENGTH = 16;
    /** The symbols {@code a} .. {@code z} (ids 0-25). */
    static final List<String> LETTERS = letters();

    public InductionTask {
        if (length < 2 || length > LETTERS.size()) {
            throw new DataException("induction: the length must be between 2 and " + LETTERS.size()
                    + " (distinct letters a to z), got " + length);
        }
    }

    private static List<String> letters() {
        List<String> letters = new ArrayList<>();
        for (char c = 'a'; c <= 'z'; c++) {
            letters.add(String.valueOf(c));
        }
        return Collections.unmodifiableList(letters);
    }

    @Override
    public String name() {
        return "induction";
    }

    @Override
    public String description() {
        return "Repeated sequence: " + length + " distinct random letters, then the same letters again, "
                + "e.g. c a f c a f.";
    }

    @Override
    public String expectedPattern() {
        return "In the second copy, a head attends to the token after the previous occurrence of the current token:"
                + " the query at position p attends to position p - " + (length - 1) + " (an induction head), helped"
                + " by a head in an earlier layer that attends to the previous token, p - 1.";
    }

    @Override
    public List<String> vocabulary() {
        return LETTERS;
    }

    @Override
    public SyntheticTask withLength(int newLength) {
        return new InductionTask(newLength);
    }

    @Override
    public int exampleLength() {
        return 2 * length;
    }

    /** n letters drawn without repeats (the first n places of a shuffle of a..z), then the same n again. */
    @Override
    public int[] example(RandomGenerator random) {
        int[] letters = new int[LETTERS.size()];
        for (int i = 0; i < letters.length; i++) {
            letters[i] = i;
        }
        int[] example = new int[2 * length];
        for (int i = 0; i < length; i++) {
            int pick = i + random.nextInt(letters.length - i);
            int swap = letters[i];
            letters[i] = letters[pick];
            letters[pick] = swap;
            example[i] = letters[i];
            example[i + length] = letters[i];
        }
        return example;
    }
}
