package org.attentionexplorer.ui.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attentionexplorer.io.Checkpoint;
import org.attentionexplorer.io.Checkpoints;
import org.attentionexplorer.io.LoadedModel;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.model.GptInit;
import org.attentionexplorer.model.GptModel;
import org.attentionexplorer.text.CharTokenizer;
import org.attentionexplorer.text.TokenizerJson;
import org.nd4j.linalg.api.buffer.DataType;

/** A tiny character-level checkpoint (the {@code tiny} preset, untrained), written and read back as the app would. */
final class GenerationFixtures {
    /** The characters the tiny model knows: lower-case letters, space, full stop and newline. */
    static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz .\n";

    private GenerationFixtures() {
    }

    static LoadedModel tinyCheckpoint(Path dir) throws IOException {
        CharTokenizer tokenizer = CharTokenizer.fromText(ALPHABET);
        GptConfig config = GptConfig.TINY.withVocabSize(tokenizer.vocabSize());
        GptModel model = GptInit.GPT2.create(config, 7, DataType.FLOAT);
        Checkpoint checkpoint = new Checkpoint(config, TokenizerJson.toJson(tokenizer), model.toTensors(), Map.of(), 0, 0, 7,
                List.of(), new ObjectMapper().createObjectNode(), "test");
        Path file = dir.resolve("tiny.safetensors");
        Checkpoints.write(file, checkpoint);
        return LoadedModel.read(file);
    }
}
