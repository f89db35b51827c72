package org.attentionexplorer.train;

import java.util.Locale;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attentionexplorer.data.BatchSource;
import org.attentionexplorer.data.DataException;
import org.attentionexplorer.data.DataLoader;
import org.attentionexplorer.data.RandomChunkSampler;
import org.attentionexplorer.data.SlidingWindowDataset;
import org.attentionexplorer.data.SyntheticTask;
import org.attentionexplorer.data.TrainValSplit;
import org.attentionexplorer.text.LoadedText;
import org.attentionexplorer.text.TextSources;
import org.attentionexplorer.text.Tokenizer;
import org.attentionexplorer.text.TokenizerKind;
import org.attentionexplorer.text.WordTokenizer;

/**
 * What a run trains on: the tokenizer and the batch sources of the training and validation splits.
 *
 * @param tokenizer   the tokenizer of the model
 * @param train       the training batches, one per step
 * @param validation  the validation batches, or null when there is no validation split
 * @param description one line a person reads, e.g. "text.txt: 41,230 tokens (37,107 train, 4,123 validation)"
 */
public record TrainingData(Tokenizer tokenizer, BatchSource train, BatchSource validation, String description) {

    /** Files larger than this train on random chunks read from disk instead of being loaded whole. */
    public static final long CHUNKED_ABOVE_BYTES = 256L * 1024 * 1024;
    /** How much of a chunked file a char or word tokenizer builds its vocabulary from. */
    private static final int VOCABULARY_SAMPLE_BYTES = 16 * 1024 * 1024;

    /**
     * The book's pipeline for a text file: tokenize, split at {@code trainRatio}, cut windows of {@code contextLength}
     * with a stride of the context, shuffle the training windows (seeded) and keep the validation ones in order.
     * Files above {@link #CHUNKED_ABOVE_BYTES} are sampled in random chunks (memory-mapped) with no validation split.
     *
     * @param tokenizer the tokenizer to use (e.g. restored from a checkpoint), or null to build one of {@code kind}
     */
    public static TrainingData fromTextFile(Path file, TokenizerKind kind, Tokenizer tokenizer, int contextLength,
            int batchSize, double trainRatio, long seed) throws IOException {
        if (Files.isRegularFile(file) && file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(TextSources.TXT)
                && Files.size(file) > CHUNKED_ABOVE_BYTES) {
            Tokenizer chunkTokenizer = tokenizer != null ? tokenizer : kind.fromText(sample(file));
            RandomChunkSampler sampler = new RandomChunkSampler(file, chunkTokenizer, contextLength, batchSize, seed);
            return new TrainingData(chunkTokenizer, sampler, null, String.format(Locale.ROOT, "%s: %,d bytes, trained on random chunks "
                    + "(no validation split)", file.getFileName(), sampler.fileBytes()));
        }
        LoadedText text = TextSources.load(file);
        Tokenizer used = tokenizer != null ? tokenizer : kind.fromText(text.text());
        int[] ids = used.encode(text.text());
        TrainValSplit split;
        try {
            split = TrainValSplit.of(ids, trainRatio, contextLength);
        } catch (DataException e) {
            throw e.in(file.toString());
        }
        SlidingWindowDataset trainWindows = new SlidingWindowDataset(split.train(), contextLength, contextLength);
        if (trainWindows.size() < batchSize) {
            throw new DataException(file.toString(), "the training part has " + trainWindows.size() + " windows of "
                    + contextLength + " tokens, fewer than one batch of " + batchSize + "; lower the batch size or the context", null);
        }
        BatchSource train = new DataLoader(trainWindows, batchSize, true, true, seed);
        BatchSource validation = null;
        if (split.hasValidation()) {
            SlidingWindowDataset valWindows = new SlidingWindowDataset(split.validation(), contextLength, contextLength);
            validation = DataLoader.sequential(valWindows, Math.min(batchSize, valWindows.size()));
        }
        String note = text.note().map(n -> "; " + n).orElse("");
        return new TrainingData(used, train, validation, String.format(Locale.ROOT, "%s: %,d tokens (%,d train, %,d validation), "
                + "vocabulary %,d%s", file.getFileName(), ids.length, split.train().length, split.validation().length,
                used.vocabSize(), note));
    }

    /** A synthetic task: its symbols as a word-level vocabulary, fresh examples per batch, validation from another seed. */
    public static TrainingData fromTask(SyntheticTask task, int batchSize, long seed) {
        Tokenizer tokenizer = WordTokenizer.fromVocabulary(task.vocabulary());
        return new TrainingData(tokenizer, task.batches(batchSize, seed), task.batches(batchSize, seed ^ 0x5DEECE66DL),
                "task " + task.name() + ": " + task.description() + " Expected pattern: " + task.expectedPattern());
    }

    private static String sample(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(VOCABULARY_SAMPLE_BYTES);
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
