package org.attentionexplorer.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.attentionexplorer.generate.Generation;
import org.attentionexplorer.generate.Generator;
import org.attentionexplorer.generate.SamplingSettings;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.model.ModelTrace;
import org.attentionexplorer.model.ModelTracer;
import org.attentionexplorer.text.TextSources;
import org.attentionexplorer.text.Tokenizer;
import org.junit.jupiter.api.Test;

/** The model shipped in samples/models opens, traces and writes in the manner of the story it learned. */
class BundledModelTest {
    private static final Path MODEL = Path.of("samples/models/char-small-lighthouse.safetensors");

    @Test
    void theBundledModelOpensTracesAndGenerates() {
        LoadedModel loaded = LoadedModel.read(MODEL);
        GptConfig config = loaded.model().config();
        assertThat(config.contextLength()).isEqualTo(GptConfig.CHAR_SMALL.contextLength());
        assertThat(config.numLayers()).isEqualTo(4);
        assertThat(loaded.tokenizer().kind()).isEqualTo("char");
        assertThat(loaded.checkpoint().step()).isEqualTo(800);
        assertThat(loaded.checkpoint().optimizer()).isEmpty();

        ModelTrace trace = ModelTracer.trace(loaded.model(), loaded.tokenizer(), "Two flashes every twelve seconds.", 3);
        assertThat(trace.layers()).hasSize(4);
        assertThat(trace.layers().get(3).heads()).hasSize(4);

        Generation generation = Generator.generate(loaded.model(), loaded.tokenizer(), "Monday, 1 January. Wind",
                SamplingSettings.greedy(20), s -> { }, () -> false);
        assertThat(generation.text()).startsWith("Monday, 1 January. Wind").hasSizeGreaterThan(30);
    }

    @Test
    void theBundledModelPredictsTheStoryBetterThanChance() {
        LoadedModel loaded = LoadedModel.read(MODEL);
        Tokenizer tokenizer = loaded.tokenizer();
        String story = TextSources.load(Path.of("samples/texts/the-lighthouse-keepers-notebook.txt")).text();
        int[] ids = tokenizer.encode(story.substring(0, 2000));
        int[][] inputs = {java.util.Arrays.copyOfRange(ids, 0, 128)};
        int[][] targets = {java.util.Arrays.copyOfRange(ids, 1, 129)};
        double loss = loaded.model().loss(inputs, targets);
        assertThat(loss).isLessThan(0.6 * Math.log(tokenizer.vocabSize())); // chance is ln 76 = 4.33
    }
}
