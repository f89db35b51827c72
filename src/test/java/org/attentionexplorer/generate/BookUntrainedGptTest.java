package org.attentionexplorer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.model.GptInit;
import org.attentionexplorer.model.GptModel;
import org.attentionexplorer.text.Gpt2Tokenizer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * End to end against the book (chapter 4): {@code torch.manual_seed(123); GPTModel(GPT_CONFIG_124M)} in evaluation
 * mode continues "Hello, I am" greedily with the ids [27018, 24086, 47843, 30961, 42348, 7267], printed as
 * "Hello, I am Featureiman Byeswickattribute argue". This holds the torch initialisation order, every layer's
 * forward pass and the GPT-2 tokenizer together. (About 10 s and 2 GB: the model has 163 million parameters.)
 */
class BookUntrainedGptTest {
    @Test
    void theBooksUntrainedGpt2ContinuesHelloIAmAsPrinted() {
        Gpt2Tokenizer tokenizer = new Gpt2Tokenizer();
        GptModel model = GptInit.TORCH.create(GptConfig.GPT2_124M, 123, DataType.FLOAT);
        assertThat(model.parameterCount(false)).isEqualTo(163_009_536L); // the book's total_params
        Generation generation = Generator.generate(model, tokenizer, "Hello, I am", SamplingSettings.greedy(6), s -> { }, () -> false);
        assertThat(generation.promptIds()).containsExactly(15496, 11, 314, 716);
        assertThat(generation.steps().stream().mapToInt(GenerationStep::id).toArray())
                .containsExactly(27018, 24086, 47843, 30961, 42348, 7267);
        assertThat(generation.text()).isEqualTo("Hello, I am Featureiman Byeswickattribute argue");
    }
}
