package org.attentionexplorer.io;

import org.attentionexplorer.files.FullDisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.attentionexplorer.math.FloatTensor;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.train.LossPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {
    private static final GptConfig CONFIG = new GptConfig(5, 8, 4, 2, 1, 0.1, true, false);

    @TempDir
    Path dir;

    private static FloatTensor filled(float start, int... shape) {
        float[] values = new float[(int) FloatTensor.elementCount(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = start + i * 0.25f;
        }
        return FloatTensor.of(shape, values);
    }

    /** A small model's weights in GPT-2 names and order (not a full model: the names are opaque here). */
    private static Map<String, FloatTensor> weights() {
        Map<String, FloatTensor> weights = new LinkedHashMap<>();
        weights.put("wte.weight", filled(0, 5, 4));
        weights.put("wpe.weight", filled(-1, 8, 4));
        weights.put("h.0.attn.c_attn.weight", filled(2, 4, 12));
        weights.put("h.0.attn.c_attn.bias", filled(3, 12));
        weights.put("ln_f.bias", filled(4, 4));
        return weights;
    }

    private static Map<String, int[]> shapesOf(Map<String, FloatTensor> tensors) {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        tensors.forEach((name, tensor) -> shapes.put(name, tensor.shape()));
        return shapes;
    }

    private static Checkpoint checkpoint(long step) {
        Map<String, FloatTensor> optimizer = new LinkedHashMap<>();
        weights().forEach((name, w) -> optimizer.put("m." + name, filled(0.5f, w.shape())));
        weights().forEach((name, w) -> optimizer.put("v." + name, filled(0.75f, w.shape())));
        JsonNode tokenizer = Json.parse("{\"type\": \"char\", \"vocab\": [\"a\", \"b\", \"c\", \"d\", \"\\n\"]}");
        JsonNode training = Json.parse("{\"learningRate\": 4.0E-4, \"schedule\": \"cosine\", \"warmupSteps\": 10, \"batchSize\": 8}");
        List<LossPoint> history = List.of(
                new LossPoint(0, 0, 1.61, Double.NaN, 0.0),
                new LossPoint(10, 640, 1.2, 1.3, 4.0e-4),
                new LossPoint(step, step * 64, 0.9, 1.1, 3.5e-4));
        return new Checkpoint(CONFIG, tokenizer, weights(), optimizer, step, step * 64, 123, history, training, "0.1.0-test");
    }

    private List<String> filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void whatIsWrittenIsReadBackEqual() throws IOException {
        Path file = dir.resolve("run.ckpt.safetensors");
        Checkpoint written = checkpoint(30);
        Checkpoints.write(file, written);
        Checkpoint read = Checkpoints.read(file);
        assertThat(read).isEqualTo(written);
        assertThat(read.weights().keySet()).containsExactlyElementsOf(weights().keySet());
        assertThat(read.optimizer().keySet()).startsWith("m.wte.weight", "m.wpe.weight").endsWith("v.ln_f.bias");
    }

    /** The layout documented on {@link Checkpoints}, seen by a plain safetensors reader. */
    @Test
    void theFileIsASafetensorsFileWithTheDocumentedLayout() throws IOException {
        Path file = dir.resolve("run.safetensors");
        Checkpoints.write(file, checkpoint(30));
        try (SafetensorsFile read = Safetensors.open(file)) {
            assertThat(read.names()).startsWith("wte.weight", "wpe.weight", "h.0.attn.c_attn.weight", "h.0.attn.c_attn.bias",
                    "ln_f.bias", "optimizer.m.wte.weight").endsWith("optimizer.v.ln_f.bias").hasSize(15);
            assertThat(read.info("optimizer.v.h.0.attn.c_attn.weight").shape()).containsExactly(4, 12);
            Map<String, String> metadata = read.metadata();
            assertThat(metadata.keySet()).containsExactly("format", "formatVersion", "appVersion", "config", "tokenizer",
                    "step", "tokensSeen", "seed", "history", "training");
            assertThat(metadata).containsEntry("format", "attention-explorer-checkpoint").containsEntry("formatVersion", "1")
                    .containsEntry("appVersion", "0.1.0-test").containsEntry("step", "30").containsEntry("tokensSeen", "1920")
                    .containsEntry("seed", "123")
                    .containsEntry("config", "{\"vocabSize\":5,\"contextLength\":8,\"embDim\":4,\"numHeads\":2,\"numLayers\":1,"
                            + "\"dropRate\":0.1,\"qkvBias\":true,\"tiedHead\":false}")
                    .containsEntry("tokenizer", "{\"type\":\"char\",\"vocab\":[\"a\",\"b\",\"c\",\"d\",\"\\n\"]}")
                    .containsEntry("training", "{\"learningRate\":4.0E-4,\"schedule\":\"cosine\",\"warmupSteps\":10,\"batchSize\":8}");
            assertThat(metadata.get("history")).startsWith("[{\"step\":0,\"tokensSeen\":0,\"trainLoss\":1.61,\"valLoss\":\"NaN\",");
        }
    }

    @Test
    void aSaveReplacesTheFileAndLeavesNothingElse() throws IOException {
        Path file = dir.resolve("run.safetensors");
        Checkpoints.write(file, checkpoint(30));
        Checkpoints.write(file, checkpoint(40));
        assertThat(Checkpoints.read(file).step()).isEqualTo(40);
        assertThat(filesInDir()).containsExactly("run.safetensors");
    }

    /** The disk fills up in the middle of the tensor data: the previous checkpoint stays whole and readable. */
    @Test
    void aDiskThatFillsUpMidSaveKeepsThePreviousCheckpoint() throws IOException {
        Path file = dir.resolve("run.safetensors");
        Checkpoints.write(file, checkpoint(30));
        byte[] before = Files.readAllBytes(file);
        long capacity = before.length - 100; // past the header, inside the optimizer state
        assertThatThrownBy(() -> Checkpoints.write(file, checkpoint(40), channel -> new FullDisk(channel, capacity)))
                .isInstanceOf(IOException.class).hasMessage(FullDisk.MESSAGE);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Checkpoints.read(file).step()).isEqualTo(30);
        assertThat(filesInDir()).containsExactly("run.safetensors");
    }

    @Test
    void theShapeCheckGetsTheConfigAndPassesAMatchingModel() throws IOException {
        Path file = dir.resolve("run.safetensors");
        Checkpoints.write(file, checkpoint(30));
        List<GptConfig> asked = new ArrayList<>();
        Checkpoint read = Checkpoints.read(file, config -> {
            asked.add(config);
            return shapesOf(weights());
        });
        assertThat(asked).containsExactly(CONFIG);
        assertThat(read.weights()).hasSize(5);
    }

    @Test
    void weightsThatDoNotFitTheModelAreAllListed() throws IOException {
        Path file = dir.resolve("run.safetensors");
        Checkpoints.write(file, checkpoint(30));
        Map<String, int[]> expected = shapesOf(weights());
        expected.put("h.0.attn.c_attn.weight", new int[] {4, 8});
        expected.remove("ln_f.bias");
        expected.put("lm_head.weight", new int[] {4, 5});
        CheckpointException e = catchThrowableOfType(CheckpointException.class, () -> Checkpoints.read(file, config -> expected));
        assertThat(e.location()).isEqualTo("weights");
        assertThat(e.getMessage()).isEqualTo(file + ": weights: do not fit the model of this config:"
                + " \"h.0.attn.c_attn.weight\" has shape [4, 12] but the model needs [4, 8];"
                + " \"lm_head.weight\" is missing (the model needs [4, 5]);"
                + " \"ln_f.bias\" is not a weight of the model");
    }

    // ---- files that are not valid checkpoints ----

    private CheckpointException refusal(Path file) {
        CheckpointException e = catchThrowableOfType(CheckpointException.class, () -> Checkpoints.read(file));
        assertThat(e).as("expected %s to be refused", file).isNotNull();
        assertThat(e.file()).isEqualTo(file.toString());
        assertThat(e.getMessage()).startsWith(file + ": ");
        return e;
    }

    /** A checkpoint file whose metadata is edited before writing. */
    private Path withMetadata(Consumer<Map<String, String>> edit) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>(Checkpoints.metadataOf(checkpoint(30)));
        edit.accept(metadata);
        Path file = dir.resolve("edited.safetensors");
        Safetensors.write(file, weights(), metadata);
        return file;
    }

    private CheckpointException refusalOfMetadata(String key, String value) throws IOException {
        return refusal(withMetadata(m -> m.put(key, value)));
    }

    @Test
    void aTruncatedFileIsCalledTruncated() throws IOException {
        Path file = dir.resolve("run.safetensors");
        Checkpoints.write(file, checkpoint(30));
        long size = Files.size(file);
        try (RandomAccessFile cut = new RandomAccessFile(file.toFile(), "rw")) {
            cut.setLength(size - 10);
        }
        CheckpointException inData = refusal(file);
        assertThat(inData.location()).isEqualTo("tensor \"optimizer.v.ln_f.bias\"");
        assertThat(inData.problem()).endsWith("reach past the end of the data (" + (size - 10 - 8 - headerLength(file))
                + " bytes); the file may be truncated");
        try (RandomAccessFile cut = new RandomAccessFile(file.toFile(), "rw")) {
            cut.setLength(200);
        }
        assertThat(refusal(file).problem()).endsWith("the file is truncated or not a safetensors file");
    }

    private static long headerLength(Path file) throws IOException {
        byte[] prefix = new byte[8];
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.readFully(prefix);
        }
        return ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Test
    void aFileOfAnotherKindIsNotTakenForACheckpoint() throws IOException {
        Path text = RawSafetensors.write(dir, "notes.txt", "some notes, not a checkpoint at all".getBytes());
        assertThat(refusal(text).problem()).endsWith("the file is truncated or not a safetensors file");

        Path weightsOnly = dir.resolve("gpt2.safetensors");
        Safetensors.write(weightsOnly, weights(), Map.of("format", "pt"));
        CheckpointException pytorch = refusal(weightsOnly);
        assertThat(pytorch.location()).isEqualTo("metadata \"format\"");
        assertThat(pytorch.problem()).isEqualTo("is \"pt\", not \"attention-explorer-checkpoint\": this is not an Attention"
                + " Explorer checkpoint");

        Safetensors.write(weightsOnly, weights(), Map.of());
        assertThat(refusal(weightsOnly).problem()).isEqualTo("is a safetensors file but not an Attention Explorer checkpoint"
                + " (its metadata has no \"format\" entry)");
    }

    @Test
    void aNewerFormatVersionAsksForANewerApp() throws IOException {
        CheckpointException e = refusal(withMetadata(m -> {
            m.put("formatVersion", "2");
            m.put("appVersion", "2.0.0");
        }));
        assertThat(e.location()).isEqualTo("metadata \"formatVersion\"");
        assertThat(e.problem()).isEqualTo("is 2, newer than this version of Attention Explorer reads (1); it was written by"
                + " 2.0.0. Update Attention Explorer to open it");
    }

    @Test
    void aFormatVersionThatIsNotANumberOrBelowOneIsRefused() throws IOException {
        assertThat(refusalOfMetadata("formatVersion", "one").problem()).isEqualTo("must be a whole number, got \"one\"");
        assertThat(refusalOfMetadata("formatVersion", "0").problem()).isEqualTo("must be at least 1, got 0");
    }

    @Test
    void missingMetadataEntriesAreAllNamed() throws IOException {
        CheckpointException e = refusal(withMetadata(m -> {
            m.remove("seed");
            m.remove("history");
        }));
        assertThat(e.location()).isNull();
        assertThat(e.problem()).startsWith("the metadata lacks seed, history (a checkpoint has format, formatVersion,");
    }

    @Test
    void aConfigThatIsNotJsonIsRefused() throws IOException {
        CheckpointException e = refusalOfMetadata("config", "{\"vocabSize\": 5,");
        assertThat(e.location()).isEqualTo("metadata \"config\"");
        assertThat(e.problem()).startsWith("is not valid JSON (line 1, column ");
    }

    @Test
    void anImpossibleConfigIsRefusedWithGptConfigsReason() throws IOException {
        String config = Json.write(ConfigJson.toJson(CONFIG)).replace("\"numHeads\":2", "\"numHeads\":3");
        CheckpointException e = refusalOfMetadata("config", config);
        assertThat(e.getMessage()).isEqualTo(e.file() + ": metadata \"config\": embDim 4 is not divisible by numHeads 3");
        assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConfigMissingAFieldIsRefused() throws IOException {
        String config = Json.write(ConfigJson.toJson(CONFIG)).replace("\"tiedHead\":false", "\"tied\":false");
        assertThat(refusalOfMetadata("config", config).problem()).startsWith("tied: unknown field");
        String shorter = Json.write(ConfigJson.toJson(CONFIG)).replace(",\"tiedHead\":false", "");
        assertThat(refusalOfMetadata("config", shorter).problem()).isEqualTo("tiedHead: missing");
    }

    @Test
    void theTokenizerAndTrainingSettingsMustBeJsonObjects() throws IOException {
        CheckpointException tokenizer = refusalOfMetadata("tokenizer", "[\"a\", \"b\"]");
        assertThat(tokenizer.location()).isEqualTo("metadata \"tokenizer\"");
        assertThat(tokenizer.problem()).isEqualTo("must be a JSON object, got [\"a\",\"b\"]");
        CheckpointException training = refusalOfMetadata("training", "lr=0.1");
        assertThat(training.location()).isEqualTo("metadata \"training\"");
        assertThat(training.problem()).startsWith("is not valid JSON");
    }

    @Test
    void stepsAndCountsMustBeWholeNumbers() throws IOException {
        assertThat(refusalOfMetadata("step", "ten").getMessage()).endsWith("metadata \"step\": must be a whole number, got \"ten\"");
        assertThat(refusalOfMetadata("tokensSeen", "-5").getMessage())
                .endsWith("metadata \"tokensSeen\": must be at least 0, got -5");
        assertThat(refusalOfMetadata("seed", "1.5").getMessage()).endsWith("metadata \"seed\": must be a whole number, got \"1.5\"");
    }

    @Test
    void aHistoryThatIsNotAListOfPointsIsRefused() throws IOException {
        assertThat(refusalOfMetadata("history", "{}").getMessage())
                .endsWith("metadata \"history\": must be a JSON array of loss points");
        String badPoint = "[{\"step\": 1, \"tokensSeen\": 64, \"trainLoss\": \"low\", \"valLoss\": 1, \"learningRate\": 0.1}]";
        assertThat(refusalOfMetadata("history", badPoint).getMessage())
                .endsWith("metadata \"history\": point 0: trainLoss must be a number, \"NaN\", \"Infinity\" or \"-Infinity\", got \"low\"");
    }

    @Test
    void aTensorThatCannotBeReadAsFloatsIsNamed() throws IOException {
        String metadata = Json.write(Json.MAPPER.valueToTree(Checkpoints.metadataOf(checkpoint(30))));
        String header = "{\"__metadata__\":" + metadata + ",\"wte.weight\":{\"dtype\":\"I32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        Path file = RawSafetensors.write(dir, "ints.safetensors", RawSafetensors.file(header, new byte[8]));
        CheckpointException e = refusal(file);
        assertThat(e.location()).isEqualTo("tensor \"wte.weight\"");
        assertThat(e.problem()).startsWith("has dtype I32");
        assertThat(e.getCause()).isInstanceOf(SafetensorsException.class);
    }

    @Test
    void aMissingFileIsNamed() {
        assertThat(refusal(dir.resolve("nowhere.safetensors")).problem()).isEqualTo("no such file");
    }

    // ---- the record ----

    @Test
    void theRecordIsImmutable() {
        Map<String, FloatTensor> weights = weights();
        JsonNode tokenizer = Json.parse("{\"type\": \"char\"}");
        Checkpoint checkpoint = new Checkpoint(CONFIG, tokenizer, weights, Map.of(), 0, 0, 1, List.of(), Json.parse("{}"), "v");
        weights.clear();
        ((ObjectNode) tokenizer).put("type", "bpe");
        ((ObjectNode) checkpoint.tokenizer()).put("type", "word");
        assertThat(checkpoint.weights()).hasSize(5);
        assertThat(checkpoint.tokenizer().get("type").asText()).isEqualTo("char");
        assertThatThrownBy(() -> checkpoint.weights().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theRecordRefusesWhatItCouldNotWriteOrReadBack() {
        JsonNode object = Json.parse("{}");
        Map<String, FloatTensor> reserved = Map.of("optimizer.m.wte.weight", filled(0, 2));
        assertThatThrownBy(() -> new Checkpoint(CONFIG, object, reserved, Map.of(), 0, 0, 1, List.of(), object, "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefix reserved for the optimizer state");
        assertThatThrownBy(() -> new Checkpoint(CONFIG, Json.parse("[]"), Map.of(), Map.of(), 0, 0, 1, List.of(), object, "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tokenizer must be a JSON object, got ARRAY");
        assertThatThrownBy(() -> new Checkpoint(CONFIG, object, Map.of(), Map.of(), -1, 0, 1, List.of(), object, "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("step must be at least 0, got -1");
        List<LossPoint> nanRate = List.of(new LossPoint(1, 1, 1, 1, Double.NaN));
        assertThatThrownBy(() -> new Checkpoint(CONFIG, object, Map.of(), Map.of(), 0, 0, 1, nanRate, object, "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("history point 0 needs");
    }
}
