package org.attentionexplorer.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * One tensor's entry in a safetensors header: what {@link SafetensorsFile#info} tells before any data is read.
 *
 * @param name  the tensor's name in the file
 * @param dtype the element type of the stored bytes
 * @param shape the dimensions, outermost first (row-major); empty for a scalar
 * @param begin first byte of the data, counted from the start of the data buffer (after the header)
 * @param end   one past the last byte of the data, counted the same way
 */
public record TensorInfo(String name, Dtype dtype, int[] shape, long begin, long end) {

    public TensorInfo {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The number of elements: the product of the dimensions (1 for a scalar). */
    public long elementCount() {
        long count = 1;
        for (int dim : shape) {
            count *= dim;
        }
        return count;
    }

    /** Bytes of data: {@code end - begin}. */
    public long byteLength() {
        return end - begin;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && name.equals(t.name) && dtype == t.dtype && Arrays.equals(shape, t.shape)
                && begin == t.begin && end == t.end;
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(name, dtype, begin, end) + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "TensorInfo[" + name + ", " + dtype + ", " + Arrays.toString(shape) + ", " + begin + ".." + end + "]";
    }
}
