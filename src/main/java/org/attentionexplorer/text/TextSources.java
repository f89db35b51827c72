package org.attentionexplorer.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads a whole file as a training text: {@code .txt} as UTF-8, {@code .pdf} through PDFBox's text
 * extraction. Every problem a user can cause (no such file, a folder, no permission, another extension, a
 * PDF that is encrypted or damaged, no text at all, too large) is a {@link TextSourceException} naming the
 * file. Bytes that are not UTF-8 are not an error: they become U+FFFD and are counted.
 */
public final class TextSources {
    /** A file larger than this is refused: train on random chunks of it instead of loading it whole. */
    public static final long MAX_FILE_BYTES = 512L * 1024 * 1024;
    /** The extensions read, lower case. */
    public static final String TXT = ".txt";
    public static final String PDF = ".pdf";

    private static final int BUFFER_BYTES = 1 << 16;

    private TextSources() {
    }

    /** The text of a {@code .txt} or {@code .pdf} file. */
    public static LoadedText load(Path file) {
        String extension = extension(file);
        long size = checkFile(file, extension);
        LoadedText loaded = extension.equals(PDF) ? readPdf(file) : readTxt(file, size);
        if (loaded.text().isBlank()) {
            throw new TextSourceException(file, extension.equals(PDF)
                    ? "has no text to extract (a scanned PDF holds pictures of pages, not text)"
                    : "has no text, only whitespace");
        }
        return loaded;
    }

    /** Whether {@link #load} reads files of this name (by its extension). */
    public static boolean isSupported(Path file) {
        String extension = extension(file);
        return extension.equals(TXT) || extension.equals(PDF);
    }

    private static String extension(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString();
        int dot = text.lastIndexOf('.');
        return dot <= 0 ? "" : text.substring(dot).toLowerCase(Locale.ROOT);
    }

    /** Checks what can be checked before reading; returns the size in bytes. */
    private static long checkFile(Path file, String extension) {
        if (Files.isDirectory(file)) {
            throw new TextSourceException(file, "is a folder, not a text file");
        }
        if (!Files.exists(file)) {
            throw new TextSourceException(file, "no such file");
        }
        if (!isSupported(file)) {
            throw new TextSourceException(file, (extension.isEmpty() ? "has no extension" : "has the extension " + extension)
                    + ", which is not read; use a .txt file (UTF-8) or a .pdf");
        }
        if (!Files.isReadable(file)) {
            throw new TextSourceException(file, "cannot be read: permission denied");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        if (size > MAX_FILE_BYTES) {
            throw new TextSourceException(file, String.format(Locale.ROOT,
                    "is %.1f MB, too large to load whole (at most %d MB); train on random chunks of it instead",
                    size / (1024.0 * 1024), MAX_FILE_BYTES / (1024 * 1024)));
        }
        if (size == 0) {
            throw new TextSourceException(file, "is empty");
        }
        return size;
    }

    /** UTF-8, a leading byte-order mark dropped, each malformed sequence replaced by U+FFFD and its bytes counted. */
    private static LoadedText readTxt(Path file, long size) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        StringBuilder text = new StringBuilder((int) Math.min(size, Integer.MAX_VALUE - 8));
        long invalidBytes = 0;
        ByteBuffer in = ByteBuffer.allocate(BUFFER_BYTES);
        CharBuffer out = CharBuffer.allocate(BUFFER_BYTES);
        try (InputStream stream = Files.newInputStream(file)) {
            boolean endOfInput = false;
            while (!endOfInput) {
                int read = stream.read(in.array(), in.position(), in.remaining());
                endOfInput = read < 0;
                in.position(in.position() + Math.max(read, 0));
                in.flip();
                while (true) {
                    CoderResult result = decoder.decode(in, out, endOfInput);
                    text.append(out.flip());
                    out.clear();
                    if (result.isError()) {
                        invalidBytes += result.length();
                        in.position(in.position() + result.length());
                        text.append('\uFFFD');
                    } else if (result.isUnderflow()) {
                        break;
                    }
                }
                in.compact();
            }
            decoder.flush(out);
            text.append(out.flip());
        } catch (AccessDeniedException e) {
            throw new TextSourceException(file, "cannot be read: permission denied", e);
        } catch (NoSuchFileException e) {
            throw new TextSourceException(file, "no such file", e);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        if (text.length() > 0 && text.charAt(0) == '\uFEFF') {
            text.deleteCharAt(0);
        }
        return new LoadedText(file, text.toString(), invalidBytes);
    }

    /** PDFBox's extraction, in the order the page draws its text, lines ending in {@code \n}. */
    private static LoadedText readPdf(Path file) {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                throw new TextSourceException(file, "is a PDF whose permissions do not allow extracting its text");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            stripper.setPageEnd("\n");
            return new LoadedText(file, stripper.getText(document), 0);
        } catch (TextSourceException e) {
            throw e;
        } catch (InvalidPasswordException e) {
            throw new TextSourceException(file, "is an encrypted PDF that needs a password to open", e);
        } catch (IOException | RuntimeException e) { // PDFBox on a damaged file
            throw new TextSourceException(file, "is not a PDF that can be read (" + e.getMessage() + ")", e);
        }
    }

    private static TextSourceException cannotRead(Path file, IOException e) {
        return new TextSourceException(file, "cannot be read: " + e.getMessage(), e);
    }
}
