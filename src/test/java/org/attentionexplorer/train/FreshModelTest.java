package org.attentionexplorer.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.attentionexplorer.data.SyntheticTasks;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.model.GptInit;
import org.attentionexplorer.model.GptModel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class FreshModelTest {
    private final TrainingData data = TrainingData.fromTask(SyntheticTasks.byName("copy"), 4, 1);

    @Test
    void takesTheTokenizersVocabularyAndTrainsInFloat32() {
        GptModel model = FreshModel.forData(GptConfig.TINY.withContextLength(16), data, GptInit.GPT2, 7);
        assertThat(model.config().vocabSize()).isEqualTo(data.tokenizer().vocabSize()).isNotEqualTo(GptConfig.TINY.vocabSize());
        assertThat(model.config().contextLength()).isEqualTo(16);
        assertThat(model.dataType()).isEqualTo(DataType.FLOAT);
    }

    @Test
    void theSeedDecidesTheWeights() {
        float[] first = FreshModel.forData(GptConfig.TINY, data, GptInit.GPT2, 7).toTensors().get("wte.weight").data();
        float[] again = FreshModel.forData(GptConfig.TINY, data, GptInit.GPT2, 7).toTensors().get("wte.weight").data();
        float[] other = FreshModel.forData(GptConfig.TINY, data, GptInit.GPT2, 8).toTensors().get("wte.weight").data();
        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }
}
