package org.attentionexplorer.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.attentionexplorer.attention.HeadTrace;
import org.attentionexplorer.math.Matrix;
import org.attentionexplorer.math.Nd4jMatrices;
import org.attentionexplorer.text.Encoding;
import org.attentionexplorer.text.Tokenizer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

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
        for (GptModel.BlockCache block : forward.blocks()) {
            CausalSelfAttention.Internals internals = block.attention().internals();
            List<HeadTrace> heads = new ArrayList<>();
            for (int h = 0; h < model.config().numHeads(); h++) {
                heads.add(HeadTrace.ofModel(head(internals.queries(), h), head(internals.keys(), h), head(internals.values(), h),
                        head(internals.attnScores(), h), head(internals.attnWeights(), h), head(internals.contextVecs(), h)));
            }
            layers.add(new LayerTrace(Nd4jMatrices.fromNd4j(block.input()), Nd4jMatrices.fromNd4j(block.output()), heads));
        }
        List<String> labels = new ArrayList<>();
        for (int id : ids) {
            labels.add(tokenizer.tokenText(id));
        }
        INDArray logits = forward.logits();                                          // (T, V)
        return new ModelTrace(labels, ids, Arrays.copyOf(encoding.starts(), t), Arrays.copyOf(encoding.ends(), t),
                t < encoding.size(), layers, Nd4jMatrices.toFloatTensor(logits), topCandidates(logits, tokenizer, topK));
    }

    /** One head of a (1, H, T, ...) array as a (T, ...) matrix. */
    private static Matrix head(INDArray perHead, int h) {
        return Nd4jMatrices.fromNd4j(perHead.get(NDArrayIndex.point(0), NDArrayIndex.point(h), NDArrayIndex.all(), NDArrayIndex.all()));
    }

    /** The k most probable next tokens at each position. */
    static List<List<Candidate>> topCandidates(INDArray logits, Tokenizer tokenizer, int k) {
        INDArray probabilities = Nd4j.nn().softmax(logits, 1);
        List<List<Candidate>> all = new ArrayList<>();
        for (int t = 0; t < probabilities.rows(); t++) {
            float[] row = probabilities.getRow(t).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup().data().asFloat();
            all.add(top(row, tokenizer, k));
        }
        return all;
    }

    static List<Candidate> top(float[] probabilities, Tokenizer tokenizer, int k) {
        int n = Math.min(k, probabilities.length);
        int[] best = new int[n];
        Arrays.fill(best, -1);
        for (int id = 0; id < probabilities.length; id++) {
            for (int slot = 0; slot < n; slot++) {
                if (best[slot] < 0 || probabilities[id] > probabilities[best[slot]]) {
                    System.arraycopy(best, slot, best, slot + 1, n - slot - 1);
                    best[slot] = id;
                    break;
                }
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int id : best) {
            candidates.add(new Candidate(id, tokenizer.tokenText(id), probabilities[id]));
        }
        return candidates;
    }
}
