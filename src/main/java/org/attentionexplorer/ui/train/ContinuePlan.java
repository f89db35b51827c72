package org.attentionexplorer.ui.train;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Continuing a saved run: the model, data and settings come from its checkpoint (see {@link Continuation}).
 *
 * @param checkpoint         the checkpoint whose run goes on
 * @param steps              the step to reach, if later than the run's own end (0: the run's own end)
 * @param checkpointRoot     where a loose checkpoint's run gets its folder (a run folder's checkpoint is continued in place)
 * @param probeText          the sentence traced as the model learns ("" for the start of the validation data)
 * @param probeIntervalNanos the shortest time between two probe traces
 */
public record ContinuePlan(Path checkpoint, long steps, Path checkpointRoot, String probeText, long probeIntervalNanos) {
    public ContinuePlan {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(checkpointRoot, "checkpointRoot");
        probeText = probeText == null ? "" : probeText;
    }
}
