package org.attentionexplorer.text;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A training text read from a file by {@link TextSources}.
 *
 * @param source       the file
 * @param text         its text (for a PDF, the text PDFBox extracts, every line and page ending in {@code \n})
 * @param invalidBytes bytes of a {@code .txt} file that are not UTF-8 (each malformed sequence, usually one byte,
 *                     is one U+FFFD in the text); 0 for a PDF
 */
public record LoadedText(Path source, String text, long invalidBytes) {
    /** A sentence to show the user when the file had bytes that are not UTF-8. */
    public Optional<String> note() {
        if (invalidBytes == 0) {
            return Optional.empty();
        }
        return Optional.of(source + ": " + invalidBytes + (invalidBytes == 1 ? " byte is" : " bytes are")
                + " not UTF-8 and became U+FFFD (\uFFFD); is the file in another encoding?");
    }
}
