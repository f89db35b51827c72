package org.attentionexplorer.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.model.GptInit;
import org.attentionexplorer.model.GptModel;
import org.attentionexplorer.testing.TestTokenizer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class GeneratorTest {
    private static final GptConfig CONFIG = new GptConfig(11, 6, 16, 2, 2, 0.0, false, false);
    private final GptModel model = GptInit.GPT2.create(CONFIG, 21, DataType.DOUBLE);
    private final TestTokenizer tokenizer = new TestTokenizer(11);

    private static SamplingSettings sampled(int maxTokens, double temperature, int topK, double topP, long seed) {
        return new SamplingSettings(maxTokens, false, temperature, topK, topP, seed, true, 5);
    }

    /** The book's generate_text_simple: crop to the context, run the whole sequence, take the argmax. */
    private List<Integer> naiveGreedy(int[] prompt, int maxTokens) {
        List<Integer> sequence = new ArrayList<>();
        for (int id : prompt) {
            sequence.add(id);
        }
        List<Integer> generated = new ArrayList<>();
        for (int n = 0; n < maxTokens; n++) {
            int[] window = sequence.subList(Math.max(0, sequence.size() - CONFIG.contextLength()), sequence.size())
                    .stream().mapToInt(i -> i).toArray();
            INDArray logits = model.logits(new int[][] {window});
            int next = logits.getRow(window.length - 1).argMax().getInt(0);
            sequence.add(next);
            generated.add(next);
        }
        return generated;
    }

    @Test
    void greedyWithTheCacheEqualsRecomputingTheWholeSequenceEvenPastTheContext() {
        Generation generation = Generator.generate(model, tokenizer, "abc", SamplingSettings.greedy(10), s -> { }, () -> false);
        List<Integer> ids = generation.steps().stream().map(GenerationStep::id).toList();
        assertThat(ids).isEqualTo(naiveGreedy(new int[] {0, 1, 2}, 10));
        assertThat(generation.stopReason()).isEqualTo(Generation.StopReason.MAX_TOKENS);
        assertThat(generation.text()).startsWith("abc").hasSize(13);
    }

    @Test
    void aPromptLongerThanTheContextKeepsItsLastTokens() {
        Generation generation = Generator.generate(model, tokenizer, "abcdefghij", SamplingSettings.greedy(2), s -> { }, () -> false);
        assertThat(generation.promptCropped()).isTrue();
        assertThat(generation.promptIds()).containsExactly(4, 5, 6, 7, 8, 9);
    }

    @Test
    void samplingIsRepeatableWithASeedAndReportsSortedCandidates() {
        List<GenerationStep> seen = new ArrayList<>();
        Generation first = Generator.generate(model, tokenizer, "ab", sampled(8, 1.5, 0, 1.0, 5), seen::add, () -> false);
        Generation again = Generator.generate(model, tokenizer, "ab", sampled(8, 1.5, 0, 1.0, 5), s -> { }, () -> false);
        assertThat(again.steps()).isEqualTo(first.steps());
        assertThat(seen).isEqualTo(first.steps());
        for (GenerationStep step : first.steps()) {
            assertThat(step.candidates()).hasSize(5);
            for (int i = 1; i < 5; i++) {
                assertThat(step.candidates().get(i - 1).probability()).isGreaterThanOrEqualTo(step.candidates().get(i).probability());
            }
        }
    }

    @Test
    void topKOfOneAndATinyTopPAreGreedy() {
        List<Integer> greedy = Generator.generate(model, tokenizer, "ab", SamplingSettings.greedy(6), s -> { }, () -> false)
                .steps().stream().map(GenerationStep::id).toList();
        for (SamplingSettings settings : List.of(sampled(6, 2.0, 1, 1.0, 1), sampled(6, 1.0, 0, 1e-9, 2))) {
            Generation generation = Generator.generate(model, tokenizer, "ab", settings, s -> { }, () -> false);
            assertThat(generation.steps().stream().map(GenerationStep::id).toList()).isEqualTo(greedy);
            assertThat(generation.steps().get(0).probability()).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void distributionsFollowTemperatureTopKAndTopP() {
        float[] logits = {2f, 1f, 0f, -1f};
        double[] plain = new Sampler(sampled(1, 1.0, 0, 1.0, 0)).distribution(logits);
        assertThat(Arrays.stream(plain).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(plain[0] / plain[1]).isCloseTo(Math.E, within(1e-9));
        double[] cold = new Sampler(sampled(1, 0.5, 0, 1.0, 0)).distribution(logits);
        assertThat(cold[0] / cold[1]).isCloseTo(Math.exp(2), within(1e-9));
        double[] topTwo = new Sampler(sampled(1, 1.0, 2, 1.0, 0)).distribution(logits);
        assertThat(topTwo[2]).isZero();
        assertThat(topTwo[0] + topTwo[1]).isCloseTo(1.0, within(1e-12));
        // p = 0.8: 0.644 alone is not enough, 0.644 + 0.237 is: two tokens kept.
        double[] nucleus = new Sampler(sampled(1, 1.0, 0, 0.8, 0)).distribution(logits);
        assertThat(nucleus[1]).isGreaterThan(0);
        assertThat(nucleus[2]).isZero();
    }

    @Test
    void stopsAtEndOfTextAndWhenCancelled() {
        TestTokenizer withEnd = new TestTokenizer(11, true);
        // Make <|endoftext|> (id 10) overwhelmingly likely by raising its head row.
        model.parameters().get("lm_head.weight").getRow(10).assign(model.parameters().get("ln_f.bias").add(5));
        model.parameters().get("ln_f.bias").assign(1.0);
        Generation generation = Generator.generate(model, withEnd, "ab", SamplingSettings.greedy(5), s -> { }, () -> false);
        assertThat(generation.stopReason()).isEqualTo(Generation.StopReason.END_OF_TEXT);
        assertThat(generation.steps()).isEmpty();

        Generation cancelled = Generator.generate(model, tokenizer, "ab", SamplingSettings.greedy(5), s -> { }, () -> true);
        assertThat(cancelled.stopReason()).isEqualTo(Generation.StopReason.CANCELLED);
    }

    @Test
    void aWordTokenizersContinuationKeepsTheSpaceBetweenWords() {
        var words = org.attentionexplorer.text.WordTokenizer.fromVocabulary(java.util.List.of("cat", "sat", "the"));
        int the = words.encode("the")[0];
        int cat = words.encode("cat")[0];
        int sat = words.encode("sat")[0];
        assertThat(Generator.continuation(words, new int[] {the, cat}, new int[] {sat, sat})).isEqualTo(" sat sat");
        assertThat(Generator.continuation(tokenizer, new int[] {0, 1}, new int[] {2})).isEqualTo("c");
    }

    @Test
    void aTinyTemperatureDoesNotOverflow() {
        double[] cold = new Sampler(sampled(1, 1e-30, 0, 1.0, 0)).distribution(new float[] {2f, 1f, 3f});
        assertThat(cold).containsExactly(0.0, 0.0, 1.0);
    }

    @Test
    void impossibleSettingsAreRefused() {
        assertThatThrownBy(() -> sampled(5, 0.0, 0, 1.0, 0)).hasMessageContaining("temperature must be above 0");
        assertThatThrownBy(() -> sampled(5, 1.0, 0, 1.5, 0)).hasMessageContaining("top-p must be in (0, 1]");
        assertThatThrownBy(() -> Generator.generate(model, tokenizer, "", SamplingSettings.greedy(1), s -> { }, () -> false))
                .hasMessageContaining("the prompt has no tokens");
    }
}
