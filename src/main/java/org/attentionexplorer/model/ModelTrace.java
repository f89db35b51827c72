package org.attentionexplorer.model;

import java.util.List;
import org.attentionexplorer.math.FloatTensor;

/**
 * Everything a model computes for one text, copied out of ND4J into plain Java.
 *
 * @param tokens     the label of each token (its text)
 * @param ids        the token ids (T)
 * @param spanStarts where each token starts in the traced text (char offsets)
 * @param spanEnds   where each token ends
 * @param truncated  true when the text had more tokens than the context and only the first ones were traced
 * @param layers     every block, with every head
 * @param logits     next-token logits at every position (T, V)
 * @param candidates the most probable next tokens at every position, most probable first
 */
public record ModelTrace(List<String> tokens, int[] ids, int[] spanStarts, int[] spanEnds, boolean truncated,
        List<LayerTrace> layers, FloatTensor logits, List<List<Candidate>> candidates) {
    public ModelTrace {
        tokens = List.copyOf(tokens);
        ids = ids.clone();
        spanStarts = spanStarts.clone();
        spanEnds = spanEnds.clone();
        layers = List.copyOf(layers);
        candidates = candidates.stream().map(List::copyOf).toList();
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }

    @Override
    public int[] spanStarts() {
        return spanStarts.clone();
    }

    @Override
    public int[] spanEnds() {
        return spanEnds.clone();
    }
}
