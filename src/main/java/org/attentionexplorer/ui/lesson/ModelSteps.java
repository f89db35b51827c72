package org.attentionexplorer.ui.lesson;

import java.util.Objects;
import org.attentionexplorer.attention.SimplifiedTrace;
import org.attentionexplorer.math.Matrix;
import org.attentionexplorer.model.ModelTrace;

/**
 * A trained model's trace seen through the lesson's steps: the traced text's inputs X (token + position
 * embeddings, the residual stream entering layer 0), section 3.3's attention without weights computed on that X,
 * and the one head that steps 5 to 8 show. Immutable; made in the background (the simplified trace is computed).
 *
 * @param trace      the model's trace of the text
 * @param simplified attention without trainable weights on the model's X
 * @param layer      the layer of the head shown in steps 5 to 8
 * @param head       the head shown
 */
public record ModelSteps(ModelTrace trace, SimplifiedTrace simplified, int layer, int head) {
    public ModelSteps {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(simplified, "simplified");
        if (layer < 0 || layer >= trace.layers().size()) {
            throw new IllegalArgumentException("layer " + layer + " is not one of the model's " + trace.layers().size() + " layers");
        }
        int heads = trace.layers().get(layer).heads().size();
        if (head < 0 || head >= heads) {
            throw new IllegalArgumentException("head " + head + " is not one of the " + heads + " heads of layer " + layer);
        }
    }

    /** Computes the simplified attention on the trace's inputs (call it off the FX thread). */
    public static ModelSteps of(ModelTrace trace, int layer, int head) {
        return new ModelSteps(trace, SimplifiedTrace.of(inputs(trace)), layer, head);
    }

    /** The same trace with another head shown (nothing is recomputed). */
    public ModelSteps withHead(int newLayer, int newHead) {
        return new ModelSteps(trace, simplified, newLayer, newHead);
    }

    /** X: the token + position embeddings, the residual stream entering the first block (T, C). */
    public static Matrix inputs(ModelTrace trace) {
        return trace.layers().get(0).blockInput();
    }

    public int layerCount() {
        return trace.layers().size();
    }

    public int headCount() {
        return trace.layers().get(layer).heads().size();
    }
}
