package org.attentionexplorer.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.attentionexplorer.attention.AttentionSteps;
import org.attentionexplorer.attention.HeadTrace;
import org.attentionexplorer.math.Matrix;
import org.attentionexplorer.math.Nd4jMatrices;
import org.attentionexplorer.text.Encoding;
import org.attentionexplorer.text.Tokenizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Traces a text through a model: one evaluation-mode forward pass of the very code that trains the model,
 * keeping every layer's and head's internals, copied out as plain Java.
 */
public final class ModelTracer {
    private ModelTracer() {
    }

    /** Traces the first {@code contextLength} tokens of {@code text}, with the {@code topK} best next tokens per position. */
    public static ModelTrace trace(GptModel model, Tokenizer tokenizer, String text, int topK) {
        Encoding encoding = tokenizer.encodeWithSpans(text);
        if (encoding.size() == 0) {
            throw new IllegalArgumentException("the text has no tokens to trace");
        }
        int t = Math.min(encoding.size(), model.config().contextLength());
        int[] ids = Arrays.copyOf(encoding.ids(), t);
        GptModel.Forward forward = model.forward(new int[][] {ids}, Dropout.OFF, true);

        List<LayerTrace> layers = new ArrayList<>();
        int heads = model.config().numHeads();
        INDArray additiveMask = CausalSelfAttention.causalMask(t, model.dataType());                 // (1, 1, T, T)
        INDArray mask = Nd4jMatrices.toNd4j(AttentionSteps.causalMask(t)).reshape(1, 1, t, t).castTo(model.dataType()); // (1, 1, T, T)
        for (GptModel.BlockCache block : forward.blocks()) {
            CausalSelfAttention.Internals in = block.attention().internals();
            // The lab's other views of each head, computed for all heads at once: (1, H, T, T) each.
            INDArray scaled = in.attnScores().mul(1 / Math.sqrt(model.config().headDim()));
            INDArray attnWeights = Nd4j.nn().softmax(scaled, 3);
            INDArray unscaled = Nd4j.nn().softmax(in.attnScores(), 3);
            INDArray masked = in.attnScores().add(additiveMask);
            INDArray kept = attnWeights.mul(mask);
            INDArray renormalized = kept.divi(kept.sum(true, 3));
            List<Matrix> queries = perHead(in.queries(), heads);
            List<Matrix> keys = perHead(in.keys(), heads);
            List<Matrix> values = perHead(in.values(), heads);
            List<Matrix> scores = perHead(in.attnScores(), heads);
            List<Matrix> scaledScores = perHead(scaled, heads);
            List<Matrix> weights = perHead(attnWeights, heads);
            List<Matrix> unscaledWeights = perHead(unscaled, heads);
            List<Matrix> maskedScores = perHead(masked, heads);
            List<Matrix> causalWeights = perHead(in.attnWeights(), heads);
            List<Matrix> renormalizedWeights = perHead(renormalized, heads);
            List<Matrix> context = perHead(in.contextVecs(), heads);
            Matrix maskMatrix = perHead(mask, 1).get(0);
            Matrix allKept = Matrix.filled(t, t, 1.0);
            List<HeadTrace> headTraces = new ArrayList<>();
            for (int h = 0; h < heads; h++) {
                headTraces.add(new HeadTrace(queries.get(h), keys.get(h), values.get(h), scores.get(h), scaledScores.get(h),
                        weights.get(h), unscaledWeights.get(h), maskMatrix, maskedScores.get(h), causalWeights.get(h),
                        renormalizedWeights.get(h), allKept, causalWeights.get(h), context.get(h)));
            }
            layers.add(new LayerTrace(Nd4jMatrices.fromNd4j(block.input()), Nd4jMatrices.fromNd4j(block.output()), headTraces));
        }
        List<String> labels = new ArrayList<>();
        for (int id : ids) {
            labels.add(tokenizer.tokenText(id));
        }
        INDArray logits = forward.logits();                                          // (T, V)
        return new ModelTrace(labels, ids, Arrays.copyOf(encoding.starts(), t), Arrays.copyOf(encoding.ends(), t),
                t < encoding.size(), layers, Nd4jMatrices.toFloatTensor(logits), topCandidates(logits, tokenizer, topK));
    }

    /** Each head of a (1, H, T, X) array as a (T, X) matrix: one copy out of ND4J, cut in Java. */
    private static List<Matrix> perHead(INDArray perHead, int heads) {
        int t = (int) perHead.size(2);
        int x = (int) perHead.size(3);
        double[] all = Kernels.contiguous(perHead).data().asDouble();   // widened while copied out: no ND4J copies in between
        List<Matrix> out = new ArrayList<>();
        for (int h = 0; h < heads; h++) {
            out.add(Matrix.ofRowMajor(t, x, Arrays.copyOfRange(all, h * t * x, (h + 1) * t * x)));
        }
        return out;
    }

    /** The k most probable next tokens at each position. */
    static List<List<Candidate>> topCandidates(INDArray logits, Tokenizer tokenizer, int k) {
        INDArray probabilities = Nd4j.nn().softmax(logits, 1);                        // (T, V)
        int v = (int) probabilities.size(1);
        float[] all = probabilities.castTo(DataType.FLOAT).dup('c').data().asFloat();
        List<List<Candidate>> candidates = new ArrayList<>();
        for (int t = 0; t < probabilities.rows(); t++) {
            double[] row = new double[v];
            for (int i = 0; i < v; i++) {
                row[i] = all[t * v + i];
            }
            candidates.add(Candidate.top(row, tokenizer, k));
        }
        return candidates;
    }
}
