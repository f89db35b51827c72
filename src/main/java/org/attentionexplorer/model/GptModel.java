package org.attentionexplorer.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attentionexplorer.math.FloatTensor;
import org.attentionexplorer.math.Nd4jMatrices;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The book's GPTModel on ND4J, written as explicit forward and backward passes: token + position embeddings,
 * embedding dropout, pre-LayerNorm blocks (x + drop(att(ln1(x))), then x + drop(ff(ln2(x)))), a final
 * LayerNorm and the output head (optionally tied to the token embedding).
 *
 * <p>Parameters keep GPT-2's names and layout ({@link #parameterShapes}); every weight is applied as
 * {@code x @ W} except the head, stored {@code (V, C)} like the embedding it may be tied to and applied as
 * {@code x @ W^T}. Dimension letters: B batch, T time, C channels, V vocabulary, L layers.
 */
public final class GptModel {
    private final GptConfig config;
    private final DataType dataType;
    private final Map<String, INDArray> parameters;

    GptModel(GptConfig config, DataType dataType, Map<String, INDArray> parameters) {
        this.config = config;
        this.dataType = dataType;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The name and shape of every parameter, in GPT-2's order. */
    public static Map<String, int[]> parameterShapes(GptConfig config) {
        int c = config.embDim();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        shapes.put("wte.weight", new int[] {config.vocabSize(), c});
        shapes.put("wpe.weight", new int[] {config.contextLength(), c});
        for (int i = 0; i < config.numLayers(); i++) {
            String p = "h." + i + ".";
            shapes.put(p + "ln_1.weight", new int[] {c});
            shapes.put(p + "ln_1.bias", new int[] {c});
            shapes.put(p + "attn.c_attn.weight", new int[] {c, 3 * c});
            if (config.qkvBias()) {
                shapes.put(p + "attn.c_attn.bias", new int[] {3 * c});
            }
            shapes.put(p + "attn.c_proj.weight", new int[] {c, c});
            shapes.put(p + "attn.c_proj.bias", new int[] {c});
            shapes.put(p + "ln_2.weight", new int[] {c});
            shapes.put(p + "ln_2.bias", new int[] {c});
            shapes.put(p + "mlp.c_fc.weight", new int[] {c, 4 * c});
            shapes.put(p + "mlp.c_fc.bias", new int[] {4 * c});
            shapes.put(p + "mlp.c_proj.weight", new int[] {4 * c, c});
            shapes.put(p + "mlp.c_proj.bias", new int[] {c});
        }
        shapes.put("ln_f.weight", new int[] {c});
        shapes.put("ln_f.bias", new int[] {c});
        if (!config.tiedHead()) {
            shapes.put("lm_head.weight", new int[] {config.vocabSize(), c});
        }
        return shapes;
    }

    /** A model from plain tensors (a checkpoint); every name and shape must match the config. */
    public static GptModel fromTensors(GptConfig config, Map<String, FloatTensor> tensors, DataType dataType) {
        Map<String, INDArray> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> entry : parameterShapes(config).entrySet()) {
            FloatTensor tensor = tensors.get(entry.getKey());
            if (tensor == null) {
                throw new IllegalArgumentException("missing parameter " + entry.getKey());
            }
            if (!java.util.Arrays.equals(tensor.shape(), entry.getValue())) {
                throw new IllegalArgumentException(entry.getKey() + " has shape " + java.util.Arrays.toString(tensor.shape())
                        + " but the config needs " + java.util.Arrays.toString(entry.getValue()));
            }
            parameters.put(entry.getKey(), Nd4jMatrices.toNd4j(tensor, dataType));
        }
        return new GptModel(config, dataType, parameters);
    }

    /** The parameters as plain float32 tensors, in GPT-2's order. */
    public Map<String, FloatTensor> toTensors() {
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        parameters.forEach((name, array) -> tensors.put(name, Nd4jMatrices.toFloatTensor(array)));
        return tensors;
    }

    static long[] toLong(int[] shape) {
        long[] out = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = shape[i];
        }
        return out;
    }

    public GptConfig config() {
        return config;
    }

    public DataType dataType() {
        return dataType;
    }

    /** The live parameter arrays by name (the optimizer updates them in place). */
    public Map<String, INDArray> parameters() {
        return parameters;
    }

    INDArray p(String name) {
        return parameters.get(name);
    }

    /** Number of parameters, without the position embedding when {@code withoutPositions}. */
    public long parameterCount(boolean withoutPositions) {
        long n = 0;
        for (Map.Entry<String, INDArray> e : parameters.entrySet()) {
            if (!(withoutPositions && e.getKey().equals("wpe.weight"))) {
                n += e.getValue().length();
            }
        }
        return n;
    }

    private INDArray head() {
        return config.tiedHead() ? p("wte.weight") : p("lm_head.weight");
    }

    private String headName() {
        return config.tiedHead() ? "wte.weight" : "lm_head.weight";
    }

    // ---- forward ----

    /** Everything one block keeps for backward (and, for traces, its input and attention internals). */
    record BlockCache(INDArray input, LayerNorm.Cache ln1, CausalSelfAttention.Result attention, INDArray attentionDrop,
            LayerNorm.Cache ln2, FeedForward.Cache feedForward, INDArray feedForwardDrop, INDArray output) {
    }

    /** The whole forward pass. */
    record Forward(int batch, int time, int[] ids, INDArray embedDrop, List<BlockCache> blocks, LayerNorm.Cache lnF,
            INDArray finalHidden, INDArray logits) {
    }

    Forward forward(int[][] inputs, Dropout dropout, boolean keepInternals) {
        int b = inputs.length;
        int t = inputs[0].length;
        int c = config.embDim();
        int[] ids = flatten(inputs);
        INDArray tokens = Nd4j.pullRows(p("wte.weight"), 1, ids);                                  // (B*T, C)
        INDArray positions = p("wpe.weight").get(NDArrayIndex.interval(0, t), NDArrayIndex.all());  // (T, C)
        INDArray x = tokens.reshape('c', b, t, c).addi(positions).reshape('c', (long) b * t, c);     // (B*T, C)
        INDArray embedDrop = dropout.mask(x);
        x = Dropout.apply(x, embedDrop);
        List<BlockCache> blocks = new ArrayList<>();
        for (int i = 0; i < config.numLayers(); i++) {
            String n = "h." + i + ".";
            INDArray input = x;
            LayerNorm.Result ln1 = LayerNorm.forward(x, p(n + "ln_1.weight"), p(n + "ln_1.bias"));
            CausalSelfAttention.Result attention = CausalSelfAttention.forward(ln1.out(), b, t, config.numHeads(),
                    p(n + "attn.c_attn.weight"), p(n + "attn.c_attn.bias"), p(n + "attn.c_proj.weight"),
                    p(n + "attn.c_proj.bias"), dropout, keepInternals);
            INDArray attentionDrop = dropout.mask(attention.out());
            x = x.add(Dropout.apply(attention.out(), attentionDrop));
            LayerNorm.Result ln2 = LayerNorm.forward(x, p(n + "ln_2.weight"), p(n + "ln_2.bias"));
            FeedForward.Result ff = FeedForward.forward(ln2.out(), p(n + "mlp.c_fc.weight"), p(n + "mlp.c_fc.bias"),
                    p(n + "mlp.c_proj.weight"), p(n + "mlp.c_proj.bias"));
            INDArray ffDrop = dropout.mask(ff.out());
            x = x.add(Dropout.apply(ff.out(), ffDrop));
            blocks.add(new BlockCache(input, ln1.cache(), attention, attentionDrop, ln2.cache(), ff.cache(), ffDrop, x));
        }
        LayerNorm.Result lnF = LayerNorm.forward(x, p("ln_f.weight"), p("ln_f.bias"));
        INDArray logits = lnF.out().mmul(head().transpose());                                        // (B*T, V)
        return new Forward(b, t, ids, embedDrop, blocks, lnF.cache(), lnF.out(), logits);
    }

    private int[] flatten(int[][] inputs) {
        if (inputs.length == 0 || inputs[0].length == 0) {
            throw new IllegalArgumentException("an empty batch");
        }
        int t = inputs[0].length;
        if (t > config.contextLength()) {
            throw new IllegalArgumentException(t + " tokens are more than the context length " + config.contextLength());
        }
        int[] ids = new int[inputs.length * t];
        for (int r = 0; r < inputs.length; r++) {
            if (inputs[r].length != t) {
                throw new IllegalArgumentException("batch rows differ in length");
            }
            for (int i = 0; i < t; i++) {
                int id = inputs[r][i];
                if (id < 0 || id >= config.vocabSize()) {
                    throw new IllegalArgumentException("token id " + id + " is outside the vocabulary of " + config.vocabSize());
                }
                ids[r * t + i] = id;
            }
        }
        return ids;
    }

    /** Logits for every position, in evaluation mode (no dropout). (B*T, V) */
    public INDArray logits(int[][] inputs) {
        return forward(inputs, Dropout.OFF, false).logits();
    }

    /** Mean cross-entropy of the next-token predictions, in evaluation mode. */
    public double loss(int[][] inputs, int[][] targets) {
        return CrossEntropy.compute(logits(inputs), flatten(targets), false).loss();
    }

    /** The training-mode loss with the dropout masks {@code dropoutSeed} draws (for gradient checks). */
    double trainingLoss(int[][] inputs, int[][] targets, long dropoutSeed) {
        Dropout dropout = config.dropRate() > 0 ? new Dropout(config.dropRate(), dropoutSeed) : Dropout.OFF;
        return CrossEntropy.compute(forward(inputs, dropout, false).logits(), flatten(targets), false).loss();
    }

    // ---- backward ----

    /** The loss of one batch and the gradient of every parameter, by name. */
    public record StepResult(double loss, Map<String, INDArray> gradients) {
    }

    /** Forward in training mode (dropout drawn from {@code dropoutSeed}), loss, and backward. */
    public StepResult lossAndGradients(int[][] inputs, int[][] targets, long dropoutSeed) {
        Dropout dropout = config.dropRate() > 0 ? new Dropout(config.dropRate(), dropoutSeed) : Dropout.OFF;
        Forward f = forward(inputs, dropout, false);
        CrossEntropy.Result ce = CrossEntropy.compute(f.logits(), flatten(targets), true);
        Map<String, INDArray> grads = new LinkedHashMap<>();
        parameters.forEach((name, array) -> grads.put(name, Nd4j.zerosLike(array)));
        backward(f, ce.dLogits(), grads);
        return new StepResult(ce.loss(), Collections.unmodifiableMap(grads));
    }

    private void backward(Forward f, INDArray dLogits, Map<String, INDArray> g) {
        int b = f.batch();
        int t = f.time();
        int c = config.embDim();
        g.get(headName()).addi(dLogits.transpose().mmul(f.finalHidden()));                 // (V, C)
        INDArray dHidden = dLogits.mmul(head());                                            // (B*T, C)
        INDArray dx = LayerNorm.backward(dHidden, f.lnF(), p("ln_f.weight"), g.get("ln_f.weight"), g.get("ln_f.bias"));
        for (int i = config.numLayers() - 1; i >= 0; i--) {
            String n = "h." + i + ".";
            BlockCache block = f.blocks().get(i);
            INDArray dFf = Dropout.apply(dx, block.feedForwardDrop());
            INDArray dLn2 = FeedForward.backward(dFf, block.feedForward(), p(n + "mlp.c_fc.weight"), p(n + "mlp.c_proj.weight"),
                    g.get(n + "mlp.c_fc.weight"), g.get(n + "mlp.c_fc.bias"), g.get(n + "mlp.c_proj.weight"),
                    g.get(n + "mlp.c_proj.bias"));
            dx = dx.add(LayerNorm.backward(dLn2, block.ln2(), p(n + "ln_2.weight"), g.get(n + "ln_2.weight"), g.get(n + "ln_2.bias")));
            INDArray dAtt = Dropout.apply(dx, block.attentionDrop());
            INDArray dLn1 = CausalSelfAttention.backward(dAtt, block.attention().cache(), b, t, config.numHeads(),
                    p(n + "attn.c_attn.weight"), p(n + "attn.c_proj.weight"), g.get(n + "attn.c_attn.weight"),
                    g.get(n + "attn.c_attn.bias"), g.get(n + "attn.c_proj.weight"), g.get(n + "attn.c_proj.bias"));
            dx = dx.add(LayerNorm.backward(dLn1, block.ln1(), p(n + "ln_1.weight"), g.get(n + "ln_1.weight"), g.get(n + "ln_1.bias")));
        }
        dx = Dropout.apply(dx, f.embedDrop());
        g.get("wpe.weight").get(NDArrayIndex.interval(0, t), NDArrayIndex.all()).addi(dx.reshape('c', b, t, c).sum(0));
        scatterAddRows(g.get("wte.weight"), f.ids(), dx);
    }

    /**
     * {@code target[ids[r]] += rows[r]} for every row r: the embedding lookup's gradient. Summed in Java per distinct
     * id first, so the arrays are touched once per distinct token rather than once per position.
     */
    static void scatterAddRows(INDArray target, int[] ids, INDArray rows) {
        int c = (int) rows.size(1);
        double[] values = rows.castTo(DataType.DOUBLE).dup('c').data().asDouble();       // (N * C)
        Map<Integer, double[]> sums = new LinkedHashMap<>();
        for (int r = 0; r < ids.length; r++) {
            double[] sum = sums.computeIfAbsent(ids[r], id -> new double[c]);
            for (int j = 0; j < c; j++) {
                sum[j] += values[r * c + j];
            }
        }
        for (Map.Entry<Integer, double[]> entry : sums.entrySet()) {
            target.getRow(entry.getKey()).addi(Nd4j.create(entry.getValue(), new long[] {c}, DataType.DOUBLE).castTo(target.dataType()));
        }
    }
}
