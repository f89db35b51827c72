package org.attentionexplorer.model;

import java.util.List;
import org.attentionexplorer.attention.HeadTrace;
import org.attentionexplorer.math.Matrix;

/**
 * One transformer block of a traced text.
 *
 * @param blockInput  the residual stream entering the block (T, C)
 * @param blockOutput the residual stream leaving it (T, C)
 * @param heads       every head's attention, under the lab's names (evaluation mode: no dropout)
 */
public record LayerTrace(Matrix blockInput, Matrix blockOutput, List<HeadTrace> heads) {
    public LayerTrace {
        heads = List.copyOf(heads);
    }
}
