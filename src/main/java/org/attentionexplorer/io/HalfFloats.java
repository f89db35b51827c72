package org.attentionexplorer.io;

/**
 * Widening of the two 16-bit float formats to float32. Both widenings are exact: every F16 and BF16 value,
 * subnormals, infinities and NaN payloads included, is a float32 value.
 *
 * <p>F16 (IEEE 754 binary16): 1 sign bit, 5 exponent bits (bias 15), 10 fraction bits. BF16 (bfloat16): the
 * upper half of a float32, so 1 sign bit, 8 exponent bits (bias 127), 7 fraction bits. Java 20 has
 * {@code Float.float16ToFloat}; this is the same for Java 17.
 */
final class HalfFloats {
    private static final int F16_EXPONENT_BIAS = 15;
    private static final int F32_EXPONENT_BIAS = 127;
    /** The value of the lowest fraction bit of an F16 subnormal: 2^-24. */
    private static final float F16_SUBNORMAL_UNIT = 0x1p-24f;

    private HalfFloats() {
    }

    /** The float32 value of an F16 bit pattern. */
    static float f16ToFloat(short bits) {
        int sign = (bits >>> 15) & 0x1;
        int exponent = (bits >>> 10) & 0x1f;
        int fraction = bits & 0x3ff;
        if (exponent == 0) {
            // zero or subnormal: fraction * 2^-24 is exact in float32
            float magnitude = fraction * F16_SUBNORMAL_UNIT;
            return sign == 0 ? magnitude : -magnitude;
        }
        int floatBits;
        if (exponent == 0x1f) {
            // infinity (fraction 0) or NaN, keeping the payload in the top fraction bits
            floatBits = (sign << 31) | 0x7f80_0000 | (fraction << 13);
        } else {
            floatBits = (sign << 31) | ((exponent - F16_EXPONENT_BIAS + F32_EXPONENT_BIAS) << 23) | (fraction << 13);
        }
        return Float.intBitsToFloat(floatBits);
    }

    /** The float32 value of a BF16 bit pattern. */
    static float bf16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }
}
