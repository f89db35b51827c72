package org.attentionexplorer.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.attentionexplorer.math.Matrix;
import org.junit.jupiter.api.Test;

class HeadStatsTest {
    @Test
    void aPreviousTokenHeadLooksOneBackWithNoEntropy() {
        // Row 0 can only see itself; every other row puts all weight one token back.
        HeadStats stats = HeadStats.of(Matrix.of(new double[][] {{1, 0, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}}));
        assertThat(stats.entropy()).isZero();
        assertThat(stats.maxWeight()).isEqualTo(1.0);
        assertThat(stats.firstTokenShare()).isEqualTo(0.5);
        assertThat(stats.meanDistance()).isEqualTo(0.75);
    }

    @Test
    void uniformCausalWeightsByHand() {
        // rows: [1], [1/2, 1/2], [1/3, 1/3, 1/3]
        double third = 1.0 / 3;
        HeadStats stats = HeadStats.of(Matrix.of(new double[][] {{1, 0, 0}, {0.5, 0.5, 0}, {third, third, third}}));
        assertThat(stats.entropy()).isCloseTo((0 + Math.log(2) + Math.log(3)) / 3, within(1e-12));
        assertThat(stats.maxWeight()).isCloseTo((1 + 0.5 + third) / 3, within(1e-12));
        assertThat(stats.firstTokenShare()).isCloseTo((1 + 0.5 + third) / 3, within(1e-12));
        assertThat(stats.meanDistance()).isCloseTo((0 + 0.5 + 1) / 3, within(1e-12)); // row 2: (2 + 1 + 0) / 3
    }
}
