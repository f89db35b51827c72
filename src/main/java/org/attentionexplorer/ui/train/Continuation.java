package org.attentionexplorer.ui.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attentionexplorer.data.SyntheticTask;
import org.attentionexplorer.data.SyntheticTasks;
import org.attentionexplorer.io.Checkpoint;
import org.attentionexplorer.io.CheckpointException;
import org.attentionexplorer.io.LoadedModel;
import org.attentionexplorer.text.TokenizerKind;
import org.attentionexplorer.train.TrainingData;
import org.attentionexplorer.train.TrainingSettings;
import org.attentionexplorer.train.TrainingSettingsJson;
import org.attentionexplorer.train.TrainingSnapshot;

/**
 * A saved run made ready to go on training, from its checkpoint alone: the model with AdamW's moments, the data it
 * trained on (the text file or task the checkpoint names, with its batch size, split and seed, and the tokenizer
 * it saved), its settings and where it was. As {@code train --resume} does, but without asking for the data again.
 * Runs on the training thread; no JavaFX.
 *
 * @param loaded   the checkpoint read with its optimizer state
 * @param data     the same data as the first run
 * @param settings the run's own settings, with the number of steps to reach
 * @param training the settings as they are saved in the checkpoints it writes next
 */
record Continuation(LoadedModel loaded, TrainingData data, TrainingSettings settings, ObjectNode training) {

    /**
     * Reads {@code file} and rebuilds its run, to go on until {@code steps} (or the run's own end, whichever is later).
     *
     * @throws CheckpointException      when the file is not a checkpoint that can be continued
     * @throws IllegalArgumentException when the run is already at that step, or its data is gone (the message says which)
     */
    static Continuation of(Path file, long steps) throws IOException {
        LoadedModel loaded = LoadedModel.read(file, true);
        Checkpoint checkpoint = loaded.checkpoint();
        JsonNode saved = checkpoint.training();
        TrainingSettings own;
        try {
            own = TrainingSettingsJson.fromJson(saved);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(file.toString(), "metadata \"training\"", "it does not say how the model was trained ("
                    + e.getMessage() + "), so its run cannot be continued; open it as a model instead", e);
        }
        long target = Math.max(own.steps(), steps);
        if (target <= checkpoint.step()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%s has trained %,d steps, the end of its run: "
                    + "set Steps (under Optimisation) above %,d to train it further", name(file), checkpoint.step(), checkpoint.step()));
        }
        TrainingSettings settings = own.withSteps(target);
        ObjectNode training = saved.deepCopy();
        training.setAll(TrainingSettingsJson.toJson(settings));
        return new Continuation(loaded, data(file, loaded, saved), settings, training);
    }

    /** The snapshot the trainer starts from: the weights, moments, step, tokens seen and history of the checkpoint. */
    TrainingSnapshot snapshot() {
        Checkpoint c = loaded.checkpoint();
        return new TrainingSnapshot(c.weights(), c.optimizer(), c.step(), c.tokensSeen(), c.seed(), c.history());
    }

    /** A short name for a new run folder: the checkpoint's run folder or file name. */
    static String name(Path file) {
        Path folder = TrainingRun.runFolderOf(file);
        String name = (folder != null ? folder : file).getFileName().toString();
        return name.replaceAll("\\.safetensors$", "").replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static TrainingData data(Path file, LoadedModel loaded, JsonNode saved) throws IOException {
        int batchSize = saved.path("batchSize").asInt(0);
        if (batchSize < 1) {
            throw new CheckpointException(file.toString(), "metadata \"training\"", "it has no batch size, so its run cannot be "
                    + "continued here; continue it with train --resume", null);
        }
        long seed = loaded.checkpoint().seed();
        if (saved.hasNonNull("task")) {
            String name = saved.get("task").asText();
            SyntheticTask task = saved.hasNonNull("taskLength") ? SyntheticTasks.byName(name, saved.get("taskLength").asInt())
                    : SyntheticTasks.byName(name);
            return TrainingData.fromTask(task, batchSize, seed);
        }
        if (!saved.hasNonNull("text")) {
            throw new CheckpointException(file.toString(), "metadata \"training\"", "it names neither the text nor the task it "
                    + "trained on, so its run cannot be continued here", null);
        }
        Path text = Path.of(saved.get("text").asText());
        if (!Files.isRegularFile(text)) {
            throw new IllegalArgumentException("the text this run trained on, " + text + ", is not there any more: put it back, "
                    + "or continue with train --resume " + file + " --text FILE");
        }
        TokenizerKind kind = TokenizerKind.byKind(loaded.tokenizer().kind()).orElse(TokenizerKind.CHAR);
        // a fine-tuned run trained on shorter windows than the model's context: the same again
        int window = saved.path("window").asInt(loaded.model().config().contextLength());
        return TrainingData.fromTextFile(text, kind, loaded.tokenizer(), window, batchSize, saved.path("trainRatio").asDouble(0.9), seed);
    }
}
