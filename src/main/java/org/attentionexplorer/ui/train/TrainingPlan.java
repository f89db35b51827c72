package org.attentionexplorer.ui.train;

import java.nio.file.Path;
import java.util.Objects;
import org.attentionexplorer.io.LoadedModel;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.model.GptInit;
import org.attentionexplorer.text.TokenizerKind;
import org.attentionexplorer.train.TrainingSettings;

/**
 * Everything a run needs, validated and fixed when Start is pressed: later edits of the form do not reach it.
 *
 * @param source         a text file or a synthetic task
 * @param textFile       the text (source TEXT_FILE)
 * @param task           the task's name (source TASK)
 * @param tokenizer      how a text is tokenized (tasks use their own symbols)
 * @param trainShare     share of a text used for training
 * @param config         the model's shape (the tokenizer sets the vocabulary)
 * @param init           how the weights are drawn
 * @param settings       the optimisation and reporting
 * @param batchSize      sequences per step
 * @param checkpointRoot the folder the run's own folder is made in
 * @param probeText      the sentence traced as the model learns ("" for the start of the validation data)
 * @param probeIntervalNanos the shortest time between two probe traces
 * @param startFrom      the model whose copy is fine-tuned (its tokenizer and shape replace the form's), or null for a new model
 */
public record TrainingPlan(TrainingForm.Source source, Path textFile, String task, TokenizerKind tokenizer, double trainShare,
        GptConfig config, GptInit init, TrainingSettings settings, int batchSize, Path checkpointRoot, String probeText,
        long probeIntervalNanos, LoadedModel startFrom) {
    public TrainingPlan {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(checkpointRoot, "checkpointRoot");
        probeText = probeText == null ? "" : probeText;
    }

    /** The form's current values (call only when {@link TrainingForm#problems()} is empty). */
    public static TrainingPlan of(TrainingForm form, long probeIntervalNanos) {
        return new TrainingPlan(form.sourceProperty().get(), form.textFileProperty().get(), form.taskProperty().get(),
                form.tokenizer(), form.trainShare(), form.config(), form.init(), form.settings(), form.batchSize(),
                form.checkpointRootProperty().get(), form.probeTextProperty().get(), probeIntervalNanos, form.startFrom());
    }

    /** A short name for the run's folder: the task's name or the text file's name without extension. */
    public String name() {
        if (source == TrainingForm.Source.TASK) {
            return task;
        }
        String file = textFile.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return (dot > 0 ? file.substring(0, dot) : file).replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
