package org.attentionexplorer.attention;

import java.util.Objects;
import org.attentionexplorer.math.Matrix;

/**
 * A linear projection as it is applied: {@code X @ weight + bias}, with weight {@code (d_in, d_out)} and an
 * optional bias {@code (1, d_out)}. (An {@code nn.Linear}'s stored weight is the transpose of {@code weight}.)
 *
 * @param weight (d_in, d_out)
 * @param bias   (1, d_out), or null for none
 */
public record Projection(Matrix weight, Matrix bias) {
    public Projection {
        Objects.requireNonNull(weight, "weight");
        if (bias != null && (bias.rows() != 1 || bias.cols() != weight.cols())) {
            throw new IllegalArgumentException("a bias of " + bias.shape() + " does not fit a " + weight.shape() + " weight");
        }
    }

    public int inputSize() {
        return weight.rows();
    }

    public int outputSize() {
        return weight.cols();
    }

    public boolean hasBias() {
        return bias != null;
    }

    /** The identity projection of width n with a zero bias. */
    public static Projection identity(int n) {
        return new Projection(Matrix.identity(n), Matrix.zeros(1, n));
    }
}
