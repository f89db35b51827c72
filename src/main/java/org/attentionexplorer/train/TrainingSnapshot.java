package org.attentionexplorer.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attentionexplorer.math.FloatTensor;

/**
 * Everything needed to resume a run exactly: the weights, the optimizer's moments, where the run is, and its
 * loss history. Plain values, so a checkpoint writer needs no ND4J.
 */
public record TrainingSnapshot(Map<String, FloatTensor> weights, Map<String, FloatTensor> optimizerState, long step,
        long tokensSeen, long seed, List<LossPoint> history) {
    public TrainingSnapshot {
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights)); // keeps the parameters' order
        optimizerState = Collections.unmodifiableMap(new LinkedHashMap<>(optimizerState));
        history = List.copyOf(history);
    }
}
