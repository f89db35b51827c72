package org.attentionexplorer.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Token-by-token inference with a key/value cache: each new token computes only its own query, key and value
 * and attends over the keys and values kept from the tokens before it, so generating n tokens costs n small
 * forward passes instead of n passes over the whole sequence. Evaluation mode (no dropout).
 * A small model (up to {@link JavaTokenStep#MAX_PARAMETERS} parameters) steps in plain Java ({@link JavaTokenStep}),
 * where ND4J's per-call overhead would dominate; a larger one through ND4J.
 * H heads, P positions so far (at most the context length), D head width, C channels.
 */
public final class CachedInference {
    private final GptModel model;
    private final JavaTokenStep plainJava;   // null: the ND4J path
    private final INDArray[] keys;    // per layer (H, context, D), for the ND4J path
    private final INDArray[] values;  // per layer (H, context, D), for the ND4J path
    private int length;

    public CachedInference(GptModel model) {
        this(model, JavaTokenStep.fits(model));
    }

    /** With {@code plainJava}, tokens step through {@link JavaTokenStep}; without, through ND4J. */
    CachedInference(GptModel model, boolean plainJava) {
        this.model = model;
        GptConfig config = model.config();
        this.plainJava = plainJava ? new JavaTokenStep(model) : null;
        int layers = plainJava ? 0 : config.numLayers();
        keys = new INDArray[layers];
        values = new INDArray[layers];
        for (int i = 0; i < layers; i++) {
            keys[i] = Nd4j.zeros(model.dataType(), config.numHeads(), config.contextLength(), config.headDim());
            values[i] = Nd4j.zeros(model.dataType(), config.numHeads(), config.contextLength(), config.headDim());
        }
    }

    /** Tokens in the cache. */
    public int length() {
        return length;
    }

    /** Forgets every token. */
    public void reset() {
        length = 0;
    }

    /**
     * Forgets every token, then fills the cache with {@code ids} in one batched forward pass (one matrix product
     * per weight for all of them, instead of one pass per token) and returns the logits for the token after the
     * last (V). The way to start from a prompt, and to refill a full cache with the last tokens of the text.
     */
    public INDArray prefill(int[] ids) {
        GptConfig config = model.config();
        if (ids.length == 0 || ids.length > config.contextLength()) {
            throw new IllegalArgumentException(ids.length + " tokens: prefill takes 1 to " + config.contextLength());
        }
        int t = ids.length;
        GptModel.Forward forward = model.forward(new int[][] {ids}, Dropout.OFF, false);
        for (int i = 0; i < config.numLayers(); i++) {
            CausalSelfAttention.Cache attention = forward.blocks().get(i).attention().cache();
            if (plainJava != null) {
                plainJava.store(i, attention.k(), attention.v());
                continue;
            }
            keys[i].get(NDArrayIndex.all(), NDArrayIndex.interval(0, t), NDArrayIndex.all())
                    .assign(attention.k().reshape(config.numHeads(), t, config.headDim()));                     // (H, T, D)
            values[i].get(NDArrayIndex.all(), NDArrayIndex.interval(0, t), NDArrayIndex.all())
                    .assign(attention.v().reshape(config.numHeads(), t, config.headDim()));
        }
        length = t;
        return forward.logits().getRow(t - 1).dup();                                                           // (V)
    }

    /**
     * Appends one token and returns the logits for the token after it (V). Throws when the cache is full:
     * the caller crops (resets and feeds the last tokens again), as positions are absolute.
     */
    public INDArray append(int id) {
        GptConfig config = model.config();
        if (length >= config.contextLength()) {
            throw new IllegalStateException("the cache holds a full context of " + config.contextLength() + " tokens");
        }
        if (id < 0 || id >= config.vocabSize()) {
            throw new IllegalArgumentException("token id " + id + " is outside the vocabulary of " + config.vocabSize());
        }
        if (plainJava != null) {
            double[] logits = plainJava.step(id, length);
            length++;
            return Nd4j.create(logits, new long[] {config.vocabSize()}, 'c').castTo(model.dataType());   // (V)
        }
        int c = config.embDim();
        int h = config.numHeads();
        int d = config.headDim();
        int p = length;
        INDArray x = model.p("wte.weight").getRow(id).add(model.p("wpe.weight").getRow(p)).reshape(1, c); // (1, C)
        for (int i = 0; i < config.numLayers(); i++) {
            String n = "h." + i + ".";
            INDArray ln1 = LayerNorm.forward(x, model.p(n + "ln_1.weight"), model.p(n + "ln_1.bias")).out();
            INDArray qkv = ln1.mmul(model.p(n + "attn.c_attn.weight"));                                // (1, 3C)
            INDArray bias = model.p(n + "attn.c_attn.bias");
            if (bias != null) {
                qkv.addiRowVector(bias);
            }
            INDArray q = qkv.get(NDArrayIndex.all(), NDArrayIndex.interval(0, c)).dup().reshape(h, 1, d);      // (H, 1, D)
            keys[i].get(NDArrayIndex.all(), NDArrayIndex.point(p), NDArrayIndex.all())
                    .assign(qkv.get(NDArrayIndex.all(), NDArrayIndex.interval(c, 2 * c)).reshape(h, d));
            values[i].get(NDArrayIndex.all(), NDArrayIndex.point(p), NDArrayIndex.all())
                    .assign(qkv.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * c, 3 * c)).reshape(h, d));
            INDArray k = keys[i].get(NDArrayIndex.all(), NDArrayIndex.interval(0, p + 1), NDArrayIndex.all());  // (H, P, D)
            INDArray v = values[i].get(NDArrayIndex.all(), NDArrayIndex.interval(0, p + 1), NDArrayIndex.all());
            INDArray scores = Nd4j.matmul(q, k.dup(), false, true, false).muli(1 / Math.sqrt(d));              // (H, 1, P)
            INDArray weights = Nd4j.nn().softmax(scores, 2);
            INDArray context = Nd4j.matmul(weights, v.dup()).reshape(1, c);                                    // (1, C)
            INDArray attention = context.mmul(model.p(n + "attn.c_proj.weight")).addiRowVector(model.p(n + "attn.c_proj.bias"));
            x = x.add(attention);
            INDArray ln2 = LayerNorm.forward(x, model.p(n + "ln_2.weight"), model.p(n + "ln_2.bias")).out();
            x = x.add(FeedForward.forward(ln2, model.p(n + "mlp.c_fc.weight"), model.p(n + "mlp.c_fc.bias"),
                    model.p(n + "mlp.c_proj.weight"), model.p(n + "mlp.c_proj.bias")).out());
        }
        INDArray last = LayerNorm.forward(x, model.p("ln_f.weight"), model.p("ln_f.bias")).out();
        INDArray head = config.tiedHead() ? model.p("wte.weight") : model.p("lm_head.weight");
        length++;
        return last.mmul(head.transpose()).reshape(config.vocabSize());                                          // (V)
    }
}
