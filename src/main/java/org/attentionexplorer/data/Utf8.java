package org.attentionexplorer.data;

import java.nio.charset.StandardCharsets;

/** Cutting UTF-8 bytes at character boundaries, for chunks read from the middle of a file. */
final class Utf8 {
    private Utf8() {
    }

    /** A continuation byte ({@code 10xxxxxx}): never the first byte of a character. */
    static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /** The first index at or after {@code from} that does not hold a continuation byte (or {@code to}). */
    static int nextBoundary(byte[] bytes, int from, int to) {
        int at = from;
        while (at < to && isContinuation(bytes[at])) {
            at++;
        }
        return at;
    }

    /**
     * The last index at or before {@code to - 1} where a character starts (or {@code from}): cutting there drops
     * the character that may have been cut off at the end.
     */
    static int lastCharStart(byte[] bytes, int from, int to) {
        int at = to - 1;
        while (at > from && isContinuation(bytes[at])) {
            at--;
        }
        return Math.max(at, from);
    }

    /** The text of {@code bytes[from, to)}; invalid bytes become U+FFFD, as everywhere UTF-8 text is read. */
    static String decode(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }
}
