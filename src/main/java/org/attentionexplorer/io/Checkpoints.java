package org.attentionexplorer.io;

import org.attentionexplorer.files.AtomicFiles;
import static org.attentionexplorer.io.CheckpointException.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.attentionexplorer.math.FloatTensor;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.train.LossPoint;

/**
 * Checkpoint files: one safetensors file per checkpoint, readable by any safetensors reader.
 *
 * <pre>
 * tensors       the weights under their own names, in the model's order, then the optimizer state under
 *               "optimizer." + its own names, all F32
 * __metadata__  format         "attention-explorer-checkpoint"
 *               formatVersion  "1"
 *               appVersion     the writer's version, e.g. "0.1.0"
 *               config         GptConfig as JSON (see {@link ConfigJson})
 *               tokenizer      the tokenizer's JSON object, as given
 *               step           optimizer steps, a decimal number
 *               tokensSeen     training tokens consumed, a decimal number
 *               seed           the training seed, a decimal number
 *               history        the loss history as a JSON array of points (see {@link LossPoint})
 *               training       the training settings' JSON object, as given
 * </pre>
 *
 * Writing is atomic: a failed or interrupted save leaves the previous file as it was. Reading checks
 * everything and says what is wrong, and where, in a {@link CheckpointException}.
 */
public final class Checkpoints {
    /** The value of the {@code format} metadata entry. */
    public static final String FORMAT = "attention-explorer-checkpoint";
    /** The newest format version this code reads, and the one it writes. */
    public static final int FORMAT_VERSION = 1;

    static final String KEY_FORMAT = "format";
    static final String KEY_FORMAT_VERSION = "formatVersion";
    static final String KEY_APP_VERSION = "appVersion";
    static final String KEY_CONFIG = "config";
    static final String KEY_TOKENIZER = "tokenizer";
    static final String KEY_STEP = "step";
    static final String KEY_TOKENS_SEEN = "tokensSeen";
    static final String KEY_SEED = "seed";
    static final String KEY_HISTORY = "history";
    static final String KEY_TRAINING = "training";
    /** Every metadata key of format version 1, in the order they are written. */
    static final List<String> KEYS = List.of(KEY_FORMAT, KEY_FORMAT_VERSION, KEY_APP_VERSION, KEY_CONFIG, KEY_TOKENIZER,
            KEY_STEP, KEY_TOKENS_SEEN, KEY_SEED, KEY_HISTORY, KEY_TRAINING);

    private Checkpoints() {
    }

    /** Writes a checkpoint file, replacing any file of that name atomically. */
    public static void write(Path file, Checkpoint checkpoint) throws IOException {
        write(file, checkpoint, UnaryOperator.identity());
    }

    /** As {@link #write(Path, Checkpoint)}, with the file's channel wrapped: tests use it to fail part-way. */
    static void write(Path file, Checkpoint checkpoint, UnaryOperator<WritableByteChannel> disk) throws IOException {
        Map<String, FloatTensor> tensors = new LinkedHashMap<>(checkpoint.weights());
        checkpoint.optimizer().forEach((name, tensor) -> tensors.put(Checkpoint.OPTIMIZER_PREFIX + name, tensor));
        AtomicFiles.write(file, Safetensors.content(tensors, metadataOf(checkpoint)), disk);
    }

    /** The metadata entries of a checkpoint, in the order of {@link #KEYS}. */
    static Map<String, String> metadataOf(Checkpoint checkpoint) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(KEY_FORMAT, FORMAT);
        metadata.put(KEY_FORMAT_VERSION, Integer.toString(FORMAT_VERSION));
        metadata.put(KEY_APP_VERSION, checkpoint.appVersion());
        metadata.put(KEY_CONFIG, Json.write(ConfigJson.toJson(checkpoint.config())));
        metadata.put(KEY_TOKENIZER, Json.write(checkpoint.tokenizer()));
        metadata.put(KEY_STEP, Long.toString(checkpoint.step()));
        metadata.put(KEY_TOKENS_SEEN, Long.toString(checkpoint.tokensSeen()));
        metadata.put(KEY_SEED, Long.toString(checkpoint.seed()));
        metadata.put(KEY_HISTORY, Json.write(HistoryJson.toJson(checkpoint.history())));
        metadata.put(KEY_TRAINING, Json.write(checkpoint.training()));
        return metadata;
    }

    /**
     * The step a checkpoint holds, from its header alone (no weights are read), for lists of checkpoints.
     *
     * @throws CheckpointException when the file is missing, unreadable or not one of our checkpoints
     */
    public static long stepOf(Path file) {
        String source = file.toString();
        try (SafetensorsFile safetensors = Safetensors.open(file)) {
            Map<String, String> metadata = safetensors.metadata();
            checkFormat(source, metadata);
            return readLong(source, metadata, KEY_STEP, 0);
        } catch (SafetensorsException e) {
            throw CheckpointException.of(e);
        }
    }

    /**
     * Reads a checkpoint without checking its weights against a model (for that, see
     * {@link #read(Path, Function)}).
     *
     * @throws CheckpointException when the file is missing, unreadable, or not a valid checkpoint
     */
    public static Checkpoint read(Path file) {
        return read(file, config -> null);
    }

    /**
     * Reads a checkpoint and checks that its weights are exactly those of the model its config describes:
     * the same names, each with the same shape. The check uses the header only, so a mismatched file is
     * refused before its data is read.
     *
     * @param expectedShapes the model's parameter shapes by name for a config (null: do not check)
     * @throws CheckpointException when the file is missing, unreadable, not a valid checkpoint, or its weights
     *                             do not fit the model
     */
    public static Checkpoint read(Path file, Function<GptConfig, Map<String, int[]>> expectedShapes) {
        return read(file, expectedShapes, true);
    }

    /**
     * As {@link #read(Path, Function)}; without {@code withOptimizer} the optimizer state is not read (the record
     * then has none), which saves two thirds of the memory when a model is only used, not trained further.
     */
    public static Checkpoint read(Path file, Function<GptConfig, Map<String, int[]>> expectedShapes, boolean withOptimizer) {
        String source = file.toString();
        try (SafetensorsFile safetensors = Safetensors.open(file)) {
            Map<String, String> metadata = safetensors.metadata();
            checkFormat(source, metadata);
            GptConfig config = readConfig(source, metadata.get(KEY_CONFIG));
            JsonNode tokenizer = readJsonObject(source, metadata, KEY_TOKENIZER);
            long step = readLong(source, metadata, KEY_STEP, 0);
            long tokensSeen = readLong(source, metadata, KEY_TOKENS_SEEN, 0);
            long seed = readLong(source, metadata, KEY_SEED, Long.MIN_VALUE);
            List<LossPoint> history = readHistory(source, metadata.get(KEY_HISTORY));
            JsonNode training = readJsonObject(source, metadata, KEY_TRAINING);
            Map<String, int[]> expected = expectedShapes.apply(config);
            if (expected != null) {
                checkShapes(source, safetensors, expected);
            }
            // the data last: every check above needs only the header
            Map<String, FloatTensor> weights = new LinkedHashMap<>();
            Map<String, FloatTensor> optimizer = new LinkedHashMap<>();
            for (String name : safetensors.names()) {
                if (name.startsWith(Checkpoint.OPTIMIZER_PREFIX)) {
                    if (!withOptimizer) {
                        continue;
                    }
                    optimizer.put(name.substring(Checkpoint.OPTIMIZER_PREFIX.length()), safetensors.read(name));
                } else {
                    weights.put(name, safetensors.read(name));
                }
            }
            return new Checkpoint(config, tokenizer, weights, optimizer, step, tokensSeen, seed, history, training,
                    metadata.get(KEY_APP_VERSION));
        } catch (SafetensorsException e) {
            throw CheckpointException.of(e);
        }
    }

    /** The format entries first (so a file of another kind is named as such), then that every other key is present. */
    private static void checkFormat(String source, Map<String, String> metadata) {
        String format = metadata.get(KEY_FORMAT);
        if (format == null) {
            throw new CheckpointException(source, null, "is a safetensors file but not an Attention Explorer checkpoint"
                    + " (its metadata has no \"" + KEY_FORMAT + "\" entry)", null);
        }
        if (!format.equals(FORMAT)) {
            throw new CheckpointException(source, metadata(KEY_FORMAT), "is \"" + format + "\", not \"" + FORMAT
                    + "\": this is not an Attention Explorer checkpoint", null);
        }
        String version = metadata.get(KEY_FORMAT_VERSION);
        if (version == null) {
            throw new CheckpointException(source, metadata(KEY_FORMAT_VERSION), "missing", null);
        }
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new CheckpointException(source, metadata(KEY_FORMAT_VERSION), "must be a whole number, got \""
                    + version + "\"", e);
        }
        if (number > FORMAT_VERSION) {
            String writer = metadata.get(KEY_APP_VERSION);
            throw new CheckpointException(source, metadata(KEY_FORMAT_VERSION), "is " + number + ", newer than this version"
                    + " of Attention Explorer reads (" + FORMAT_VERSION + ")" + (writer == null ? "" : "; it was written by "
                    + writer) + ". Update Attention Explorer to open it", null);
        }
        if (number < 1) {
            throw new CheckpointException(source, metadata(KEY_FORMAT_VERSION), "must be at least 1, got " + number, null);
        }
        List<String> missing = new ArrayList<>();
        for (String key : KEYS) {
            if (!metadata.containsKey(key)) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            throw new CheckpointException(source, null, "the metadata lacks " + String.join(", ", missing)
                    + " (a checkpoint has " + String.join(", ", KEYS) + ")", null);
        }
    }

    private static GptConfig readConfig(String source, String text) {
        try {
            return ConfigJson.fromJson(Json.parse(text));
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(source, metadata(KEY_CONFIG), e.getMessage(), e);
        }
    }

    private static List<LossPoint> readHistory(String source, String text) {
        try {
            return HistoryJson.fromJson(Json.parse(text));
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(source, metadata(KEY_HISTORY), e.getMessage(), e);
        }
    }

    private static JsonNode readJsonObject(String source, Map<String, String> metadata, String key) {
        JsonNode node;
        try {
            node = Json.parse(metadata.get(key));
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(source, metadata(key), e.getMessage(), e);
        }
        if (!node.isObject()) {
            throw new CheckpointException(source, metadata(key), "must be a JSON object, got " + Json.snippet(node), null);
        }
        return node;
    }

    private static long readLong(String source, Map<String, String> metadata, String key, long min) {
        String text = metadata.get(key);
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new CheckpointException(source, metadata(key), "must be a whole number, got \"" + text + "\"", e);
        }
        if (value < min) {
            throw new CheckpointException(source, metadata(key), "must be at least " + min + ", got " + value, null);
        }
        return value;
    }

    /** The weights (tensors outside the optimizer prefix) must be exactly the expected names and shapes. */
    private static void checkShapes(String source, SafetensorsFile safetensors, Map<String, int[]> expected) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, int[]> entry : expected.entrySet()) {
            String name = entry.getKey();
            int[] shape = Objects.requireNonNull(entry.getValue(), () -> "no expected shape for " + name);
            if (!safetensors.contains(name)) {
                problems.add("\"" + name + "\" is missing (the model needs " + Arrays.toString(shape) + ")");
            } else if (!Arrays.equals(safetensors.info(name).shape(), shape)) {
                problems.add("\"" + name + "\" has shape " + Arrays.toString(safetensors.info(name).shape())
                        + " but the model needs " + Arrays.toString(shape));
            }
        }
        for (String name : safetensors.names()) {
            if (!name.startsWith(Checkpoint.OPTIMIZER_PREFIX) && !expected.containsKey(name)) {
                problems.add("\"" + name + "\" is not a weight of the model");
            }
        }
        if (!problems.isEmpty()) {
            int shown = Math.min(problems.size(), 5);
            String more = problems.size() > shown ? "; and " + (problems.size() - shown) + " more" : "";
            throw new CheckpointException(source, "weights", "do not fit the model of this config: "
                    + String.join("; ", problems.subList(0, shown)) + more, null);
        }
    }
}
