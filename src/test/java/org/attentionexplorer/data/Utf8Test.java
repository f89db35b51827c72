package org.attentionexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {
    // a (1 byte) é (2) 中 (3) 😀 (4): bytes 0 | 1-2 | 3-5 | 6-9
    private static final byte[] BYTES = "aé中😀".getBytes(StandardCharsets.UTF_8);

    @Test
    void theNextBoundarySkipsContinuationBytes() {
        assertThat(Utf8.nextBoundary(BYTES, 0, BYTES.length)).isEqualTo(0);
        assertThat(Utf8.nextBoundary(BYTES, 2, BYTES.length)).isEqualTo(3);
        assertThat(Utf8.nextBoundary(BYTES, 4, BYTES.length)).isEqualTo(6);
        assertThat(Utf8.nextBoundary(BYTES, 7, BYTES.length)).isEqualTo(10);
    }

    @Test
    void theLastCharacterStartDropsTheCharacterThatMayBeCut() {
        assertThat(Utf8.lastCharStart(BYTES, 0, 10)).isEqualTo(6);
        assertThat(Utf8.lastCharStart(BYTES, 0, 8)).isEqualTo(6);
        assertThat(Utf8.lastCharStart(BYTES, 0, 5)).isEqualTo(3);
        assertThat(Utf8.decode(BYTES, 0, Utf8.lastCharStart(BYTES, 0, 8))).isEqualTo("aé中");
    }

    @Test
    void invalidBytesDecodeToTheReplacementCharacter() {
        byte[] bytes = {'a', (byte) 0xFF, 'b'};

        assertThat(Utf8.decode(bytes, 0, 3)).isEqualTo("a\uFFFDb");
    }
}
