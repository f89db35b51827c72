package org.attentionexplorer.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.attentionexplorer.text.Tokenizer;

/**
 * Training windows cut at random places of a text file of any size, which is never read as a whole: the file
 * is memory-mapped, and each window tokenizes only a chunk of a few hundred bytes around a random offset. For
 * texts of gigabytes, where {@link SlidingWindowDataset} would need every token id in memory.
 *
 * <p>Window i (of a given seed) is made like this:
 * <ol>
 *   <li>draw a byte offset, uniform over the places where a chunk fits in the file;</li>
 *   <li>read the chunk; skip continuation bytes ({@code 10xxxxxx}) at its start and drop the character that
 *       may be cut off at its end, so only whole UTF-8 characters remain; decode (invalid bytes become
 *       U+FFFD);</li>
 *   <li>tokenize it; drop the first token unless the chunk starts at the file's start, and the last unless it
 *       ends at the file's end (they may be pieces of longer tokens cut by the chunk's edges); keep the first
 *       {@code contextLength + 1} tokens;</li>
 *   <li>if the chunk made too few tokens, draw a new offset for a chunk twice as long, up to the whole file.</li>
 * </ol>
 * Every window so decodes to a piece of the file's text. Window i depends only on (seed, i), so batches are
 * reproducible and a resumed run sees the batches an uninterrupted one sees. Text near the two ends of the
 * file is a little less likely to be drawn than the rest.
 *
 * <p>The sampler holds no state that a window changes, so windows may be cut on several threads when the
 * tokenizer allows it.
 */
public final class RandomChunkSampler implements BatchSource {
    /** First guess at bytes per token; a chunk that makes too few tokens is doubled. */
    private static final int BYTES_PER_TOKEN_GUESS = 6;
    /** Room for the dropped first and last tokens and a cut character. */
    private static final int MARGIN_BYTES = 64;
    /** The longest chunk tried before giving up on a text that makes almost no tokens. */
    static final int MAX_CHUNK_BYTES = 1 << 24;

    private final MappedFile file;
    private final String fileName;
    private final Tokenizer tokenizer;
    private final int contextLength;
    private final int batchSize;
    private final long seed;
    private final AtomicLong bytesDecoded = new AtomicLong();

    /**
     * Maps {@code file} and cuts window 0 to check that the file holds at least one window.
     *
     * @throws DataException when the file is empty or too short for one window
     * @throws IOException   when the file cannot be opened or mapped
     */
    public RandomChunkSampler(Path file, Tokenizer tokenizer, int contextLength, int batchSize, long seed) throws IOException {
        this(file, tokenizer, contextLength, batchSize, seed, MappedFile.DEFAULT_REGION_BYTES);
    }

    /** As above, with mapped regions of {@code regionBytes} (tests use tiny regions to cross their boundaries). */
    RandomChunkSampler(Path file, Tokenizer tokenizer, int contextLength, int batchSize, long seed, long regionBytes)
            throws IOException {
        if (contextLength < 1) {
            throw new IllegalArgumentException("the context length must be at least 1, got " + contextLength);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, got " + batchSize);
        }
        this.fileName = String.valueOf(file.getFileName());
        this.file = MappedFile.open(file, regionBytes);
        this.tokenizer = tokenizer;
        this.contextLength = contextLength;
        this.batchSize = batchSize;
        this.seed = seed;
        if (this.file.size() == 0) {
            throw new DataException(fileName, "the file is empty", null);
        }
        window(0);
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public int length() {
        return contextLength;
    }

    /** Bytes in the file. */
    public long fileBytes() {
        return file.size();
    }

    /** Rows {@code step * B .. step * B + B - 1} of the stream of windows. */
    @Override
    public Batch batch(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("the step must not be negative, got " + step);
        }
        int[][] windows = new int[batchSize][];  // (B, T + 1)
        for (int b = 0; b < batchSize; b++) {
            windows[b] = window(step * batchSize + b);
        }
        return Batch.ofWindows(windows);
    }

    /** Window {@code index}: {@code contextLength + 1} consecutive token ids of the file's text. */
    public int[] window(long index) {
        SplittableRandom random = IndexedRandom.stream(seed, index);
        long size = file.size();
        int needed = contextLength + 1;
        long chunk = Math.min(size, (long) BYTES_PER_TOKEN_GUESS * (needed + 2) + MARGIN_BYTES);
        while (true) {
            long start = chunk == size ? 0 : random.nextLong(size - chunk + 1);
            int[] tokens = wholeTokens(start, (int) chunk);
            if (tokens.length >= needed) {
                return Arrays.copyOf(tokens, needed);
            }
            if (chunk == size) {
                throw new DataException(fileName, "the whole file (" + size + " bytes) makes " + tokens.length
                        + " tokens, fewer than " + DataException.oneWindow(contextLength)
                        + ": use a longer text or a shorter context", null);
            }
            if (chunk >= MAX_CHUNK_BYTES) {
                throw new DataException(fileName, "the " + chunk + " bytes from byte " + start + " make only "
                        + tokens.length + " tokens, fewer than " + DataException.oneWindow(contextLength)
                        + ": the tokenizer finds almost nothing to read in this text", null);
            }
            chunk = Math.min(Math.min(size, MAX_CHUNK_BYTES), chunk * 2);
        }
    }

    /**
     * The tokens of the chunk of {@code chunkBytes} at {@code start}, without the first and last token where the
     * chunk cuts into the text (they may be pieces of longer tokens).
     */
    private int[] wholeTokens(long start, int chunkBytes) {
        byte[] bytes = file.read(start, chunkBytes);
        boolean startsInside = start > 0;
        boolean endsInside = start + chunkBytes < file.size();
        int from = startsInside ? Utf8.nextBoundary(bytes, 0, bytes.length) : 0;
        int to = endsInside ? Utf8.lastCharStart(bytes, from, bytes.length) : bytes.length;
        bytesDecoded.addAndGet(to - from);
        int[] ids = tokenizer.encode(Utf8.decode(bytes, from, to));
        int first = startsInside ? 1 : 0;
        int end = endsInside ? ids.length - 1 : ids.length;
        return end <= first ? new int[0] : Arrays.copyOfRange(ids, first, end);
    }

    /** Bytes decoded so far, over all windows: shows that a window reads a chunk, not the file. */
    long bytesDecoded() {
        return bytesDecoded.get();
    }
}
