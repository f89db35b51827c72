package org.attentionexplorer.train;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * AdamW's update of one float32 parameter as one loop over the native buffers of the parameter, its gradient and
 * its two moments, in the order and float32 arithmetic of the array expressions it replaces (which make nine
 * temporary arrays of the parameter's size: 650 MB each for GPT-2's embedding). Other types and non-contiguous
 * arrays take the expressions.
 */
final class FusedUpdate {
    private FusedUpdate() {
    }

    /** Whether every array is float32 and owns a row-major buffer of its own length. */
    static boolean applies(INDArray... arrays) {
        long length = arrays[0].length();
        for (INDArray a : arrays) {
            if (a.dataType() != DataType.FLOAT || a.ordering() != 'c' || a.isView() || a.offset() != 0
                    || a.length() != length || a.data().length() != length) {
                return false;
            }
        }
        return true;
    }

    private static FloatBuffer buffer(INDArray a) {
        return a.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /**
     * p *= decay; m = beta1 m + (1 - beta1) g; v = beta2 v + (1 - beta2) g^2;
     * p -= lr (m / correction1) / (sqrt(v / correction2) + eps).
     */
    static void run(INDArray parameter, INDArray gradient, INDArray m, INDArray v, double decay, double beta1, double beta2,
            double correction1, double correction2, double eps, double learningRate) {
        FloatBuffer p = buffer(parameter);
        FloatBuffer g = buffer(gradient);
        FloatBuffer mb = buffer(m);
        FloatBuffer vb = buffer(v);
        float d = (float) decay;
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float oneMinusB1 = (float) (1 - beta1);
        float oneMinusB2 = (float) (1 - beta2);
        float c1 = (float) correction1;
        float c2 = (float) correction2;
        float e = (float) eps;
        float lr = (float) learningRate;
        for (int i = 0, n = (int) parameter.length(); i < n; i++) {
            float gi = g.get(i);
            float mi = mb.get(i) * b1 + gi * oneMinusB1;
            float vi = vb.get(i) * b2 + gi * gi * oneMinusB2;
            mb.put(i, mi);
            vb.put(i, vi);
            float denominator = (float) Math.sqrt(vi / c2) + e;
            p.put(i, p.get(i) * d - mi / c1 / denominator * lr);
        }
    }
}
