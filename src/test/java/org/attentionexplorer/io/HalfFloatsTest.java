package org.attentionexplorer.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HalfFloatsTest {

    @ParameterizedTest(name = "F16 {0} = {1}")
    @CsvSource(textBlock = """
        0000, 0.0
        8000, -0.0
        3C00, 1.0
        BC00, -1.0
        C000, -2.0
        3555, 0.33325195
        3BFF, 0.99951172
        7BFF, 65504.0
        FBFF, -65504.0
        0400, 6.1035156E-5
        0001, 5.9604645E-8
        8001, -5.9604645E-8
        03FF, 6.097555E-5
        7C00, Infinity
        FC00, -Infinity
        """)
    void f16KnownValues(String hex, String expected) {
        float value = HalfFloats.f16ToFloat((short) Integer.parseInt(hex, 16));
        // bit equality: tells 0.0 from -0.0
        assertThat(Float.floatToIntBits(value)).as("%s -> %s", hex, value)
                .isEqualTo(Float.floatToIntBits(Float.parseFloat(expected)));
    }

    @Test
    void f16NaNStaysNaNWithItsPayloadAndSign() {
        assertThat(HalfFloats.f16ToFloat((short) 0x7E00)).isNaN();
        assertThat(Float.floatToRawIntBits(HalfFloats.f16ToFloat((short) 0x7E00))).isEqualTo(0x7FC0_0000);
        assertThat(Float.floatToRawIntBits(HalfFloats.f16ToFloat((short) 0x7C01))).isEqualTo(0x7F80_2000);
        assertThat(Float.floatToRawIntBits(HalfFloats.f16ToFloat((short) 0xFE00))).isEqualTo(0xFFC0_0000);
    }

    /** Every one of the 65536 patterns against the formula of IEEE 754 binary16, computed in double. */
    @Test
    void f16EveryPatternMatchesTheFormula() {
        for (int bits = 0; bits < 0x10000; bits++) {
            int sign = bits >>> 15;
            int exponent = (bits >>> 10) & 0x1f;
            int fraction = bits & 0x3ff;
            double magnitude;
            if (exponent == 0) {
                magnitude = fraction / 1024.0 * Math.pow(2, -14);
            } else if (exponent == 31) {
                magnitude = fraction == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
            } else {
                magnitude = (1 + fraction / 1024.0) * Math.pow(2, exponent - 15);
            }
            float expected = (float) (sign == 1 ? -magnitude : magnitude);
            float actual = HalfFloats.f16ToFloat((short) bits);
            if (Float.isNaN(expected)) {
                assertThat(actual).as("pattern %04x", bits).isNaN();
            } else {
                assertThat(Float.floatToIntBits(actual)).as("pattern %04x", bits).isEqualTo(Float.floatToIntBits(expected));
            }
        }
    }

    @ParameterizedTest(name = "BF16 {0} = {1}")
    @CsvSource(textBlock = """
        3F80, 1.0
        C000, -2.0
        4049, 3.140625
        3EAB, 0.333984375
        7F7F, 3.3895314E38
        0080, 1.17549435E-38
        0001, 9.18355E-41
        8000, -0.0
        7F80, Infinity
        FF80, -Infinity
        """)
    void bf16KnownValues(String hex, String expected) {
        float value = HalfFloats.bf16ToFloat((short) Integer.parseInt(hex, 16));
        assertThat(Float.floatToIntBits(value)).as("%s -> %s", hex, value)
                .isEqualTo(Float.floatToIntBits(Float.parseFloat(expected)));
    }

    @Test
    void bf16NaNStaysNaN() {
        assertThat(HalfFloats.bf16ToFloat((short) 0x7FC0)).isNaN();
        assertThat(HalfFloats.bf16ToFloat((short) 0xFFC1)).isNaN();
    }
}
