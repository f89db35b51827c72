package org.attentionexplorer.data;

import java.util.Arrays;

/**
 * One training batch of token ids: B rows of T input tokens, and for each the T target tokens, which are the
 * inputs shifted left by one (the target at time t is the token after input t). Immutable: arrays are copied
 * on the way in and out; {@link #input(int, int)} and {@link #target(int, int)} read without copying.
 *
 * <p>Dimension letters: B rows (batch), T tokens per row (time).
 *
 * @param inputs  token ids (B, T)
 * @param targets token ids (B, T): {@code targets[b][t]} is the token that follows {@code inputs[b][t]}
 */
public record Batch(int[][] inputs, int[][] targets) {

    public Batch {
        if (inputs.length == 0) {
            throw new IllegalArgumentException("a batch needs at least one row");
        }
        if (targets.length != inputs.length) {
            throw new IllegalArgumentException(inputs.length + " input rows but " + targets.length + " target rows");
        }
        int length = inputs[0].length;
        if (length == 0) {
            throw new IllegalArgumentException("a batch row needs at least one token");
        }
        for (int b = 0; b < inputs.length; b++) {
            if (inputs[b].length != length || targets[b].length != length) {
                throw new IllegalArgumentException("row " + b + " has " + inputs[b].length + " inputs and "
                        + targets[b].length + " targets; row 0 has " + length);
            }
        }
        inputs = copy(inputs);
        targets = copy(targets);
    }

    /**
     * The batch of these windows: each window is T + 1 consecutive tokens; its first T are the inputs and its
     * last T the targets. This is the one place where targets are made by shifting.
     *
     * @param windows token ids (B, T + 1)
     */
    public static Batch ofWindows(int[][] windows) {
        int[][] inputs = new int[windows.length][];   // (B, T)
        int[][] targets = new int[windows.length][];  // (B, T)
        for (int b = 0; b < windows.length; b++) {
            if (windows[b].length < 2) {
                throw new IllegalArgumentException("window " + b + " has " + windows[b].length
                        + " tokens; a window needs at least 2 (one input and its target)");
            }
            inputs[b] = Arrays.copyOfRange(windows[b], 0, windows[b].length - 1);
            targets[b] = Arrays.copyOfRange(windows[b], 1, windows[b].length);
        }
        return new Batch(inputs, targets);
    }

    /** B: the number of rows. */
    public int batchSize() {
        return inputs.length;
    }

    /** T: tokens per row. */
    public int length() {
        return inputs[0].length;
    }

    /** B * T: the input tokens in this batch (what "tokens seen" counts). */
    public long tokenCount() {
        return (long) batchSize() * length();
    }

    public int input(int row, int time) {
        return inputs[row][time];
    }

    public int target(int row, int time) {
        return targets[row][time];
    }

    /** A copy of the inputs (B, T). */
    @Override
    public int[][] inputs() {
        return copy(inputs);
    }

    /** A copy of the targets (B, T). */
    @Override
    public int[][] targets() {
        return copy(targets);
    }

    /** Equal when both hold the same ids in the same places. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Batch that && Arrays.deepEquals(inputs, that.inputs) && Arrays.deepEquals(targets, that.targets);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(inputs) + Arrays.deepHashCode(targets);
    }

    @Override
    public String toString() {
        return "Batch[inputs=" + Arrays.deepToString(inputs) + ", targets=" + Arrays.deepToString(targets) + "]";
    }

    private static int[][] copy(int[][] rows) {
        int[][] out = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }
}
