package org.attentionexplorer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.attentionexplorer.math.FloatTensor;
import org.attentionexplorer.random.TorchGenerator;
import org.attentionexplorer.random.TorchInit;
import org.attentionexplorer.testing.ReferenceGpt2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The pieces of the book's untrained GPT ({@code torch.manual_seed(123); GPTModel(GPT_CONFIG_124M)}), each on its own,
 * so that the end-to-end check in {@code BookUntrainedGptTest} can be trusted: the order PyTorch draws the modules in
 * (docs: shared/notes/torch-rng.md), the shapes of GPT_CONFIG_124M, and a forward pass in evaluation mode against a
 * plain-loop GPT.
 */
class BookGptPiecesTest {
    /**
     * Every parameter equals what an independent generator gives when drawn in the book's construction order: tok_emb,
     * pos_emb, then per block W_query, W_key, W_value (each with its bias when qkv_bias), out_proj, ff[0], ff[2]; out_head.
     */
    @ParameterizedTest(name = "qkv_bias {0}")
    @ValueSource(booleans = {false, true})
    void torchInitDrawsEveryModuleInTheBooksConstructionOrder(boolean qkvBias) {
        GptConfig config = new GptConfig(7, 5, 4, 2, 2, 0.1, qkvBias, false);
        Map<String, FloatTensor> model = GptInit.TORCH.create(config, 123, DataType.FLOAT).toTensors();
        TorchGenerator g = new TorchGenerator(123);
        assertRows(model.get("wte.weight"), TorchInit.embedding(g, 7, 4));
        assertRows(model.get("wpe.weight"), TorchInit.embedding(g, 5, 4));
        for (int i = 0; i < 2; i++) {
            String p = "h." + i + ".";
            TorchInit.Linear q = TorchInit.linear(g, 4, 4, qkvBias);
            TorchInit.Linear k = TorchInit.linear(g, 4, 4, qkvBias);
            TorchInit.Linear v = TorchInit.linear(g, 4, 4, qkvBias);
            TorchInit.Linear out = TorchInit.linear(g, 4, 4, true);
            TorchInit.Linear ff1 = TorchInit.linear(g, 4, 16, true);
            TorchInit.Linear ff2 = TorchInit.linear(g, 16, 4, true);
            FloatTensor cAttn = model.get(p + "attn.c_attn.weight");                    // (C, 3C): x W, so W = [Wq^T | Wk^T | Wv^T]
            for (int in = 0; in < 4; in++) {
                for (int o = 0; o < 4; o++) {
                    assertThat(cAttn.get(in * 12 + o)).isEqualTo(q.weight()[o][in]);
                    assertThat(cAttn.get(in * 12 + 4 + o)).isEqualTo(k.weight()[o][in]);
                    assertThat(cAttn.get(in * 12 + 8 + o)).isEqualTo(v.weight()[o][in]);
                }
            }
            if (qkvBias) {
                FloatTensor bias = model.get(p + "attn.c_attn.bias");
                for (int o = 0; o < 4; o++) {
                    assertThat(new float[] {bias.get(o), bias.get(4 + o), bias.get(8 + o)})
                            .containsExactly(q.bias()[o], k.bias()[o], v.bias()[o]);
                }
            } else {
                assertThat(model).doesNotContainKey(p + "attn.c_attn.bias");
            }
            assertTransposed(model.get(p + "attn.c_proj.weight"), out.weight());
            assertThat(model.get(p + "attn.c_proj.bias").data()).containsExactly(out.bias());
            assertTransposed(model.get(p + "mlp.c_fc.weight"), ff1.weight());
            assertThat(model.get(p + "mlp.c_fc.bias").data()).containsExactly(ff1.bias());
            assertTransposed(model.get(p + "mlp.c_proj.weight"), ff2.weight());
            assertThat(model.get(p + "mlp.c_proj.bias").data()).containsExactly(ff2.bias());
            assertThat(model.get(p + "ln_1.weight").data()).containsOnly(1f);
            assertThat(model.get(p + "ln_2.bias").data()).containsOnly(0f);
        }
        assertRows(model.get("lm_head.weight"), TorchInit.linear(g, 4, 7, false).weight());
    }

    @Test
    void gptConfig124mHasTheBooksShapes() {
        GptConfig config = GptConfig.GPT2_124M;
        assertThat(config.contextLength()).isEqualTo(1024);
        assertThat(config.qkvBias()).isFalse();
        assertThat(config.tiedHead()).isFalse();
        assertThat(config.dropRate()).isEqualTo(0.1);
        Map<String, int[]> shapes = GptModel.parameterShapes(config);
        assertThat(shapes.get("wte.weight")).containsExactly(50257, 768);
        assertThat(shapes.get("wpe.weight")).containsExactly(1024, 768);
        assertThat(shapes.get("h.11.attn.c_attn.weight")).containsExactly(768, 3 * 768);
        assertThat(shapes.get("h.11.mlp.c_fc.weight")).containsExactly(768, 4 * 768);
        assertThat(shapes.get("lm_head.weight")).containsExactly(50257, 768);
        assertThat(shapes).doesNotContainKey("h.0.attn.c_attn.bias").doesNotContainKey("h.12.ln_1.weight");
        long total = shapes.values().stream().mapToLong(FloatTensor::elementCount).sum();
        assertThat(total).as("the book's total_params").isEqualTo(163_009_536L);
        assertThat(total - 50257L * 768).as("the book's count without the output head").isEqualTo(124_412_160L);
    }

    /** Dropout 0.1 is in the config, as in the book, but the forward pass of logits() is evaluation mode: no dropout. */
    @Test
    void theTorchInitialisedModelsLogitsAreAPlainLoopGptsInEvaluationMode() {
        GptConfig config = new GptConfig(11, 6, 8, 2, 2, 0.1, false, false);
        GptModel model = GptInit.TORCH.create(config, 123, DataType.FLOAT);
        int[] ids = {3, 1, 4, 1, 5, 9};
        double[][] expected = ReferenceGpt2.logits(model.toTensors(), 2, 2, false, ids);
        float[] actual = model.logits(new int[][] {ids}).castTo(DataType.FLOAT).dup().data().asFloat();
        for (int t = 0; t < ids.length; t++) {
            for (int v = 0; v < 11; v++) {
                assertThat((double) actual[t * 11 + v]).as("logit (%d, %d)", t, v).isCloseTo(expected[t][v],
                        org.assertj.core.api.Assertions.within(1e-4));
            }
        }
    }

    private static void assertRows(FloatTensor tensor, float[][] rows) {
        int cols = rows[0].length;
        assertThat(tensor.shape()).containsExactly(rows.length, cols);
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < cols; c++) {
                assertThat(tensor.get(r * cols + c)).isEqualTo(rows[r][c]);
            }
        }
    }

    /** Our (in, out) weight is nn.Linear's (out, in) transposed. */
    private static void assertTransposed(FloatTensor tensor, float[][] linear) {
        int out = linear.length;
        int in = linear[0].length;
        assertThat(tensor.shape()).containsExactly(in, out);
        for (int i = 0; i < in; i++) {
            for (int o = 0; o < out; o++) {
                assertThat(tensor.get(i * out + o)).isEqualTo(linear[o][i]);
            }
        }
    }
}
