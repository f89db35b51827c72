package org.attentionexplorer.ui.lesson;

import java.util.List;
import java.util.Locale;
import org.attentionexplorer.math.Matrix;
import org.attentionexplorer.text.TokenLabels;

/**
 * Step 4 taken apart: the context vector of one query, z(i) = sum_j a_ij x(j), as the contribution a_ij x(j)[d]
 * of every input j to every dimension d. Immutable data for the stacked-bar chart, tested without a UI.
 */
public final class Contributions {
    /** More bars than this are not readable; wider inputs show their first dimensions. */
    public static final int MAX_DIMENSIONS = 32;

    private final int query;
    private final List<String> tokens;
    private final double[] weights;     // a_ij, (T)
    private final double[][] inputs;    // x(j)[d], (T, dims)
    private final double[][] parts;     // a_ij * x(j)[d], (T, dims)
    private final double[] context;     // z(i)[d], (dims)
    private final int totalDims;

    private Contributions(int query, List<String> tokens, double[] weights, double[][] inputs, double[][] parts, double[] context,
            int totalDims) {
        this.query = query;
        this.tokens = tokens;
        this.weights = weights;
        this.inputs = inputs;
        this.parts = parts;
        this.context = context;
        this.totalDims = totalDims;
    }

    /** The contributions to z(query) from attention weights A (T, T) and inputs X (T, d_in). */
    public static Contributions of(Matrix weights, Matrix inputs, List<String> tokens, int query) {
        int t = inputs.rows();
        if (weights.rows() != t || weights.cols() != t || tokens.size() != t) {
            throw new IllegalArgumentException("weights " + weights.shape() + ", inputs " + inputs.shape() + " and " + tokens.size()
                    + " tokens do not belong together");
        }
        if (query < 0 || query >= t) {
            throw new IllegalArgumentException("query " + query + " is not one of the " + t + " tokens");
        }
        int dims = Math.min(inputs.cols(), MAX_DIMENSIONS);
        double[] a = new double[t];
        double[][] x = new double[t][dims];
        double[][] parts = new double[t][dims];
        double[] context = new double[dims];
        for (int j = 0; j < t; j++) {
            a[j] = weights.get(query, j);
            for (int d = 0; d < dims; d++) {
                x[j][d] = inputs.get(j, d);
                parts[j][d] = a[j] * x[j][d];
                context[d] += parts[j][d];
            }
        }
        return new Contributions(query, List.copyOf(tokens), a, x, parts, context, inputs.cols());
    }

    /** The query token's index i. */
    public int query() {
        return query;
    }

    public List<String> tokens() {
        return tokens;
    }

    /** How many dimensions are shown (at most {@link #MAX_DIMENSIONS}). */
    public int dimensions() {
        return context.length;
    }

    /** The inputs' full width d_in. */
    public int totalDimensions() {
        return totalDims;
    }

    /** a_ij: the weight of input j for the query. */
    public double weight(int token) {
        return weights[token];
    }

    /** a_ij x(j)[d]. */
    public double part(int token, int dimension) {
        return parts[token][dimension];
    }

    /** z(i)[d], the sum of the parts. */
    public double context(int dimension) {
        return context[dimension];
    }

    /** The hover text of one segment, e.g. "a(journey, step) · x(step)[0] = 0.2379 × 0.0500 = 0.0119". */
    public String explain(int token, int dimension) {
        String q = TokenLabels.escape(tokens.get(query));
        String k = TokenLabels.escape(tokens.get(token));
        return String.format(Locale.ROOT, "a(%s, %s) · x(%s)[%d] = %.4f × %.4f = %.4f", q, k, k, dimension, weights[token],
                inputs[token][dimension], parts[token][dimension]);
    }
}
