package org.attentionexplorer.random;

/**
 * PyTorch's default CPU random number generator, reproduced so that a seed typed into the explorer gives the
 * very numbers {@code torch.manual_seed(seed)} gives in the book.
 *
 * <p>The engine is the standard 32-bit Mersenne Twister (MT19937). The distributions follow PyTorch's CPU
 * kernels for float32 tensors, drawing elements in row-major order (see {@code docs/random.md}):
 * <ul>
 *   <li>{@link #rand}/{@link #uniform}: 24 random bits per value, scaled in float32;</li>
 *   <li>{@link #normal}: Box-Muller in double with one cached value for fewer than 16 elements, and
 *       PyTorch's 16-wide block transform for 16 or more;</li>
 *   <li>{@link #randperm}: the swap shuffle of {@code torch.randperm} for small n;</li>
 *   <li>{@link #bernoulli}: one 53-bit uniform per element, kept when below p (PyTorch's kernel without
 *       MKL; builds with MKL draw dropout masks differently, so masks are not promised to match).</li>
 * </ul>
 * Not thread-safe: one generator belongs to one computation.
 */
public final class TorchGenerator {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;
    private static final double TWO_POW_MINUS_24 = 1.0 / (1 << 24);
    private static final double TWO_POW_MINUS_53 = 1.0 / (1L << 53);
    private static final long MASK_53 = (1L << 53) - 1;

    private final int[] state = new int[N];
    private int next;
    private boolean hasCachedNormal;
    private double cachedNormal;

    /** A generator in the state {@code torch.manual_seed(seed)} leaves. */
    public TorchGenerator(long seed) {
        manualSeed(seed);
    }

    /** Re-seeds like {@code torch.manual_seed(seed)}: the low 32 bits seed the engine; the normal cache is cleared. */
    public void manualSeed(long seed) {
        state[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            state[i] = 1812433253 * (state[i - 1] ^ (state[i - 1] >>> 30)) + i;
        }
        next = N;
        hasCachedNormal = false;
    }

    /** The next raw 32-bit output, as an unsigned value. */
    public long random() {
        if (next >= N) {
            twist();
        }
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    /** Two raw outputs as one 64-bit value, the first draw being the high word. */
    public long random64() {
        long hi = random();
        long lo = random();
        return (hi << 32) | lo;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (state[i] & UPPER_MASK) | (state[(i + 1) % N] & LOWER_MASK);
            int v = state[(i + M) % N] ^ (y >>> 1);
            state[i] = (y & 1) == 0 ? v : v ^ MATRIX_A;
        }
        next = 0;
    }

    /** One float32 uniform in [0, 1): 24 random bits. */
    private float uniformFloat() {
        return (float) ((random() & 0xffffff) * TWO_POW_MINUS_24);
    }

    /** One double uniform in [0, 1): 53 random bits. */
    private double uniform53() {
        return (random64() & MASK_53) * TWO_POW_MINUS_53;
    }

    /** {@code torch.rand(n)}: n float32 values in [0, 1). */
    public float[] rand(int n) {
        return uniform(n, 0.0, 1.0);
    }

    /** {@code torch.empty(n).uniform_(from, to)}, computed in float32 as PyTorch does. */
    public float[] uniform(int n, double from, double to) {
        float a = (float) from;
        float b = (float) to;
        float range = b - a;
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = uniformFloat() * range + a;
        }
        return out;
    }

    /** {@code torch.empty(n).normal_(mean, std)} for a contiguous float32 tensor. */
    public float[] normal(int n, double mean, double std) {
        return n < 16 ? normalSerial(n, mean, std) : normalBlocks(n, (float) mean, (float) std);
    }

    private float[] normalSerial(int n, double mean, double std) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (standardNormal() * std + mean);
        }
        return out;
    }

    /** Box-Muller in double; the sine half is kept for the next call. */
    private double standardNormal() {
        if (hasCachedNormal) {
            hasCachedNormal = false;
            return cachedNormal;
        }
        double u1 = uniform53();
        double u2 = uniform53();
        double r = Math.sqrt(-2.0 * Math.log1p(-u2));
        double theta = 2.0 * Math.PI * u1;
        cachedNormal = r * Math.sin(theta);
        hasCachedNormal = true;
        return r * Math.cos(theta);
    }

    private float[] normalBlocks(int n, float mean, float std) {
        float[] data = new float[n];
        for (int i = 0; i < n; i++) {
            data[i] = uniformFloat();
        }
        for (int start = 0; start + 16 <= n; start += 16) {
            normalFill16(data, start, mean, std);
        }
        if (n % 16 != 0) {
            int start = n - 16;
            for (int i = 0; i < 16; i++) {
                data[start + i] = uniformFloat();
            }
            normalFill16(data, start, mean, std);
        }
        return data;
    }

    private static void normalFill16(float[] data, int start, float mean, float std) {
        for (int j = 0; j < 8; j++) {
            float u1 = 1 - data[start + j];
            float u2 = data[start + j + 8];
            float radius = (float) Math.sqrt(-2 * (float) Math.log(u1));
            float theta = (float) (2.0 * Math.PI * u2);
            data[start + j] = radius * (float) Math.cos(theta) * std + mean;
            data[start + j + 8] = radius * (float) Math.sin(theta) * std + mean;
        }
    }

    /** {@code torch.randperm(n)} for small n: a random order of 0..n-1. */
    public int[] randperm(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = 0; i < n - 1; i++) {
            int z = (int) (random() % (n - i));
            int swap = order[i];
            order[i] = order[i + z];
            order[i + z] = swap;
        }
        return order;
    }

    /** n draws of 1 (with probability p) or 0: one 53-bit uniform per element, 1 when it is below p. */
    public boolean[] bernoulli(int n, double p) {
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = uniform53() < p;
        }
        return out;
    }
}
