package org.attentionexplorer.text;

/**
 * Token text made visible for labels, tables and messages: a token that is a newline, a tab or a
 * non-breaking space must not disappear or break a line.
 */
public final class TokenLabels {
    private TokenLabels() {
    }

    /**
     * The text with backslash, control characters and everything else that prints as nothing (spaces other
     * than U+0020, format characters, lone surrogates, unassigned code points) escaped as in Java or JSON:
     * {@code \n}, {@code \r}, {@code \t}, {@code \\}, otherwise {@code \u00A0} and the like.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c != ' ' && isInvisible(c)) {
                        for (char unit : Character.toChars(c)) {
                            out.append(String.format("\\u%04X", (int) unit));
                        }
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The escaped text in double quotes, a double quote inside escaped too: {@code "Hello"}, {@code " do"}, {@code "\n"}. */
    public static String quote(String text) {
        return '"' + escape(text).replace("\"", "\\\"") + '"';
    }

    private static boolean isInvisible(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                || type == Character.FORMAT || type == Character.SURROGATE || type == Character.UNASSIGNED;
    }
}
