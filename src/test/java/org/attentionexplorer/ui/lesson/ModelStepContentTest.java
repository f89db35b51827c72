package org.attentionexplorer.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.model.GptInit;
import org.attentionexplorer.model.ModelTrace;
import org.attentionexplorer.model.ModelTracer;
import org.attentionexplorer.testing.TestTokenizer;
import org.attentionexplorer.ui.heatmap.Scale;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class ModelStepContentTest {
    private static final ModelTrace TRACE = ModelTracer.trace(GptInit.GPT2.create(GptConfig.TINY.withVocabSize(11), 5, DataType.FLOAT),
            new TestTokenizer(11), "abcadbk", 3);

    @Test
    void stepsFiveToSevenShowTheChosenHeadsRealValues() {
        ModelSteps steps = ModelSteps.of(TRACE, 1, 2);
        List<StepContent.Panel> qkv = StepContent.panels(Step.QKV, steps);
        assertThat(qkv).extracting(StepContent.Panel::key).startsWith("layers[1].heads[2].queries", "layers[1].heads[2].keys");
        assertThat(qkv.get(0).data().values()).isEqualTo(TRACE.layers().get(1).heads().get(2).queries());
        List<StepContent.Panel> mask = StepContent.panels(Step.MASK, steps);
        assertThat(mask).extracting(p -> p.data().scale()).containsExactly(Scale.BINARY, Scale.DIVERGING, Scale.SEQUENTIAL, Scale.SEQUENTIAL);
        assertThat(mask.get(2).data().values()).isEqualTo(TRACE.layers().get(1).heads().get(2).causalWeights());
        assertThat(mask.get(1).data().explain(0, 4)).isEqualTo("d comes after a: masked, -inf");
    }

    @Test
    void stepOneShowsTheModelsInputsAndStepsTwoToFourTheirSimplifiedAttention() {
        ModelSteps steps = ModelSteps.of(TRACE, 0, 0);
        StepContent.Panel inputs = StepContent.panels(Step.TOKENS, steps).get(0);
        assertThat(inputs.data().values()).isEqualTo(TRACE.layers().get(0).blockInput());
        assertThat(inputs.data().rowLabels()).isEqualTo(TRACE.tokens());
        double[] x1 = TRACE.layers().get(0).blockInput().toArray()[1];
        double[] x4 = TRACE.layers().get(0).blockInput().toArray()[4];
        double dot = 0;
        for (int c = 0; c < x1.length; c++) {
            dot += x1[c] * x4[c];
        }
        StepContent.Panel scores = StepContent.panels(Step.SCORES, steps).get(0);
        assertThat(scores.data().values().get(1, 4)).isCloseTo(dot, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(StepContent.panels(Step.CONTEXT, steps)).hasSize(3);
    }

    @Test
    void stepEightShowsEveryHeadOfTheLayerAndStepNineEveryHeadOfTheModel() {
        ModelSteps steps = ModelSteps.of(TRACE, 1, 0);
        assertThat(StepContent.panels(Step.HEADS, steps)).extracting(StepContent.Panel::key).containsExactly(
                "layers[1].heads[0].droppedWeights", "layers[1].heads[1].droppedWeights", "layers[1].heads[2].droppedWeights",
                "layers[1].heads[3].droppedWeights");
        List<StepContent.Thumbnail> grid = StepContent.grid(TRACE);
        assertThat(grid).hasSize(2 * 4);
        StepContent.Thumbnail last = grid.get(7);
        assertThat(last.layer()).isEqualTo(1);
        assertThat(last.head()).isEqualTo(3);
        assertThat(last.stats().firstTokenShare()).isEqualTo(
                java.util.stream.IntStream.range(0, 7).mapToDouble(i -> last.data().values().get(i, 0)).sum() / 7, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void aHeadOutsideTheModelIsRefused() {
        ModelSteps steps = ModelSteps.of(TRACE, 0, 0);
        assertThatThrownBy(() -> steps.withHead(2, 0)).hasMessageContaining("layer 2 is not one of the model's 2 layers");
        assertThatThrownBy(() -> steps.withHead(0, 4)).hasMessageContaining("head 4 is not one of the 4 heads of layer 0");
    }
}
