package org.attentionexplorer.math;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Copies between plain-Java {@link Matrix} values and ND4J arrays (always float64, row-major). */
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
}
