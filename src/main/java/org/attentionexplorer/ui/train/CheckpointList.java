package org.attentionexplorer.ui.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.attentionexplorer.io.CheckpointException;
import org.attentionexplorer.io.Checkpoints;

/** The checkpoints under a folder of runs: each run folder's {@code checkpoint.safetensors}, and loose .safetensors files. */
public final class CheckpointList {
    private CheckpointList() {
    }

    /**
     * One checkpoint file.
     *
     * @param path     the file
     * @param run      the run's folder name (or the file name of a loose file)
     * @param step     the step it holds, from its header (-1: the file is not one of our checkpoints)
     * @param modified when it was last written
     * @param bytes    its size
     */
    public record Entry(Path path, String run, long step, Instant modified, long bytes) {
    }

    /** Every checkpoint directly in {@code root} or in a folder of it, newest first; an absent folder has none. */
    public static List<Entry> scan(Path root) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return entries;
        }
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.toList()) {
                Path file = Files.isDirectory(child) ? child.resolve(TrainingRun.CHECKPOINT_FILE) : child;
                if (Files.isRegularFile(file) && file.getFileName().toString().endsWith(".safetensors")) {
                    entries.add(entry(file));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::modified).reversed().thenComparing(e -> e.path().toString()));
        return entries;
    }

    /** The entry of one file; its step is read from the checkpoint's header (-1 when it is not a checkpoint of ours). */
    public static Entry entry(Path file) throws IOException {
        long step;
        try {
            step = Checkpoints.stepOf(file);
        } catch (CheckpointException e) {
            step = -1;
        }
        Path folder = TrainingRun.runFolderOf(file);
        String run = (folder != null ? folder : file).getFileName().toString();
        return new Entry(file, run, step, Files.getLastModifiedTime(file).toInstant(), Files.size(file));
    }
}
