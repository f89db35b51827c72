package org.attentionexplorer.data;

import java.util.Arrays;

/**
 * The book's {@code GPTDatasetV1} on token ids: windows of {@code contextLength + 1} tokens starting every
 * {@code stride} tokens. Window i starts at {@code i * stride}; its first {@code contextLength} tokens are the
 * inputs and its last {@code contextLength} the targets, as in the book's
 * <pre>
 * for i in range(0, len(token_ids) - max_length, stride):
 *     input_chunk  = token_ids[i : i + max_length]
 *     target_chunk = token_ids[i + 1 : i + max_length + 1]
 * </pre>
 * ({@code contextLength} is the book's {@code max_length}). Tokens after the last whole window are not used.
 */
public final class SlidingWindowDataset {
    private final int[] ids;
    private final int contextLength;
    private final int stride;
    private final int size;

    /**
     * @throws DataException when {@code ids} holds fewer than one window
     */
    public SlidingWindowDataset(int[] ids, int contextLength, int stride) {
        if (contextLength < 1) {
            throw new IllegalArgumentException("the context length must be at least 1, got " + contextLength);
        }
        if (stride < 1) {
            throw new IllegalArgumentException("the stride must be at least 1, got " + stride);
        }
        if (ids.length == 0) {
            throw new DataException("the text has no tokens");
        }
        if (ids.length <= contextLength) {
            throw new DataException("the text has " + ids.length + " tokens, fewer than " + DataException.oneWindow(contextLength));
        }
        this.ids = ids.clone();
        this.contextLength = contextLength;
        this.stride = stride;
        // len(range(0, n - contextLength, stride))
        this.size = (ids.length - contextLength - 1) / stride + 1;
    }

    /** The number of windows. */
    public int size() {
        return size;
    }

    /** T: input tokens per window. */
    public int contextLength() {
        return contextLength;
    }

    public int stride() {
        return stride;
    }

    /** Tokens in the text the windows are cut from. */
    public int tokenCount() {
        return ids.length;
    }

    /** Window {@code index}: {@code contextLength + 1} token ids from {@code index * stride} on. */
    public int[] window(int index) {
        int start = start(index);
        return Arrays.copyOfRange(ids, start, start + contextLength + 1);
    }

    /** The inputs of window {@code index} (T). */
    public int[] input(int index) {
        int start = start(index);
        return Arrays.copyOfRange(ids, start, start + contextLength);
    }

    /** The targets of window {@code index} (T): its inputs shifted by one token. */
    public int[] target(int index) {
        int start = start(index);
        return Arrays.copyOfRange(ids, start + 1, start + contextLength + 1);
    }

    private int start(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("window " + index + " of " + size);
        }
        return index * stride;
    }
}
