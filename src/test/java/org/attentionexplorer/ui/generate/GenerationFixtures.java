package org.attentionexplorer.ui.generate;

import java.nio.file.Path;
import org.attentionexplorer.io.LoadedModel;
import org.attentionexplorer.testing.TinyCheckpoints;

/** A tiny character-level checkpoint (the {@code tiny} preset, untrained), written and read back as the app would. */
final class GenerationFixtures {
    /** The characters the tiny model knows: lower-case letters, space, full stop and newline. */
    static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz .\n";

    private GenerationFixtures() {
    }

    static LoadedModel tinyCheckpoint(Path dir) {
        return LoadedModel.read(TinyCheckpoints.write(dir.resolve("tiny.safetensors"), ALPHABET, 0));
    }
}
