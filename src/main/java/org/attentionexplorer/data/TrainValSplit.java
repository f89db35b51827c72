package org.attentionexplorer.data;

import java.util.Locale;

/**
 * A text's token ids split by position into a training part and a validation part, as the book splits its
 * text with {@code train_ratio = 0.90}: the first {@code floor(trainRatio * n)} tokens train, the rest validate.
 *
 * <p>The book splits the characters of the text and tokenizes each part; this splits the token ids, so the
 * boundary never cuts a token in two. The index is computed as Python's {@code int(train_ratio * n)}, in
 * double precision.
 *
 * @param train      token ids of the training part
 * @param validation token ids of the validation part (empty when the ratio is 1)
 */
public record TrainValSplit(int[] train, int[] validation) {

    /** The book's ratio. */
    public static final double BOOK_TRAIN_RATIO = 0.90;

    public TrainValSplit {
        train = train.clone();
        validation = validation.clone();
    }

    /**
     * Splits {@code ids} at {@code floor(trainRatio * ids.length)} and checks that each part holds at least one
     * window of {@code contextLength + 1} tokens (the validation part only when {@code trainRatio < 1}).
     *
     * @param trainRatio the share of tokens that train, in (0, 1]; 1 leaves no validation part
     * @throws DataException naming the part that is too short, its size and what would help
     */
    public static TrainValSplit of(int[] ids, double trainRatio, int contextLength) {
        if (!(trainRatio > 0 && trainRatio <= 1)) {
            throw new DataException("the train ratio must be above 0 and at most 1, got " + trainRatio);
        }
        if (contextLength < 1) {
            throw new IllegalArgumentException("the context length must be at least 1, got " + contextLength);
        }
        int n = ids.length;
        long window = contextLength + 1L;
        if (n == 0) {
            throw new DataException("the text has no tokens");
        }
        if (n < window) {
            throw new DataException("the text has " + n + " tokens, fewer than " + DataException.oneWindow(contextLength));
        }
        int splitIndex = (int) Math.floor(trainRatio * n);
        if (splitIndex < window) {
            throw new DataException("the training part has " + splitIndex + " tokens (the first " + percent(trainRatio)
                    + " of " + n + "); it needs at least " + window + " (context " + contextLength + " + 1): "
                    + "raise the train ratio, shorten the context, or use a longer text");
        }
        int validationTokens = n - splitIndex;
        if (trainRatio < 1 && validationTokens < window) {
            throw new DataException("the validation part has " + validationTokens + " tokens (the last "
                    + percent(1 - trainRatio) + " of " + n + "); it needs at least " + window + " (context "
                    + contextLength + " + 1): lower the train ratio, shorten the context, or use a longer text");
        }
        int[] train = new int[splitIndex];
        int[] validation = new int[validationTokens];
        System.arraycopy(ids, 0, train, 0, splitIndex);
        System.arraycopy(ids, splitIndex, validation, 0, validationTokens);
        return new TrainValSplit(train, validation);
    }

    /** False when the ratio was 1: there is nothing to validate on. */
    public boolean hasValidation() {
        return validation.length > 0;
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] validation() {
        return validation.clone();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.4g", share * 100).replaceAll("\\.?0+$", "") + "%";
    }
}
