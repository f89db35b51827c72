package org.attentionexplorer.math;

import java.util.Arrays;

/**
 * An immutable float32 array of any rank in row-major order: how model weights and optimizer state travel
 * between the model, checkpoints and files, without ND4J.
 */
public final class FloatTensor {
    private final int[] shape;
    private final float[] data;

    private FloatTensor(int[] shape, float[] data) {
        this.shape = shape;
        this.data = data;
    }

    /** A copy of {@code data}, read in row-major order as {@code shape}. */
    public static FloatTensor of(int[] shape, float[] data) {
        long count = elementCount(shape);
        if (count != data.length) {
            throw new IllegalArgumentException(data.length + " values cannot fill shape " + Arrays.toString(shape));
        }
        return new FloatTensor(shape.clone(), data.clone());
    }

    /**
     * The number of elements of a shape; throws when a dimension is negative or the count exceeds what one
     * Java array can hold.
     */
    public static long elementCount(int[] shape) {
        long count = 1;
        for (int dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            count *= dim;
            if (count > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too large for one array");
            }
        }
        return count;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int size() {
        return data.length;
    }

    /** A copy of the values. */
    public float[] data() {
        return data.clone();
    }

    /** One value by flat (row-major) index. */
    public float get(int index) {
        return data[index];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FloatTensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "FloatTensor" + Arrays.toString(shape);
    }
}
