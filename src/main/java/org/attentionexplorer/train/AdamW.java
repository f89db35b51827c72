package org.attentionexplorer.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.attentionexplorer.math.FloatTensor;
import org.attentionexplorer.math.Nd4jMatrices;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam with decoupled weight decay, as PyTorch's AdamW: {@code p -= lr * wd * p}, then the Adam update with
 * bias-corrected moments. Weight decay applies to matrices only (weights and embeddings), not to biases or
 * LayerNorm parameters, as in GPT-2 training. Updates the parameter arrays in place.
 */
public final class AdamW {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final Map<String, INDArray> m = new LinkedHashMap<>();
    private final Map<String, INDArray> v = new LinkedHashMap<>();
    private long step;

    public AdamW(double beta1, double beta2, double eps, double weightDecay) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    /** PyTorch's defaults with the book's weight decay of 0.1. */
    public static AdamW withDefaults() {
        return new AdamW(0.9, 0.999, 1e-8, 0.1);
    }

    /** Updates taken so far. */
    public long step() {
        return step;
    }

    /** One update of every parameter from its gradient. */
    public void update(Map<String, INDArray> parameters, Map<String, INDArray> gradients, double learningRate) {
        step++;
        double correction1 = 1 - Math.pow(beta1, step);
        double correction2 = 1 - Math.pow(beta2, step);
        for (Map.Entry<String, INDArray> entry : parameters.entrySet()) {
            String name = entry.getKey();
            INDArray p = entry.getValue();
            INDArray g = gradients.get(name);
            // the moments outlive the step: never in its workspace (a no-op when no workspace is active)
            INDArray mt = m.computeIfAbsent(name, k -> StepMemory.outside(() -> Nd4j.zerosLike(p)));
            INDArray vt = v.computeIfAbsent(name, k -> StepMemory.outside(() -> Nd4j.zerosLike(p)));
            double decay = weightDecay > 0 && p.rank() >= 2 ? 1 - learningRate * weightDecay : 1;
            if (FusedUpdate.applies(p, g, mt, vt)) {
                FusedUpdate.run(p, g, mt, vt, decay, beta1, beta2, correction1, correction2, eps, learningRate);
                continue;
            }
            if (decay != 1) {
                p.muli(decay);
            }
            mt.muli(beta1).addi(g.mul(1 - beta1));
            vt.muli(beta2).addi(g.mul(g).muli(1 - beta2));
            INDArray denominator = Transforms.sqrt(vt.div(correction2), false).addi(eps);
            p.subi(mt.div(correction1).divi(denominator).muli(learningRate));
        }
    }

    /** Scales the gradients so their global L2 norm is at most {@code maxNorm}; returns the norm before. */
    public static double clipGradients(Map<String, INDArray> gradients, double maxNorm) {
        double sumSquares = 0;
        for (INDArray g : gradients.values()) {
            double norm = g.norm2Number().doubleValue();
            sumSquares += norm * norm;
        }
        double norm = Math.sqrt(sumSquares);
        if (maxNorm > 0 && norm > maxNorm) {
            double scale = maxNorm / (norm + 1e-6);
            gradients.values().forEach(g -> g.muli(scale));
        }
        return norm;
    }

    /** The moments as plain tensors ({@code m.<param>}, {@code v.<param>}), for checkpoints. */
    public Map<String, FloatTensor> state() {
        Map<String, FloatTensor> state = new LinkedHashMap<>();
        m.forEach((name, array) -> state.put("m." + name, Nd4jMatrices.toFloatTensor(array)));
        v.forEach((name, array) -> state.put("v." + name, Nd4jMatrices.toFloatTensor(array)));
        return state;
    }

    /** Restores moments and the step count saved by {@link #state()}. */
    public void restore(Map<String, FloatTensor> state, long steps, Map<String, INDArray> parameters) {
        m.clear();
        v.clear();
        for (Map.Entry<String, INDArray> entry : parameters.entrySet()) {
            FloatTensor mt = state.get("m." + entry.getKey());
            FloatTensor vt = state.get("v." + entry.getKey());
            if (mt == null || vt == null) {
                throw new IllegalArgumentException("the optimizer state has no moments for " + entry.getKey());
            }
            m.put(entry.getKey(), array(mt, entry.getValue()));
            v.put(entry.getKey(), array(vt, entry.getValue()));
        }
        this.step = steps;
    }

    private static INDArray array(FloatTensor tensor, INDArray like) {
        if (tensor.size() != like.length()) {
            throw new IllegalArgumentException("optimizer state of " + tensor.size() + " values for a parameter of " + like.length());
        }
        return Nd4jMatrices.toNd4j(tensor, like.dataType()).reshape(like.shape());
    }
}
