package org.attentionexplorer.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attentionexplorer.io.Checkpoint;
import org.attentionexplorer.io.Checkpoints;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.model.GptInit;
import org.attentionexplorer.model.GptModel;
import org.attentionexplorer.text.CharTokenizer;
import org.attentionexplorer.text.Tokenizer;
import org.attentionexplorer.text.TokenizerJson;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Untrained {@code tiny} models (context 12, 2 layers x 4 heads, seed 7) on a few characters, written as checkpoints
 * the way the app writes them, for tests that open, list or continue a model.
 */
public final class TinyCheckpoints {
    private TinyCheckpoints() {
    }

    /**
     * Writes a checkpoint of a model whose vocabulary is the characters of {@code characters}, saying it has trained
     * {@code step} steps (no optimizer state, no history, empty training settings).
     */
    public static Path write(Path file, String characters, long step) {
        return write(file, CharTokenizer.fromText(characters), step);
    }

    /** As {@link #write(Path, String, long)} with any tokenizer (its vocabulary sets the model's). */
    public static Path write(Path file, Tokenizer tokenizer, long step) {
        GptConfig config = GptConfig.TINY.withVocabSize(tokenizer.vocabSize());
        GptModel model = GptInit.GPT2.create(config, 7, DataType.FLOAT);
        Checkpoint checkpoint = new Checkpoint(config, TokenizerJson.toJson(tokenizer), model.toTensors(), Map.of(), step,
                step * 12, 7, List.of(), new ObjectMapper().createObjectNode(), "test");
        try {
            Checkpoints.write(file, checkpoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
