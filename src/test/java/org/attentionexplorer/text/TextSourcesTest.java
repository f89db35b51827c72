package org.attentionexplorer.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextSourcesTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A PDF with one page per text, each drawn in Helvetica (a standard 14 font, so nothing is embedded). */
    private static PDDocument pdf(List<String> pages) throws IOException {
        PDDocument document = new PDDocument();
        for (String text : pages) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                if (!text.isEmpty()) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 700);
                    content.showText(text);
                    content.endText();
                }
            }
        }
        return document;
    }

    private Path savePdf(String name, PDDocument document) throws IOException {
        Path file = dir.resolve(name);
        try (document) {
            document.save(file.toFile());
        }
        return file;
    }

    private void assertRefused(Path file, String problem) {
        assertThatThrownBy(() -> TextSources.load(file))
                .isInstanceOfSatisfying(TextSourceException.class, e -> {
                    assertThat(e.source()).isEqualTo(file);
                    assertThat(e.getMessage()).isEqualTo(file + ": " + e.problem());
                    assertThat(e.problem()).startsWith(problem);
                });
    }

    @Test
    void readsUtf8Text() throws IOException {
        String text = "Caf\u00E9 \uD83D\uDE00\n\u65E5\u672C\u8A9E\r\n";
        LoadedText loaded = TextSources.load(write("notes.txt", utf8(text)));
        assertThat(loaded.text()).isEqualTo(text);
        assertThat(loaded.invalidBytes()).isZero();
        assertThat(loaded.note()).isEmpty();
        assertThat(loaded.source()).isEqualTo(dir.resolve("notes.txt"));
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharactersAndAreCounted() throws IOException {
        // 0xFF is never UTF-8; 0xE9 is "é" in Latin-1 (a lead byte without its continuation); 0xC3 at the end is cut short
        byte[] bytes = concat(utf8("a"), new byte[] {(byte) 0xFF}, utf8("b caf"), new byte[] {(byte) 0xE9}, utf8(" c"),
                new byte[] {(byte) 0xC3});
        Path file = write("latin1.TXT", bytes);
        LoadedText loaded = TextSources.load(file);
        assertThat(loaded.text()).isEqualTo("a\uFFFDb caf\uFFFD c\uFFFD");
        assertThat(loaded.invalidBytes()).isEqualTo(3);
        assertThat(loaded.note()).hasValue(file + ": 3 bytes are not UTF-8 and became U+FFFD (\uFFFD); is the file in another encoding?");
    }

    @Test
    void aCharacterAcrossTheReadBufferBoundaryIsDecodedWhole() throws IOException {
        String text = "a".repeat(65535) + "\u00E9\uD83D\uDE00" + "a".repeat(70000);
        LoadedText loaded = TextSources.load(write("long.txt", utf8(text)));
        assertThat(loaded.text()).isEqualTo(text);
        assertThat(loaded.invalidBytes()).isZero();
    }

    @Test
    void aByteOrderMarkIsDropped() throws IOException {
        LoadedText loaded = TextSources.load(write("bom.txt", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("Hi"))));
        assertThat(loaded.text()).isEqualTo("Hi");
    }

    @Test
    void extractsTheTextOfAPdf() throws IOException {
        Path file = savePdf("book.pdf", pdf(List.of("In the sunlit terraces of the palace.", "Second page.")));
        LoadedText loaded = TextSources.load(file);
        assertThat(loaded.text()).isEqualTo("In the sunlit terraces of the palace.\nSecond page.\n");
        assertThat(loaded.invalidBytes()).isZero();
    }

    @Test
    void aPdfThatNeedsAPasswordIsRefused() throws IOException {
        PDDocument document = pdf(List.of("secret"));
        document.protect(new StandardProtectionPolicy("owner", "user", new AccessPermission()));
        assertRefused(savePdf("locked.pdf", document), "is an encrypted PDF that needs a password to open");
    }

    @Test
    void aPdfWhosePermissionsForbidExtractingTextIsRefused() throws IOException {
        PDDocument document = pdf(List.of("no copying"));
        AccessPermission permissions = new AccessPermission();
        permissions.setCanExtractContent(false);
        document.protect(new StandardProtectionPolicy("owner", "", permissions));
        assertRefused(savePdf("no-copy.pdf", document), "is a PDF whose permissions do not allow extracting its text");
    }

    @Test
    void aDamagedPdfIsRefused() throws IOException {
        assertRefused(write("fake.pdf", utf8("this is not a PDF at all")), "is not a PDF that can be read (");
    }

    @Test
    void aPdfWithoutTextIsRefused() throws IOException {
        assertRefused(savePdf("scan.pdf", pdf(List.of(""))), "has no text to extract");
    }

    @Test
    void filesThatCannotBeTextsAreRefusedNamingTheFile() throws IOException {
        assertRefused(dir.resolve("missing.txt"), "no such file");
        assertRefused(Files.createDirectory(dir.resolve("folder.txt")), "is a folder, not a text file");
        assertRefused(write("report.docx", utf8("PK")), "has the extension .docx, which is not read; use a .txt file (UTF-8) or a .pdf");
        assertRefused(write("README", utf8("text")), "has no extension, which is not read");
        assertRefused(write("empty.txt", new byte[0]), "is empty");
        assertRefused(write("blank.txt", utf8(" \n\t\n")), "has no text, only whitespace");
    }

    @Test
    void anUnreadableFileIsRefused() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = write("private.txt", utf8("text"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("-w-------"));
        assumeFalse(Files.isReadable(file), "the user can read any file (root)");
        assertRefused(file, "cannot be read: permission denied");
    }

    @Test
    void aFileTooLargeToLoadWholeIsRefusedBeforeItIsRead() throws IOException {
        Path file = dir.resolve("huge.txt");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(TextSources.MAX_FILE_BYTES + 1);
        }
        try {
            assertRefused(file, "is 512.0 MB, too large to load whole (at most 512 MB); train on random chunks of it instead");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void supportedFilesAreKnownByTheirExtension() {
        assertThat(TextSources.isSupported(Path.of("a.txt"))).isTrue();
        assertThat(TextSources.isSupported(Path.of("B.PDF"))).isTrue();
        assertThat(TextSources.isSupported(Path.of("c.md"))).isFalse();
        assertThat(TextSources.isSupported(Path.of(".txt"))).isFalse();
    }
}
