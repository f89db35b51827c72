package org.attentionexplorer.train;

import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.model.GptInit;
import org.attentionexplorer.model.GptModel;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A new, untrained model for a run: the config's shape with the vocabulary of the run's tokenizer, drawn from a
 * seed, in float32 (the precision training uses). Callers that may not name ND4J types (the UI) start runs here.
 */
public final class FreshModel {
    private FreshModel() {
    }

    /** The model {@code init} draws from {@code seed} for {@code config} with the vocabulary of {@code data}'s tokenizer. */
    public static GptModel forData(GptConfig config, TrainingData data, GptInit init, long seed) {
        return init.create(config.withVocabSize(data.tokenizer().vocabSize()), seed, DataType.FLOAT);
    }

    /** A float32 copy of a model's weights, to fine-tune while the original stays as it was (and in use). */
    public static GptModel copyOf(GptModel model) {
        return GptModel.fromTensors(model.config(), model.toTensors(), DataType.FLOAT);
    }
}
