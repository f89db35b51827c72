package org.attentionexplorer.io;

import java.nio.file.Path;
import org.attentionexplorer.model.GptModel;
import org.attentionexplorer.text.Tokenizer;
import org.attentionexplorer.text.TokenizerJson;
import org.attentionexplorer.text.TokenizerJsonException;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A model ready to use, with its tokenizer and the checkpoint it came from.
 *
 * @param source     the file it was read from
 * @param model      the model (float32)
 * @param tokenizer  the tokenizer it was trained with
 * @param checkpoint everything else the file held (optimizer state, history, training settings)
 */
public record LoadedModel(Path source, GptModel model, Tokenizer tokenizer, Checkpoint checkpoint) {

    /**
     * Reads a checkpoint and builds its model and tokenizer, leaving the optimizer state on disk; every problem is a
     * {@link CheckpointException} naming the file.
     */
    public static LoadedModel read(Path file) {
        return read(file, false);
    }

    /** As {@link #read(Path)}; {@code withOptimizer} also reads the optimizer state, to resume training. */
    public static LoadedModel read(Path file, boolean withOptimizer) {
        Checkpoint checkpoint = Checkpoints.read(file, GptModel::parameterShapes, withOptimizer);
        Tokenizer tokenizer;
        try {
            tokenizer = TokenizerJson.fromJson(checkpoint.tokenizer());
        } catch (TokenizerJsonException e) {
            throw new CheckpointException(file.toString(), "metadata \"tokenizer\"", e.getMessage(), e);
        }
        if (tokenizer.vocabSize() != checkpoint.config().vocabSize()) {
            throw new CheckpointException(file.toString(), "metadata \"tokenizer\"", "the tokenizer has " + tokenizer.vocabSize()
                    + " tokens but the model's vocabulary is " + checkpoint.config().vocabSize(), null);
        }
        GptModel model = GptModel.fromTensors(checkpoint.config(), checkpoint.weights(), DataType.FLOAT);
        return new LoadedModel(file, model, tokenizer, checkpoint);
    }
}
