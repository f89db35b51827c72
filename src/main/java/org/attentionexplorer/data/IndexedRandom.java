package org.attentionexplorer.data;

import java.util.SplittableRandom;

/**
 * Independent random streams addressed by (seed, index): stream i of a run is the same however many streams
 * were used before it, which lets a resumed run draw exactly what an uninterrupted one draws. The seed and the
 * index are mixed with SplitMix64's finalizer into a 64-bit seed for a {@link SplittableRandom}.
 */
final class IndexedRandom {
    private IndexedRandom() {
    }

    /** The random stream number {@code index} of {@code seed}. */
    static SplittableRandom stream(long seed, long index) {
        return new SplittableRandom(mix(seed ^ mix(index + 0x9E3779B97F4A7C15L)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
