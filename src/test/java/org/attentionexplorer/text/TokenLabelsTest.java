package org.attentionexplorer.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenLabelsTest {
    @Test
    void visibleTextStaysAsItIs() {
        assertThat(TokenLabels.escape(" caf\u00E9 \uD83D\uDE00 \u65E5\u672C")).isEqualTo(" caf\u00E9 \uD83D\uDE00 \u65E5\u672C");
    }

    @Test
    void controlCharactersAndInvisibleSpacesAreEscaped() {
        assertThat(TokenLabels.escape("a\nb\r\tc\\")).isEqualTo("a\\nb\\r\\tc\\\\");
        assertThat(TokenLabels.escape("\u00A0\u200B\u0000\uD800")).isEqualTo("\\u00A0\\u200B\\u0000\\uD800");
    }

    @Test
    void quoteAlsoEscapesDoubleQuotes() {
        assertThat(TokenLabels.quote(" \"hi\"\n")).isEqualTo("\" \\\"hi\\\"\\n\"");
        assertThat(TokenLabels.quote("")).isEqualTo("\"\"");
    }
}
