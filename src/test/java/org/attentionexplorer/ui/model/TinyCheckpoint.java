package org.attentionexplorer.ui.model;

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
import org.attentionexplorer.text.TokenizerJson;
import org.nd4j.linalg.api.buffer.DataType;

/** An untrained {@code tiny} model (context 12, 2 layers x 4 heads) on the characters of "abc de", written as a checkpoint. */
final class TinyCheckpoint {
    static final String CHARACTERS = "abc de";

    private TinyCheckpoint() {
    }

    static Path write(Path file) {
        CharTokenizer tokenizer = CharTokenizer.fromText(CHARACTERS);
        GptConfig config = GptConfig.TINY.withVocabSize(tokenizer.vocabSize());
        GptModel model = GptInit.GPT2.create(config, 7, DataType.FLOAT);
        Checkpoint checkpoint = new Checkpoint(config, TokenizerJson.toJson(tokenizer), model.toTensors(), Map.of(), 3, 36, 7,
                List.of(), new ObjectMapper().createObjectNode(), "test");
        try {
            Checkpoints.write(file, checkpoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
