package org.attentionexplorer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.attentionexplorer.attention.AttentionSteps;
import org.attentionexplorer.attention.HeadTrace;
import org.attentionexplorer.math.FloatTensor;
import org.attentionexplorer.math.Matrix;
import org.attentionexplorer.testing.TestTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class ModelTraceTest {
    private static final GptConfig CONFIG = GptConfig.TINY.withVocabSize(11);

    private static GptModel model() {
        return GptInit.GPT2.create(CONFIG, 5, DataType.FLOAT);
    }

    @Test
    void tracedLogitsEqualTheTrainingForwardsLogits() {
        GptModel model = model();
        ModelTrace trace = ModelTracer.trace(model, new TestTokenizer(11), "abcadbk", 3);
        INDArray logits = model.logits(new int[][] {{0, 1, 2, 0, 3, 1, 10}});
        FloatTensor traced = trace.logits();
        assertThat(traced.shape()).containsExactly(7, 11);
        float[] expected = logits.castTo(DataType.FLOAT).dup().data().asFloat();
        assertThat(traced.data()).containsExactly(expected);
    }

    @Test
    void everyLayerAndHeadIsTracedUnderTheLabsNames() {
        ModelTrace trace = ModelTracer.trace(model(), new TestTokenizer(11), "abcadbk", 3);
        assertThat(trace.layers()).hasSize(2);
        assertThat(trace.layers().get(1).heads()).hasSize(4);
        assertThat(trace.tokens()).containsExactly("a", "b", "c", "a", "d", "b", "k");
        HeadTrace head = trace.layers().get(1).heads().get(2);
        assertThat(head.queries().shape()).isEqualTo("7 x 8");
        assertThat(head.attnScores().shape()).isEqualTo("7 x 7");
        // The model's weights (its own softmax) agree with the lab's route 2 on its scores, and hide the future.
        Matrix labCausal = AttentionSteps.softmaxRows(AttentionSteps.scale(head.maskedScores(), 8));
        assertThat(head.causalWeights().maxAbsDifference(labCausal)).isLessThan(1e-6);
        assertThat(head.causalWeights().get(2, 5)).isZero();
        // Its context vectors are its weights applied to its values.
        assertThat(head.contextVecs().maxAbsDifference(AttentionSteps.contextVectors(head.causalWeights(), head.values())))
                .isLessThan(1e-6);
        // Layer 1's input is layer 0's output.
        assertThat(trace.layers().get(1).blockInput()).isEqualTo(trace.layers().get(0).blockOutput());
    }

    @Test
    void candidatesAreTheMostProbableNextTokens() {
        ModelTrace trace = ModelTracer.trace(model(), new TestTokenizer(11), "abc", 4);
        assertThat(trace.candidates()).hasSize(3);
        var first = trace.candidates().get(0);
        assertThat(first).hasSize(4);
        for (int i = 1; i < first.size(); i++) {
            assertThat(first.get(i - 1).probability()).isGreaterThanOrEqualTo(first.get(i).probability());
        }
        float[] logits = trace.logits().data();
        int argmax = 0;
        for (int v = 1; v < 11; v++) {
            argmax = logits[v] > logits[argmax] ? v : argmax;
        }
        assertThat(first.get(0).id()).isEqualTo(argmax);
    }

    @Test
    void textLongerThanTheContextIsTruncated() {
        ModelTrace trace = ModelTracer.trace(model(), new TestTokenizer(11), "abcdefghijabcdefghij", 2);
        assertThat(trace.ids()).hasSize(12);
        assertThat(trace.truncated()).isTrue();
    }

    @ParameterizedTest(name = "plain Java: {0}")
    @ValueSource(booleans = {true, false})
    void cachedInferenceGivesTheFullForwardsLogitsAtEveryPosition(boolean plainJava) {
        GptModel model = GptInit.GPT2.create(new GptConfig(11, 12, 32, 4, 2, 0.0, true, true), 8, DataType.DOUBLE);
        int[] ids = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8};
        INDArray full = model.logits(new int[][] {ids});                                  // (T, V)
        CachedInference cache = new CachedInference(model, plainJava);
        for (int t = 0; t < ids.length; t++) {
            INDArray step = cache.append(ids[t]);
            for (int v = 0; v < 11; v++) {
                assertThat(step.getDouble(v)).isCloseTo(full.getDouble(t, v), within(1e-12));
            }
        }
        assertThat(cache.length()).isEqualTo(12);
    }

    @ParameterizedTest(name = "plain Java: {0}")
    @ValueSource(booleans = {true, false})
    void aPrefilledCacheContinuesAsOneFilledTokenByToken(boolean plainJava) {
        GptModel model = GptInit.GPT2.create(new GptConfig(11, 12, 32, 4, 2, 0.0, true, true), 8, DataType.DOUBLE);
        int[] ids = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8};
        INDArray full = model.logits(new int[][] {ids});                                  // (T, V)
        CachedInference cache = new CachedInference(model, plainJava);
        cache.append(7);   // prefill forgets what was there
        INDArray last = cache.prefill(java.util.Arrays.copyOf(ids, 5));
        assertThat(cache.length()).isEqualTo(5);
        for (int t = 4; t < ids.length; t++) {
            INDArray step = t == 4 ? last : cache.append(ids[t]);
            for (int v = 0; v < 11; v++) {
                assertThat(step.getDouble(v)).as("position %d, id %d", t, v).isCloseTo(full.getDouble(t, v), within(1e-12));
            }
        }
        assertThat(cache.length()).isEqualTo(12);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.prefill(new int[13]))
                .hasMessage("13 tokens: prefill takes 1 to 12");
    }

    /** Float32: the full forward in float32 kernels, the plain-Java step in float64 from the same weights. */
    @Test
    void aFloat32ModelStepsInPlainJavaToTheFullForwardsLogits() {
        GptModel model = GptInit.GPT2.create(new GptConfig(11, 12, 32, 4, 2, 0.0, false, false), 4, DataType.FLOAT);
        int[] ids = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8};
        INDArray full = model.logits(new int[][] {ids});                                  // (T, V)
        CachedInference cache = new CachedInference(model);
        for (int t = 0; t < ids.length; t++) {
            INDArray step = cache.append(ids[t]);
            assertThat(step.dataType()).isEqualTo(DataType.FLOAT);
            for (int v = 0; v < 11; v++) {
                assertThat(step.getDouble(v)).as("position %d, id %d", t, v).isCloseTo(full.getDouble(t, v), within(1e-5));
            }
        }
    }

    @Test
    void torchInitDrawsTheTokenEmbeddingFirstAsTheBookDoes() {
        // torch.manual_seed(123); nn.Embedding(6, 3).weight[0] = [0.3374, -0.1778, -0.1690]
        GptModel model = GptInit.TORCH.create(new GptConfig(6, 4, 3, 1, 1, 0.0, false, false), 123, DataType.FLOAT);
        INDArray wte = model.parameters().get("wte.weight");
        assertThat(wte.getDouble(0, 0)).isCloseTo(0.3374, within(5e-5));
        assertThat(wte.getDouble(0, 1)).isCloseTo(-0.1778, within(5e-5));
        assertThat(wte.getDouble(5, 2)).isCloseTo(-1.4096, within(5e-5));
        assertThat(model.parameters().keySet()).containsExactlyElementsOf(GptModel.parameterShapes(model.config()).keySet());
    }
}
