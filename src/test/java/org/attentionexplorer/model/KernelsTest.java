package org.attentionexplorer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Each float32 kernel against a plain loop in float64 written straight from its formula, on random inputs. Tolerance
 * 1e-5 absolute on values of order 1 (float32's unit in the last place is 1.2e-7 at 1; a kernel rounds a few times
 * per element), 1e-4 on sums over a row.
 */
class KernelsTest {
    private static final int N = 7;
    private static final int C = 12;
    private static final double TOLERANCE = 1e-5;

    enum Precision {
        FLOAT(DataType.FLOAT, TOLERANCE);

        final DataType type;
        final double tolerance;

        Precision(DataType type, double tolerance) {
            this.type = type;
            this.tolerance = tolerance;
        }
    }

    private final SplittableRandom random = new SplittableRandom(17);

    private double[][] randomMatrix(int rows, int cols, double scale) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = (float) (random.nextGaussian() * scale);   // float32 values, so both sides start from the same inputs
            }
        }
        return m;
    }

    private static INDArray array(double[][] m, DataType type) {
        return Nd4j.create(m).castTo(type);
    }

    private static void assertClose(INDArray actual, double[][] expected, double tolerance) {
        assertThat(actual.shape()).containsExactly(expected.length, expected[0].length);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[0].length; j++) {
                assertThat(actual.getDouble(i, j)).as("[%d, %d]", i, j).isCloseTo(expected[i][j], within(tolerance));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void layerNormForwardAndBackwardFollowTheirFormulas(Precision precision) {
        double[][] x = randomMatrix(N, C, 2);
        double[][] w = randomMatrix(1, C, 1);
        double[][] b = randomMatrix(1, C, 1);
        double[][] dy = randomMatrix(N, C, 1);
        double[][] norm = new double[N][C];
        double[][] out = new double[N][C];
        double[] rstd = new double[N];
        double[][] dx = new double[N][C];
        double[] dw = new double[C];
        double[] db = new double[C];
        for (int i = 0; i < N; i++) {
            double mean = 0;
            for (double v : x[i]) {
                mean += v / C;
            }
            double var = 0;
            for (double v : x[i]) {
                var += (v - mean) * (v - mean) / C;
            }
            rstd[i] = 1 / Math.sqrt(var + LayerNorm.EPS);
            double[] g = new double[C];
            for (int j = 0; j < C; j++) {
                norm[i][j] = (x[i][j] - mean) * rstd[i];
                out[i][j] = norm[i][j] * w[0][j] + b[0][j];
                g[j] = dy[i][j] * w[0][j];
                dw[j] += dy[i][j] * norm[i][j];
                db[j] += dy[i][j];
            }
            for (int j = 0; j < C; j++) {
                // d norm_j / d x_k = rstd (delta_jk - 1/C - norm_j norm_k / C): the Jacobian, summed column by column
                double sum = 0;
                for (int k = 0; k < C; k++) {
                    sum += g[k] * rstd[i] * ((j == k ? 1 : 0) - 1.0 / C - norm[i][k] * norm[i][j] / C);
                }
                dx[i][j] = sum;
            }
        }
        INDArray weight = array(w, precision.type).reshape(C);
        INDArray[] result = Kernels.layerNormForward(array(x, precision.type), weight, array(b, precision.type).reshape(C),
                LayerNorm.EPS);
        assertClose(result[0], out, precision.tolerance);
        assertClose(result[1], norm, precision.tolerance);
        for (int i = 0; i < N; i++) {
            assertThat(result[2].getDouble(i, 0)).isCloseTo(rstd[i], within(precision.tolerance * rstd[i]));
        }
        assertThat(Kernels.applies(result)).isTrue();
        assertThat(Kernels.applies(Nd4j.zeros(DataType.DOUBLE, 2))).as("float32 only").isFalse();
        INDArray dWeight = Nd4j.ones(precision.type, C);   // accumulates: starts at 1
        INDArray dBias = Nd4j.zeros(precision.type, C);
        INDArray dxArray = Kernels.layerNormBackward(array(dy, precision.type), result[1], result[2], weight, dWeight, dBias);
        assertClose(dxArray, dx, precision.tolerance * 10);
        for (int j = 0; j < C; j++) {
            assertThat(dWeight.getDouble(j)).isCloseTo(1 + dw[j], within(precision.tolerance * 10));
            assertThat(dBias.getDouble(j)).isCloseTo(db[j], within(precision.tolerance * 10));
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void geluAndItsDerivativeFollowTheirFormulas(Precision precision) {
        double[][] x = randomMatrix(N, C, 3);
        x[0][0] = 0;
        x[0][1] = -12;
        x[0][2] = 12;
        double[][] dy = randomMatrix(N, C, 1);
        double[][] out = new double[N][C];
        double[][] dx = new double[N][C];
        double s = Math.sqrt(2 / Math.PI);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < C; j++) {
                double v = x[i][j];
                double t = Math.tanh(s * (v + 0.044715 * v * v * v));
                out[i][j] = 0.5 * v * (1 + t);
                dx[i][j] = dy[i][j] * (0.5 * (1 + t) + 0.5 * v * (1 - t * t) * s * (1 + 3 * 0.044715 * v * v));
            }
        }
        INDArray xArray = array(x, precision.type);
        assertClose(Kernels.geluForward(xArray), out, precision.tolerance * 10);
        assertClose(Kernels.geluBackward(array(dy, precision.type), xArray), dx, precision.tolerance * 10);
    }

    @Test
    void expIsWithinTwoUnitsInTheLastPlaceOfFloat32() {
        for (float x = -87f; x <= 88f; x += 0.0037f) {
            double exact = Math.exp(x);
            assertThat((double) Kernels.exp(x)).as("exp(%s)", x).isCloseTo(exact, within(2.4e-7 * exact));
        }
        assertThat(Kernels.exp(0f)).isEqualTo(1f);
        assertThat(Kernels.exp(-100f)).as("clamped to e^-87").isEqualTo(Kernels.exp(-87f)).isLessThan(2e-38f);
        assertThat(Kernels.exp(Float.NEGATIVE_INFINITY)).isLessThan(2e-38f);
        assertThat(Kernels.exp(1000f)).as("clamped to e^88").isEqualTo(Kernels.exp(88f)).isGreaterThan(1.6e38f);
        assertThat(Kernels.exp(Float.NaN)).isNaN();
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void causalSoftmaxAndItsBackwardFollowTheirFormulas(Precision precision) {
        int b = 2;
        int h = 3;
        int t = 5;
        double scale = 0.5;
        double[][] scores = randomMatrix(b * h * t, t, 3);
        double[][] dWeights = randomMatrix(b * h * t, t, 1);
        double[][] weights = new double[b * h * t][t];
        double[][] dScores = new double[b * h * t][t];
        for (int r = 0; r < b * h * t; r++) {
            int query = r % t;
            double[] masked = new double[t];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < t; j++) {
                masked[j] = j > query ? Double.NEGATIVE_INFINITY : scores[r][j] * scale;
                max = Math.max(max, masked[j]);
            }
            double sum = 0;
            for (int j = 0; j < t; j++) {
                sum += Math.exp(masked[j] - max);
            }
            for (int j = 0; j < t; j++) {
                weights[r][j] = Math.exp(masked[j] - max) / sum;
            }
            for (int j = 0; j < t; j++) {
                // d w_k / d s_j = scale w_k (delta_kj - w_j)
                double grad = 0;
                for (int k = 0; k < t; k++) {
                    grad += dWeights[r][k] * scale * weights[r][k] * ((k == j ? 1 : 0) - weights[r][j]);
                }
                dScores[r][j] = grad;
            }
        }
        INDArray scoreArray = array(scores, precision.type).reshape('c', b, h, t, t);
        INDArray weightArray = Kernels.causalSoftmax(scoreArray, scale);
        assertThat(weightArray.shape()).containsExactly(b, h, t, t);
        assertClose(weightArray.reshape('c', b * h * t, t), weights, precision.tolerance);
        INDArray dScoreArray = Kernels.causalSoftmaxBackward(array(dWeights, precision.type).reshape('c', b, h, t, t), weightArray, scale);
        assertClose(dScoreArray.reshape('c', b * h * t, t), dScores, precision.tolerance * 10);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void viewsAndColumnMajorArraysAreReadInRowMajorOrder(Precision precision) {
        INDArray whole = Nd4j.arange(12).castTo(precision.type).reshape('c', 3, 4);
        assertThat(values(whole.dup('f'))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(values(whole.getRow(1))).containsExactly(4, 5, 6, 7);
        assertThat(values(whole.transpose())).containsExactly(0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11);
        INDArray own = whole.dup('c');
        assertThat(Kernels.contiguous(own)).isSameAs(own);
    }

    private static float[] values(INDArray a) {
        java.nio.FloatBuffer buffer = Kernels.buffer(Kernels.contiguous(a));
        float[] out = new float[(int) a.length()];
        buffer.get(out);
        return out;
    }
}
