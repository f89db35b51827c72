package org.attentionexplorer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.attentionexplorer.math.FloatTensor;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.testing.Gpt2Fixtures;
import org.attentionexplorer.testing.Gpt2Fixtures.Spec;
import org.attentionexplorer.testing.ReferenceGpt2;
import org.attentionexplorer.text.Gpt2Tokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;

class Gpt2FolderTest {
    private static final MemoryCheck PLENTY = new MemoryCheck(OptionalLong.of(Long.MAX_VALUE), Long.MAX_VALUE);

    @TempDir
    Path dir;

    private Path folder(Spec spec, Map<String, FloatTensor> weights) throws IOException {
        return Gpt2Fixtures.write(dir.resolve("gpt2"), spec, weights);
    }

    @ParameterizedTest(name = "{0}, prefix {1}")
    @CsvSource({"F32, false", "F16, true", "BF16, false", "BF16, true"})
    void aGpt2FolderOpensWithItsSizesItsTokenizerAndExactlyItsWeights(String dtype, boolean prefix) throws IOException {
        Spec spec = Spec.tiny(dtype, prefix).withMaskBuffers();
        Map<String, FloatTensor> weights = Gpt2Fixtures.weights(spec, 7);
        LoadedModel loaded = Gpt2Folder.read(folder(spec, weights), PLENTY);
        assertThat(loaded.origin()).isEqualTo(LoadedModel.Origin.GPT2_FOLDER);
        assertThat(loaded.model().config()).isEqualTo(new GptConfig(50257, 16, 16, 4, 2, 0.1, true, true));
        assertThat(loaded.tokenizer()).isInstanceOf(Gpt2Tokenizer.class);
        assertThat(loaded.checkpoint().step()).isZero();
        Map<String, FloatTensor> read = loaded.model().toTensors();
        assertThat(read.keySet()).containsExactlyElementsOf(weights.keySet());
        weights.forEach((name, tensor) -> assertThat(read.get(name)).as(name).isEqualTo(tensor));
    }

    @Test
    void theImportedModelsLogitsAreThoseOfAPlainLoopGpt2OnTheSameTensors() throws IOException {
        Spec spec = Spec.tiny("F16", true);
        Map<String, FloatTensor> weights = Gpt2Fixtures.weights(spec, 11);
        LoadedModel loaded = Gpt2Folder.read(folder(spec, weights), PLENTY);
        int[] ids = new Gpt2Tokenizer().encode("Hello, I am a model");
        assertThat(ids.length).isGreaterThan(4);
        assertLogitsMatchReference(loaded, weights, spec, ids);
    }

    @Test
    void anUntiedHeadIsReadFromLmHead() throws IOException {
        Spec spec = Spec.tiny("BF16", true).untied();
        Map<String, FloatTensor> weights = Gpt2Fixtures.weights(spec, 3);
        LoadedModel loaded = Gpt2Folder.read(folder(spec, weights), PLENTY);
        assertThat(loaded.model().config().tiedHead()).isFalse();
        assertThat(loaded.model().toTensors().get("lm_head.weight")).isEqualTo(weights.get("lm_head.weight"));
        assertLogitsMatchReference(loaded, weights, spec, new int[] {464, 3290, 318, 257});
    }

    @Test
    void withoutQkvBiasesTheModelHasNone() throws IOException {
        Spec spec = new Spec(50257, 8, 8, 2, 2, "F32", false, false, true, false);
        LoadedModel loaded = Gpt2Folder.read(folder(spec, Gpt2Fixtures.weights(spec, 1)), PLENTY);
        assertThat(loaded.model().config().qkvBias()).isFalse();
        assertThat(loaded.model().config().contextLength()).isEqualTo(8);
    }

    @Test
    void loadedModelOpensTheFolderItsConfigOrItsWeightsFile() throws IOException {
        Spec spec = Spec.tiny("F32", false);
        Path folder = folder(spec, Gpt2Fixtures.weights(spec, 2));
        for (Path path : new Path[] {folder, folder.resolve("config.json"), folder.resolve("model.safetensors")}) {
            LoadedModel loaded = LoadedModel.read(path);
            assertThat(loaded.origin()).as(path.toString()).isEqualTo(LoadedModel.Origin.GPT2_FOLDER);
            assertThat(loaded.source()).isEqualTo(folder.toAbsolutePath());
        }
    }

    private static void assertLogitsMatchReference(LoadedModel loaded, Map<String, FloatTensor> weights, Spec spec, int[] ids) {
        double[][] expected = ReferenceGpt2.logits(weights, spec.heads(), spec.layers(), spec.tied(), ids);
        float[] actual = loaded.model().logits(new int[][] {ids}).castTo(DataType.FLOAT).dup().data().asFloat();
        int v = spec.vocabSize();
        assertThat(actual).hasSize(ids.length * v);
        double worst = 0;
        for (int t = 0; t < ids.length; t++) {
            for (int k = 0; k < v; k++) {
                worst = Math.max(worst, Math.abs(actual[t * v + k] - expected[t][k]));
            }
        }
        assertThat(worst).as("largest logit difference from the plain-loop reference").isLessThan(1e-4);
    }

    // ---- errors: each names the file, and the tensor or field ----

    @Test
    void aFolderWithoutConfigJsonSaysSo() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> Gpt2Folder.read(empty, PLENTY)).isInstanceOf(CheckpointException.class)
                .hasMessageStartingWith(empty.resolve("config.json").toString()).hasMessageContaining("no such file");
    }

    @Test
    void aFolderWithOnlyPytorchWeightsSaysWhatIsMissing() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(folder.resolve("config.json"), Gpt2Fixtures.config(Spec.tiny("F32", false)).toString());
        Files.write(folder.resolve("pytorch_model.bin"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> Gpt2Folder.read(folder, PLENTY))
                .hasMessageStartingWith(folder.resolve("model.safetensors").toString()).hasMessageContaining("pytorch_model.bin");
    }

    @Test
    void aBadConfigJsonIsNamedWithWhereItGoesWrong() throws IOException {
        Spec spec = Spec.tiny("F32", false);
        Path folder = folder(spec, Gpt2Fixtures.weights(spec, 1));
        Files.writeString(folder.resolve("config.json"), "{\"n_embd\": 16,\n \"n_head\": }");
        assertThatThrownBy(() -> Gpt2Folder.read(folder, PLENTY))
                .hasMessageStartingWith(folder.resolve("config.json") + ": is not valid JSON (line 2");
        Files.writeString(folder.resolve("config.json"), "{\"n_embd\": 16, \"n_head\": 4, \"n_layer\": 2, \"vocab_size\": 50257}");
        assertThatThrownBy(() -> Gpt2Folder.read(folder, PLENTY)).hasMessageContaining("n_positions: missing");
        var config = Gpt2Fixtures.config(spec).put("activation_function", "relu");
        Files.writeString(folder.resolve("config.json"), config.toString());
        assertThatThrownBy(() -> Gpt2Folder.read(folder, PLENTY)).hasMessageContaining("activation_function: is \"relu\"");
        config = Gpt2Fixtures.config(spec).put("n_head", 3);
        Files.writeString(folder.resolve("config.json"), config.toString());
        assertThatThrownBy(() -> Gpt2Folder.read(folder, PLENTY)).hasMessageContaining("n_embd: 16 is not divisible by n_head 3");
    }

    @Test
    void missingExtraAndMisshapedTensorsAreNamedWithTheFile() throws IOException {
        Spec spec = Spec.tiny("F32", true);
        Map<String, FloatTensor> weights = new LinkedHashMap<>(Gpt2Fixtures.weights(spec, 1));
        weights.remove("h.1.mlp.c_fc.bias");
        weights.put("h.0.attn.c_proj.weight", FloatTensor.of(new int[] {16, 15}, new float[240]));
        weights.put("h.0.attn.rotary", FloatTensor.of(new int[] {2}, new float[2]));
        Path folder = folder(spec, weights);
        assertThatThrownBy(() -> Gpt2Folder.read(folder, PLENTY)).isInstanceOf(CheckpointException.class)
                .hasMessageStartingWith(folder.resolve("model.safetensors") + ": weights: do not fit")
                .hasMessageContaining("\"transformer.h.0.attn.c_proj.weight\" has shape [16, 15] but config.json: n_embd 16")
                .hasMessageContaining("needs [16, 16]")
                .hasMessageContaining("\"h.1.mlp.c_fc.bias\" is missing")
                .hasMessageContaining("\"transformer.h.0.attn.rotary\" is not a weight");
    }

    @Test
    void aConfigThatDisagreesWithTheTensorsNamesBoth() throws IOException {
        Spec spec = Spec.tiny("F32", false);
        Path folder = folder(spec, Gpt2Fixtures.weights(spec, 1));
        Files.writeString(folder.resolve("config.json"), Gpt2Fixtures.config(spec).put("n_layer", 3).toString());
        assertThatThrownBy(() -> Gpt2Folder.read(folder, PLENTY)).hasMessageContaining("\"h.2.ln_1.weight\" is missing");
    }

    @Test
    void anotherVocabularyWithoutItsTokenizerIsRefused() throws IOException {
        Spec spec = new Spec(100, 8, 8, 2, 1, "F32", false, true, true, false);
        Path folder = folder(spec, Gpt2Fixtures.weights(spec, 1));
        assertThatThrownBy(() -> Gpt2Folder.read(folder, PLENTY))
                .hasMessageContaining("vocab_size is 100, but GPT-2's tokenizer has 50257 tokens");
    }

    @Test
    void notEnoughMemoryIsSaidBeforeAnythingIsLoaded() throws IOException {
        Spec spec = Spec.tiny("F32", false);
        Path folder = folder(spec, Gpt2Fixtures.weights(spec, 1));
        assertThatThrownBy(() -> Gpt2Folder.read(folder, new MemoryCheck(OptionalLong.of(100_000_000L), Long.MAX_VALUE)))
                .hasMessageStartingWith(folder + ": not enough memory").hasMessageContaining("only 0.1 GB of memory is free");
        assertThatThrownBy(() -> Gpt2Folder.read(folder, new MemoryCheck(OptionalLong.empty(), 1000)))
                .hasMessageContaining("not enough Java heap").hasMessageContaining("-Xmx");
    }

    @Test
    void gpt2124mNeedsItsHalfGigabyteOfWeightsAndHalfAGigabyteToWorkIn() {
        long parameters = 124_439_808L;
        assertThat(MemoryCheck.nativeNeeded(parameters * 4)).isBetween(1_000_000_000L, 1_100_000_000L);
        assertThat(new MemoryCheck(OptionalLong.of(1L << 30), 1L << 30).shortfall(parameters, 50257L * 768)).isNull();
        assertThat(new MemoryCheck(OptionalLong.of(400_000_000L), 1L << 30).shortfall(parameters, 50257L * 768))
                .contains("124,439,808 parameters take 0.5 GB");
    }

    @Test
    void memAvailableIsReadFromProcMeminfo() throws IOException {
        Path meminfo = Files.writeString(dir.resolve("meminfo"), "MemTotal: 24684000 kB\nMemFree: 100 kB\nMemAvailable:   2048 kB\n");
        assertThat(MemoryCheck.memAvailable(meminfo)).hasValue(2048L * 1024);
        assertThat(MemoryCheck.memAvailable(dir.resolve("none"))).isEmpty();
        Path max = Files.writeString(dir.resolve("max"), "1000000\n");
        Path current = Files.writeString(dir.resolve("current"), "400000\n");
        assertThat(MemoryCheck.cgroupLeft(max, current)).hasValue(600000);
        Files.writeString(max, "max\n");
        assertThat(MemoryCheck.cgroupLeft(max, current)).isEmpty();
    }
}
