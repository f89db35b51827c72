package org.attentionexplorer.io;

import java.nio.file.Path;
import org.attentionexplorer.model.GptModel;
import org.attentionexplorer.text.Tokenizer;
import org.attentionexplorer.text.TokenizerJson;
import org.attentionexplorer.text.TokenizerJsonException;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A model ready to use, with its tokenizer and the checkpoint (or GPT-2 folder) it came from.
 *
 * @param source     the file it was read from
 * @param model      the model (float32)
 * @param tokenizer  the tokenizer it was trained with
 * @param checkpoint everything else the file held (optimizer state, history, training settings); for a GPT-2
 *                   folder step 0, no history, no training settings, and no weights (the model holds them)
 * @param origin     what kind of file or folder it came from
 */
public record LoadedModel(Path source, GptModel model, Tokenizer tokenizer, Checkpoint checkpoint, Origin origin) {

    /** Where a model came from. */
    public enum Origin {
        /** One of the explorer's checkpoints (a safetensors file with config, tokenizer and history in its metadata). */
        CHECKPOINT,
        /** A Hugging Face GPT-2 folder (config.json + model.safetensors), see {@link Gpt2Folder}. */
        GPT2_FOLDER
    }

    /**
     * Reads a checkpoint or a GPT-2 folder (the folder, or its config.json or model.safetensors) and builds its model
     * and tokenizer, leaving a checkpoint's optimizer state on disk; every problem is a {@link CheckpointException}
     * naming the file.
     */
    public static LoadedModel read(Path file) {
        return read(file, false);
    }

    /** As {@link #read(Path)}; {@code withOptimizer} also reads a checkpoint's optimizer state, to resume training. */
    public static LoadedModel read(Path file, boolean withOptimizer) {
        if (Gpt2Folder.isGpt2Folder(file)) {
            return Gpt2Folder.read(file);
        }
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
        return new LoadedModel(file, model, tokenizer, checkpoint, Origin.CHECKPOINT);
    }
}
