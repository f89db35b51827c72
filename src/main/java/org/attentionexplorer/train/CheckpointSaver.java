package org.attentionexplorer.train;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a snapshot somewhere durable (a checkpoint file) and says where. */
@FunctionalInterface
public interface CheckpointSaver {
    Path save(TrainingSnapshot snapshot) throws IOException;
}
