package org.attentionexplorer.attention;

/**
 * Plain-loop reference implementations of every step, written as directly as the formulas: the oracle the
 * ND4J-backed {@link AttentionSteps} are checked against. Arrays are [row][col].
 */
final class ReferenceAttention {
    private ReferenceAttention() {
    }

    static double[][] matmul(double[][] a, double[][] b) {
        int n = a.length;
        int k = b.length;
        int m = b[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[i][p] * b[p][j];
                }
                out[i][j] = sum;
            }
        }
        return out;
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** attn_scores[i][j] = x(i) . x(j) */
    static double[][] dotProductScores(double[][] x) {
        double[][] out = new double[x.length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                for (int d = 0; d < x[0].length; d++) {
                    out[i][j] += x[i][d] * x[j][d];
                }
            }
        }
        return out;
    }

    static double[][] divideRowsBySum(double[][] s) {
        double[][] out = new double[s.length][];
        for (int i = 0; i < s.length; i++) {
            double sum = 0;
            for (double v : s[i]) {
                sum += v;
            }
            out[i] = new double[s[i].length];
            for (int j = 0; j < s[i].length; j++) {
                out[i][j] = s[i][j] / sum;
            }
        }
        return out;
    }

    /** exp(s - max) / sum(exp(s - max)), row by row; exp(-inf) = 0. */
    static double[][] softmaxRows(double[][] s) {
        double[][] out = new double[s.length][];
        for (int i = 0; i < s.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : s[i]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            out[i] = new double[s[i].length];
            for (int j = 0; j < s[i].length; j++) {
                out[i][j] = Math.exp(s[i][j] - max);
                sum += out[i][j];
            }
            for (int j = 0; j < s[i].length; j++) {
                out[i][j] /= sum;
            }
        }
        return out;
    }

    static double[][] project(double[][] x, double[][] w, double[] bias) {
        double[][] out = matmul(x, w);
        if (bias != null) {
            for (double[] row : out) {
                for (int j = 0; j < row.length; j++) {
                    row[j] += bias[j];
                }
            }
        }
        return out;
    }

    static double[][] scale(double[][] s, int dK) {
        double[][] out = new double[s.length][];
        for (int i = 0; i < s.length; i++) {
            out[i] = new double[s[i].length];
            for (int j = 0; j < s[i].length; j++) {
                out[i][j] = s[i][j] / Math.sqrt(dK);
            }
        }
        return out;
    }

    /** masked_fill(mask == 0, -inf) */
    static double[][] maskWithNegativeInfinity(double[][] s, double[][] mask) {
        double[][] out = new double[s.length][];
        for (int i = 0; i < s.length; i++) {
            out[i] = new double[s[i].length];
            for (int j = 0; j < s[i].length; j++) {
                out[i][j] = mask[i][j] == 0 ? Double.NEGATIVE_INFINITY : s[i][j];
            }
        }
        return out;
    }

    static double[][] multiplyElementwise(double[][] a, double[][] b) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                out[i][j] = a[i][j] * b[i][j];
            }
        }
        return out;
    }

    static double[][] applyDropout(double[][] w, double[][] keep, double rate) {
        double[][] out = multiplyElementwise(w, keep);
        for (double[] row : out) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= 1 - rate;
            }
        }
        return out;
    }
}
