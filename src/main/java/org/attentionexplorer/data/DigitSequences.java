package org.attentionexplorer.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What the copy, reverse and sort tasks share: the digits 0-9 and the separator {@code |} as symbols, and
 * examples made of n random digits, the separator, and n answer digits.
 */
final class DigitSequences {
    /** The symbols {@code 0} .. {@code 9} (ids 0-9) and {@code |} (id 10). */
    static final List<String> VOCABULARY = vocabulary();
    static final int SEPARATOR = 10;
    static final int MAX_LENGTH = 1024;

    private DigitSequences() {
    }

    private static List<String> vocabulary() {
        List<String> symbols = new ArrayList<>();
        for (int digit = 0; digit <= 9; digit++) {
            symbols.add(Integer.toString(digit));
        }
        symbols.add("|");
        return Collections.unmodifiableList(symbols);
    }

    static int checkLength(String task, int length) {
        if (length < 1 || length > MAX_LENGTH) {
            throw new DataException(task + ": the length must be between 1 and " + MAX_LENGTH + ", got " + length);
        }
        return length;
    }

    /** n digits, each uniform over 0-9. */
    static int[] randomDigits(RandomGenerator random, int n) {
        int[] digits = new int[n];
        for (int i = 0; i < n; i++) {
            digits[i] = random.nextInt(10);
        }
        return digits;
    }

    /** {@code source | answer}: 2n + 1 token ids. */
    static int[] example(int[] source, int[] answer) {
        int n = source.length;
        int[] example = new int[2 * n + 1];
        System.arraycopy(source, 0, example, 0, n);
        example[n] = SEPARATOR;
        System.arraycopy(answer, 0, example, n + 1, n);
        return example;
    }
}
