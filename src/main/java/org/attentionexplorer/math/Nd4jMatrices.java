package org.attentionexplorer.math;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies between plain-Java values and ND4J arrays: {@link Matrix} (float64, rank 2) and {@link FloatTensor}
 * (float32, any rank), always row-major.
 */
public final class Nd4jMatrices {
    private Nd4jMatrices() {
    }

    /** A new (rows, cols) float64 array holding a copy of {@code matrix}. */
    public static INDArray toNd4j(Matrix matrix) {
        return Nd4j.create(matrix.toRowMajor(), new long[] {matrix.rows(), matrix.cols()}, DataType.DOUBLE);
    }

    /** A plain-Java copy of a rank-2 array. */
    public static Matrix fromNd4j(INDArray array) {
        if (array.rank() != 2) {
            throw new IllegalArgumentException("expected a matrix, got rank " + array.rank());
        }
        double[] values = array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        return Matrix.ofRowMajor(array.rows(), array.columns(), values);
    }

    /** A plain float32 copy of an array of any rank. */
    public static FloatTensor toFloatTensor(INDArray array) {
        int[] shape = new int[array.rank()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = Math.toIntExact(array.size(i));
        }
        return FloatTensor.of(shape, array.castTo(DataType.FLOAT).dup('c').data().asFloat());
    }

    /** A new array of the given type holding a copy of {@code tensor}. */
    public static INDArray toNd4j(FloatTensor tensor, DataType dataType) {
        int[] shape = tensor.shape();
        long[] longShape = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            longShape[i] = shape[i];
        }
        return Nd4j.create(tensor.data(), longShape, 'c').castTo(dataType);
    }
}
