package org.attentionexplorer.io;

import static org.attentionexplorer.io.SafetensorsException.tensor;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.attentionexplorer.files.AtomicFiles;
import org.attentionexplorer.math.FloatTensor;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.model.GptModel;
import org.attentionexplorer.text.Gpt2Tokenizer;
import org.attentionexplorer.text.Tokenizer;
import org.attentionexplorer.text.TokenizerJson;
import org.nd4j.linalg.api.buffer.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model in Hugging Face's GPT-2 layout: a folder with {@code config.json} (see {@link Gpt2ConfigJson}) and
 * {@code model.safetensors}, as "openai-community/gpt2" (and gpt2-medium, -large, -xl) are published.
 *
 * <pre>
 * wte.weight (V, C)   wpe.weight (T, C)   ln_f.{weight,bias} (C)
 * h.{i}.ln_1.*, h.{i}.ln_2.* (C)
 * h.{i}.attn.c_attn.weight (C, 3C), .bias (3C)   query, key and value fused, stored [in, out] (Conv1D)
 * h.{i}.attn.c_proj.weight (C, C), .bias (C)
 * h.{i}.mlp.c_fc.weight (C, 4C), .bias (4C)    h.{i}.mlp.c_proj.weight (4C, C), .bias (C)
 * lm_head.weight (V, C)                         only when tie_word_embeddings is false; else the head is wte
 * </pre>
 *
 * These are the explorer's own parameter names and layout ({@link GptModel#parameterShapes}), so import and export
 * rename nothing. Names may carry a {@code transformer.} prefix (GPT2LMHeadModel's state dict); the causal-mask
 * buffers {@code h.{i}.attn.bias} and {@code h.{i}.attn.masked_bias} of older exports are skipped. Tensors may be F32,
 * F16 or BF16 (widened to float32). A model with a char or word tokenizer keeps its vocabulary beside the weights in
 * {@value #TOKENIZER_FILE}, which other tools do not read; without that file the tokenizer is GPT-2's BPE.
 */
public final class Gpt2Folder {
    public static final String CONFIG_FILE = "config.json";
    public static final String WEIGHTS_FILE = "model.safetensors";
    /** The explorer's own tokenizer of a char or word model, beside the weights. */
    public static final String TOKENIZER_FILE = "attention-explorer-tokenizer.json";
    static final String PREFIX = "transformer.";
    private static final Pattern MASK_BUFFER = Pattern.compile("h\\.\\d+\\.attn\\.(bias|masked_bias)");
    private static final Logger LOG = LoggerFactory.getLogger(Gpt2Folder.class);

    private Gpt2Folder() {
    }

    /**
     * Whether a path names a GPT-2 folder: a folder, or the config.json or model.safetensors inside one, when the
     * folder holds a config.json. (A checkpoint file of ours is never one.)
     */
    public static boolean isGpt2Folder(Path path) {
        if (Files.isDirectory(path)) {
            return true;
        }
        Path name = path.getFileName();
        Path parent = path.toAbsolutePath().getParent();
        if (name == null || parent == null) {
            return false;
        }
        return (name.toString().equals(CONFIG_FILE) || name.toString().equals(WEIGHTS_FILE))
                && Files.isRegularFile(parent.resolve(CONFIG_FILE));
    }

    /** The folder a path names: itself, or the folder of its config.json or model.safetensors. */
    static Path folderOf(Path path) {
        return Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    }

    /** Reads a GPT-2 folder, checking first that this process has the memory for it. */
    public static LoadedModel read(Path path) {
        return read(path, MemoryCheck.current());
    }

    /**
     * Reads a GPT-2 folder (or its config.json or model.safetensors) into a model of float32 weights. Every problem is
     * a {@link CheckpointException} naming the file and, for a tensor, the tensor. The weights are read one tensor at
     * a time straight into the model, so the heap holds at most one tensor's copy; the returned checkpoint therefore
     * lists no weights (the model has them) and has step 0 and no training history.
     */
    public static LoadedModel read(Path path, MemoryCheck memory) {
        Path folder = folderOf(path);
        Path configFile = folder.resolve(CONFIG_FILE);
        Path weightsFile = folder.resolve(WEIGHTS_FILE);
        JsonNode configJson = readConfigJson(folder, configFile);
        if (!Files.isRegularFile(weightsFile)) {
            throw new CheckpointException(weightsFile.toString(), null, "no such file: " + missingWeightsHint(folder), null);
        }
        try (SafetensorsFile file = Safetensors.open(weightsFile)) {
            String source = weightsFile.toString();
            Map<String, String> byName = names(source, file);
            boolean qkvBias = byName.containsKey("h.0.attn.c_attn.bias");
            GptConfig config;
            try {
                config = Gpt2ConfigJson.fromJson(configJson, qkvBias);
            } catch (IllegalArgumentException e) {
                throw new CheckpointException(configFile.toString(), null, e.getMessage(), e);
            }
            Map<String, int[]> expected = GptModel.parameterShapes(config);
            checkTensors(source, file, byName, expected, config);
            Tokenizer tokenizer = readTokenizer(folder, config);
            long parameters = 0;
            long largest = 0;
            for (int[] shape : expected.values()) {
                long n = FloatTensor.elementCount(shape);
                parameters += n;
                largest = Math.max(largest, n);
            }
            String shortfall = memory.shortfall(parameters, largest);
            if (shortfall != null) {
                throw new CheckpointException(folder.toString(), null, shortfall, null);
            }
            long start = System.nanoTime();
            GptModel model = GptModel.fromTensors(config, new LazyTensors(file, byName, expected.keySet()), DataType.FLOAT);
            LOG.info("GPT-2 folder {} read in {} ms: {}", folder, (System.nanoTime() - start) / 1_000_000, config);
            Checkpoint checkpoint = new Checkpoint(config, TokenizerJson.toJson(tokenizer), Map.of(), Map.of(), 0, 0, 0, List.of(),
                    Json.MAPPER.createObjectNode(), "GPT-2 folder");
            return new LoadedModel(folder, model, tokenizer, checkpoint, LoadedModel.Origin.GPT2_FOLDER);
        } catch (SafetensorsException e) {
            throw CheckpointException.of(e);
        }
    }

    private static JsonNode readConfigJson(Path folder, Path configFile) {
        if (!Files.isRegularFile(configFile)) {
            throw new CheckpointException(configFile.toString(), null, "no such file: a GPT-2 folder holds config.json and model.safetensors"
                    + (Files.isDirectory(folder) ? "" : " (and " + folder + " is not a folder)"), null);
        }
        String text;
        try {
            if (Files.size(configFile) > 16L << 20) {
                throw new CheckpointException(configFile.toString(), null, "is larger than 16 MB; a config.json is a few hundred bytes", null);
            }
            text = Files.readString(configFile);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CheckpointException c) {
                throw c;
            }
            throw new CheckpointException(configFile.toString(), null, "cannot be read as UTF-8 text: " + e.getMessage(), e);
        }
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(configFile.toString(), null, e.getMessage(), e);
        }
    }

    private static String missingWeightsHint(Path folder) {
        if (Files.exists(folder.resolve("model.safetensors.index.json"))) {
            return "the weights are split into several files (model.safetensors.index.json); Attention Explorer reads one model.safetensors";
        }
        if (Files.exists(folder.resolve("pytorch_model.bin"))) {
            return "the folder has only pytorch_model.bin (a pickle, which the explorer does not read); download model.safetensors too";
        }
        return "a GPT-2 folder holds config.json and model.safetensors (from Hugging Face, e.g. openai-community/gpt2)";
    }

    /** The model's parameter names to the file's keys, without the prefix and without the mask buffers. */
    private static Map<String, String> names(String source, SafetensorsFile file) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String key : file.names()) {
            String name = key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key;
            if (MASK_BUFFER.matcher(name).matches()) {
                continue;
            }
            String previous = byName.put(name, key);
            if (previous != null) {
                throw new CheckpointException(source, tensor(key), "is the same weight as " + tensor(previous)
                        + " (one with the transformer. prefix, one without)", null);
            }
        }
        return byName;
    }

    private static void checkTensors(String source, SafetensorsFile file, Map<String, String> byName, Map<String, int[]> expected,
            GptConfig config) {
        List<String> problems = new ArrayList<>();
        String sizes = "config.json: n_embd " + config.embDim() + ", n_layer " + config.numLayers() + ", n_positions "
                + config.contextLength() + ", vocab_size " + config.vocabSize();
        for (Map.Entry<String, int[]> entry : expected.entrySet()) {
            String key = byName.get(entry.getKey());
            if (key == null) {
                problems.add("\"" + entry.getKey() + "\" is missing (the model needs " + Arrays.toString(entry.getValue()) + ")");
                continue;
            }
            TensorInfo info = file.info(key);
            if (!Arrays.equals(info.shape(), entry.getValue())) {
                problems.add("\"" + key + "\" has shape " + Arrays.toString(info.shape()) + " but " + sizes + " needs "
                        + Arrays.toString(entry.getValue()));
            } else if (!info.dtype().readableAsFloat()) {
                problems.add("\"" + key + "\" has dtype " + info.dtype() + "; weights must be F32, F16 or BF16");
            }
        }
        for (Map.Entry<String, String> entry : byName.entrySet()) {
            String name = entry.getKey();
            if (expected.containsKey(name)) {
                continue;
            }
            if (name.equals("lm_head.weight") && config.tiedHead()) {
                // GPT2LMHeadModel sometimes saves its tied head too: it is wte itself, so it is only checked and skipped
                if (!Arrays.equals(file.info(entry.getValue()).shape(), new int[] {config.vocabSize(), config.embDim()})) {
                    problems.add("\"" + entry.getValue() + "\" has shape " + Arrays.toString(file.info(entry.getValue()).shape())
                            + " but the head is [vocab_size, n_embd]");
                }
                continue;
            }
            if (name.matches("h\\.\\d+\\.attn\\.c_attn\\.bias") && !config.qkvBias()) {
                problems.add("\"" + entry.getValue() + "\" is present but h.0 has no attn.c_attn.bias: every layer must have it, or none");
                continue;
            }
            problems.add("\"" + entry.getValue() + "\" is not a weight of a GPT-2 model of this config (" + sizes + ")");
        }
        if (!problems.isEmpty()) {
            int shown = Math.min(problems.size(), 5);
            String more = problems.size() > shown ? "; and " + (problems.size() - shown) + " more" : "";
            throw new CheckpointException(source, "weights", "do not fit the GPT-2 model of its config.json: "
                    + String.join("; ", problems.subList(0, shown)) + more, null);
        }
    }

    private static Tokenizer readTokenizer(Path folder, GptConfig config) {
        Path file = folder.resolve(TOKENIZER_FILE);
        Tokenizer tokenizer;
        if (Files.isRegularFile(file)) {
            try {
                tokenizer = TokenizerJson.fromJson(Json.parse(Files.readString(file)));
            } catch (IOException | IllegalArgumentException e) {
                throw new CheckpointException(file.toString(), null, e.getMessage(), e);
            }
            if (tokenizer.vocabSize() != config.vocabSize()) {
                throw new CheckpointException(file.toString(), null, "the tokenizer has " + tokenizer.vocabSize()
                        + " tokens but config.json's vocab_size is " + config.vocabSize(), null);
            }
            return tokenizer;
        }
        tokenizer = new Gpt2Tokenizer();
        if (config.vocabSize() != tokenizer.vocabSize()) {
            throw new CheckpointException(folder.resolve(CONFIG_FILE).toString(), null, "vocab_size is " + config.vocabSize()
                    + ", but GPT-2's tokenizer has " + tokenizer.vocabSize() + " tokens and the folder has no " + TOKENIZER_FILE
                    + " naming another", null);
        }
        return tokenizer;
    }

    /**
     * Writes a model in GPT-2's layout into {@code folder} (created if needed): config.json, model.safetensors (F32,
     * no prefix, metadata {@code format: pt} as Hugging Face expects) and, for a char or word tokenizer, its vocabulary
     * in {@value #TOKENIZER_FILE}. A model without query/key/value biases gets zero biases, which compute the same.
     * Each file is replaced atomically.
     *
     * @return the files written
     */
    public static List<Path> write(Path folder, GptModel model, Tokenizer tokenizer) throws IOException {
        GptConfig config = model.config();
        Files.createDirectories(folder);
        Map<String, FloatTensor> own = model.toTensors();
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, FloatTensor> entry : own.entrySet()) {
            tensors.put(entry.getKey(), entry.getValue());
            if (!config.qkvBias() && entry.getKey().endsWith(".attn.c_attn.weight")) {
                String bias = entry.getKey().replace(".weight", ".bias");
                tensors.put(bias, FloatTensor.of(new int[] {3 * config.embDim()}, new float[3 * config.embDim()]));
            }
        }
        List<Path> written = new ArrayList<>();
        Path weights = folder.resolve(WEIGHTS_FILE);
        Safetensors.write(weights, tensors, Map.of("format", "pt"));
        written.add(weights);
        Path configFile = folder.resolve(CONFIG_FILE);
        AtomicFiles.writeString(configFile, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Gpt2ConfigJson.toJson(config)) + "\n");
        written.add(configFile);
        Path tokenizerFile = folder.resolve(TOKENIZER_FILE);
        if (tokenizer instanceof Gpt2Tokenizer) {
            Files.deleteIfExists(tokenizerFile); // a stale vocabulary would otherwise be read back
        } else {
            AtomicFiles.writeString(tokenizerFile, Json.write(TokenizerJson.toJson(tokenizer)) + "\n");
            written.add(tokenizerFile);
        }
        return written;
    }

    /** The model's tensors read from the file when asked for, so only one is on the heap at a time. */
    private static final class LazyTensors extends AbstractMap<String, FloatTensor> {
        private final SafetensorsFile file;
        private final Map<String, String> keys;
        private final Set<String> names;

        LazyTensors(SafetensorsFile file, Map<String, String> keys, Set<String> names) {
            this.file = file;
            this.keys = keys;
            this.names = names;
        }

        @Override
        public boolean containsKey(Object name) {
            return names.contains(name);
        }

        @Override
        public FloatTensor get(Object name) {
            return names.contains(name) ? file.read(keys.get(name)) : null;
        }

        @Override
        public Set<Entry<String, FloatTensor>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, FloatTensor>> iterator() {
                    Iterator<String> it = names.iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public Entry<String, FloatTensor> next() {
                            String name = it.next();
                            return new SimpleImmutableEntry<>(name, get(name));
                        }
                    };
                }

                @Override
                public int size() {
                    return names.size();
                }
            };
        }
    }
}
