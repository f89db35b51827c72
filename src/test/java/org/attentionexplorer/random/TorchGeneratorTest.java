package org.attentionexplorer.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Values printed by PyTorch's CPU generator, as recorded in shared/notes/torch-rng.md. */
class TorchGeneratorTest {

    @Test
    void rawOutputsAfterSeed123MatchPyTorch() {
        TorchGenerator generator = new TorchGenerator(123);
        long[] expected = {2991312382L, 3062119789L, 1228959102L, 1840268610L, 974319580L, 2967327842L,
                2367878886L, 3088727057L, 3090095699L, 2109339754L, 1817228411L, 3350193721L};
        for (long value : expected) {
            assertThat(generator.random()).isEqualTo(value);
        }
    }

    @Test
    void rawOutputsMatchTheMersenneTwisterReferenceForSeed5489() {
        // The 10,000th output of MT19937 seeded with 5489 is 4123659995 (C++11 std::mt19937 requirement).
        TorchGenerator generator = new TorchGenerator(5489);
        long last = 0;
        for (int i = 0; i < 10_000; i++) {
            last = generator.random();
        }
        assertThat(last).isEqualTo(4123659995L);
    }

    @Test
    void rand20AfterSeed123MatchesPyTorch() {
        float[] expected = {0.29611194f, 0.51656228f, 0.25167072f, 0.68855679f, 0.07397246f, 0.86652195f,
                0.13657987f, 0.10247904f, 0.18405646f, 0.72644675f, 0.31525391f, 0.68710667f, 0.07563531f,
                0.19663817f, 0.31641197f, 0.40174013f, 0.11856830f, 0.82739538f, 0.38208443f, 0.66049385f};
        assertThat(new TorchGenerator(123).rand(20)).containsExactly(expected, within(1e-8f));
    }

    @Test
    void manualSeedRestartsTheSequenceAndClearsTheNormalCache() {
        TorchGenerator generator = new TorchGenerator(123);
        float[] first = generator.normal(3, 0, 1);
        generator.manualSeed(123);
        assertThat(generator.normal(3, 0, 1)).containsExactly(first);
    }

    @Test
    void embedding6x3AfterSeed123MatchesPyTorch() {
        // 18 values: the 16-wide block path with the last 16 slots redrawn.
        float[][] expected = {{0.3374f, -0.1778f, -0.1690f}, {0.9178f, 1.5810f, 1.3010f},
                {1.2753f, -0.2010f, -0.1606f}, {-0.4015f, 0.9666f, -1.1481f},
                {-1.1589f, 0.3255f, -0.6315f}, {-2.8400f, -0.7849f, -1.4096f}};
        float[][] actual = TorchInit.embedding(new TorchGenerator(123), 6, 3);
        for (int r = 0; r < expected.length; r++) {
            assertThat(actual[r]).containsExactly(expected[r], within(5e-5f));
        }
    }

    @Test
    void smallNormalUsesSerialBoxMullerWithACachedSine() {
        TorchGenerator generator = new TorchGenerator(7);
        double u1 = (generator.random64() & ((1L << 53) - 1)) / (double) (1L << 53);
        double u2 = (generator.random64() & ((1L << 53) - 1)) / (double) (1L << 53);
        double r = Math.sqrt(-2 * Math.log1p(-u2));
        float[] expected = {(float) (r * Math.cos(2 * Math.PI * u1) * 2 + 1), (float) (r * Math.sin(2 * Math.PI * u1) * 2 + 1)};

        assertThat(new TorchGenerator(7).normal(2, 1, 2)).containsExactly(expected);
    }

    @Test
    void randpermOf5AfterSeed123SwapsByTheRawOutputs() {
        // By hand from the raw outputs above: z = 2991312382 % 5 = 2, 3062119789 % 4 = 1, 1228959102 % 3 = 0,
        // 1840268610 % 2 = 0; swapping r[i] with r[i + z] turns [0 1 2 3 4] into [2 0 1 3 4].
        assertThat(new TorchGenerator(123).randperm(5)).containsExactly(2, 0, 1, 3, 4);
    }

    @Test
    void linearWeightsAreUniformWithinOneOverSqrtFanIn() {
        TorchInit.Linear linear = TorchInit.linear(new TorchGenerator(1), 16, 4, true);
        assertThat(linear.weight()).hasDimensions(4, 16);
        assertThat(linear.bias()).hasSize(4);
        for (float[] row : linear.weight()) {
            for (float w : row) {
                assertThat(Math.abs(w)).isLessThanOrEqualTo(0.25f);
            }
        }
        // The first weight is the first uniform of the stream mapped to [-0.25, 0.25).
        float u = new TorchGenerator(1).rand(1)[0];
        assertThat(linear.weight()[0][0]).isCloseTo(u * 0.5f - 0.25f, within(1e-7f));
    }

    @Test
    void bernoulliKeepsRoughlyTheRequestedShare() {
        boolean[] draws = new TorchGenerator(123).bernoulli(10_000, 0.3);
        int ones = 0;
        for (boolean d : draws) {
            ones += d ? 1 : 0;
        }
        assertThat(ones).isBetween(2_800, 3_200);
    }
}
