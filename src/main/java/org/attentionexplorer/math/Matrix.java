package org.attentionexplorer.math;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable matrix of doubles in row-major order: the plain-Java currency of every trace.
 *
 * <p>Rows are tokens (queries) and columns are features or tokens (keys), as in the book. Values may be
 * {@code -Infinity} (masked attention scores). Nothing here depends on ND4J or JavaFX, so a view can hold a
 * Matrix without touching the tensor engine.
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** A copy of the given rows; every row must have the same length. */
    public static Matrix of(double[][] values) {
        int rows = values.length;
        int cols = rows == 0 ? 0 : values[0].length;
        double[] data = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            if (values[r].length != cols) {
                throw new IllegalArgumentException(
                        "row " + r + " has " + values[r].length + " values, row 0 has " + cols);
            }
            System.arraycopy(values[r], 0, data, r * cols, cols);
        }
        return new Matrix(rows, cols, data);
    }

    /** A copy of {@code values}, read as {@code rows x cols} in row-major order. */
    public static Matrix ofRowMajor(int rows, int cols, double[] values) {
        if (rows < 0 || cols < 0 || (long) rows * cols != values.length) {
            throw new IllegalArgumentException(
                    values.length + " values cannot fill a " + rows + " x " + cols + " matrix");
        }
        return new Matrix(rows, cols, values.clone());
    }

    /** A single-row matrix (a bias or any other vector). */
    public static Matrix rowVector(double... values) {
        return new Matrix(1, values.length, values.clone());
    }

    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new double[rows * cols]);
    }

    public static Matrix filled(int rows, int cols, double value) {
        double[] data = new double[rows * cols];
        Arrays.fill(data, value);
        return new Matrix(rows, cols, data);
    }

    public static Matrix identity(int n) {
        double[] data = new double[n * n];
        for (int i = 0; i < n; i++) {
            data[i * n + i] = 1.0;
        }
        return new Matrix(n, n, data);
    }

    /** The matrices side by side: {@code [a | b | ...]}; all must have the same number of rows. */
    public static Matrix concatColumns(List<Matrix> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        int rows = parts.get(0).rows;
        int cols = 0;
        for (Matrix part : parts) {
            if (part.rows != rows) {
                throw new IllegalArgumentException("cannot put a " + part.shape() + " matrix beside " + rows + " rows");
            }
            cols += part.cols;
        }
        double[] data = new double[rows * cols];
        int offset = 0;
        for (Matrix part : parts) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(part.data, r * part.cols, data, r * cols + offset, part.cols);
            }
            offset += part.cols;
        }
        return new Matrix(rows, cols, data);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public double get(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ") is outside " + shape());
        }
        return data[row * cols + col];
    }

    /** A copy of one row. */
    public double[] row(int row) {
        return Arrays.copyOfRange(data, row * cols, (row + 1) * cols);
    }

    /** Columns {@code from} (inclusive) to {@code to} (exclusive), as a new matrix. */
    public Matrix columns(int from, int to) {
        if (from < 0 || to > cols || from > to) {
            throw new IndexOutOfBoundsException("columns " + from + ".." + to + " of " + shape());
        }
        int width = to - from;
        double[] part = new double[rows * width];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(data, r * cols + from, part, r * width, width);
        }
        return new Matrix(rows, width, part);
    }

    public Matrix transpose() {
        double[] t = new double[data.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = data[r * cols + c];
            }
        }
        return new Matrix(cols, rows, t);
    }

    /** A copy of the values in row-major order. */
    public double[] toRowMajor() {
        return data.clone();
    }

    /** A copy of the values as rows. */
    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = row(r);
        }
        return out;
    }

    /**
     * The largest absolute difference between two matrices of the same shape. Equal infinities count as
     * no difference, so two masked score matrices compare equal.
     */
    public double maxAbsDifference(Matrix other) {
        if (rows != other.rows || cols != other.cols) {
            throw new IllegalArgumentException("cannot compare " + shape() + " with " + other.shape());
        }
        double max = 0;
        for (int i = 0; i < data.length; i++) {
            double a = data[i];
            double b = other.data[i];
            if (a == b) {
                continue;
            }
            max = Math.max(max, Math.abs(a - b));
        }
        return max;
    }

    /** True when every value is finite (no NaN, no infinity). */
    public boolean isFinite() {
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** The shape as a learner reads it, e.g. {@code 6 x 3}. */
    public String shape() {
        return rows + " x " + cols;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && rows == m.rows && cols == m.cols && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Matrix " + shape() + " " + Arrays.deepToString(toArray());
    }
}
