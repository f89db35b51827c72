package org.attentionexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TokenizeCommandTest {
    private static final String BOOK_TEXT = "Hello, do you like tea? <|endoftext|> In the sunlit terraces of someunknownPlace.";
    private static final String NL = System.lineSeparator();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void gpt2GivesTheBooksIdsAsJson() throws IOException {
        assertThat(run("tokenize", "--tokenizer", "gpt2", "--string", BOOK_TEXT, "--format", "json")).isZero();
        JsonNode json = json();
        assertThat(json.get("tokenizer").asText()).isEqualTo("gpt2");
        assertThat(json.get("vocabSize").asInt()).isEqualTo(50257);
        assertThat(json.get("count").asInt()).isEqualTo(20);
        assertThat(json.get("ids").toString()).isEqualTo("[15496,11,466,345,588,8887,30,220,50256,554,262,4252,18250,8812,2114,286,617,34680,27271,13]");
        assertThat(json.at("/tokens/8").asText()).isEqualTo("<|endoftext|>");
        assertThat(json.at("/spans/8").toString()).isEqualTo("[24,37]");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void charPrintsAnAlignedTableWithVisibleWhitespace() {
        assertThat(run("tokenize", "--tokenizer", "char", "--string", "ab\ta")).isZero();
        assertThat(out.toString()).isEqualTo(String.join("\n",
                "tokenizer  char",
                "vocabSize  5",
                "count      4",
                "",
                "index  id  span  token",
                "    0   1  0:1   \"a\"",
                "    1   2  1:2   \"b\"",
                "    2   0  2:3   \"\\t\"",
                "    3   1  3:4   \"a\"",
                ""));
    }

    @Test
    void wordReadsAFileAndBuildsTheVocabularyFromIt(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("story.txt"), "I HAD always thought Jack Gisburn rather a cheap genius--");
        assertThat(run("tokenize", "--tokenizer", "word", "--text", file.toString(), "--format", "json")).isZero();
        JsonNode json = json();
        assertThat(json.get("vocabSize").asInt()).isEqualTo(13); // 11 distinct tokens and the 2 special ones
        assertThat(json.get("tokens").toString()).isEqualTo(
                "[\"I\",\"HAD\",\"always\",\"thought\",\"Jack\",\"Gisburn\",\"rather\",\"a\",\"cheap\",\"genius\",\"--\"]");
        assertThat(json.get("ids").toString()).isEqualTo("[3,2,6,10,4,1,9,5,7,8,0]"); // as the book's Python gives them
    }

    @Test
    void invalidBytesInAFileAreANoteNotAnError(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("latin1.txt"), "caf\u00E9".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run("tokenize", "--tokenizer", "char", "--text", file.toString())).isZero();
        assertThat(err.toString()).isEqualTo("note: " + file + ": 1 byte is not UTF-8 and became U+FFFD (\uFFFD); "
                + "is the file in another encoding?" + NL);
        assertThat(out.toString()).contains("count      4", "\"\uFFFD\"");
    }

    @Test
    void aMissingFileIsOneLineAndExitTwo(@TempDir Path dir) {
        Path missing = dir.resolve("missing.txt");
        assertThat(run("tokenize", "--tokenizer", "gpt2", "--text", missing.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: " + missing + ": no such file" + NL);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnsupportedFileIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("notes.docx"), "PK");
        assertThat(run("tokenize", "--tokenizer", "char", "--text", file.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: " + file + ": has the extension .docx, which is not read; "
                + "use a .txt file (UTF-8) or a .pdf" + NL);
    }

    @Test
    void badOptionsAreOneLineEachAndExitTwo() {
        assertThat(run("tokenize", "--string", "x")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: give the tokenizer with --tokenizer KIND: char, word, gpt2" + NL);

        err.getBuffer().setLength(0);
        assertThat(run("tokenize", "--tokenizer", "bpe", "--string", "x")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: --tokenizer: unknown tokenizer 'bpe'; use one of char, word, gpt2" + NL);

        err.getBuffer().setLength(0);
        assertThat(run("tokenize", "--tokenizer", "char")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: give the text to tokenize with --text FILE or --string S" + NL);

        err.getBuffer().setLength(0);
        assertThat(run("tokenize", "--tokenizer", "char", "--string", "x", "--text", "x.txt")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: give either --text FILE or --string S, not both" + NL);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anEmptyStringHasNoTokens() {
        assertThat(run("tokenize", "--tokenizer", "word", "--string", "")).isZero();
        assertThat(out.toString()).isEqualTo("tokenizer  word\nvocabSize  2\ncount      0\n");
    }

    @Test
    void helpSaysWhereTheVocabularyComesFrom() {
        assertThat(run("tokenize", "--help")).isZero();
        assertThat(out.toString()).contains("--tokenizer=KIND", "--text=FILE", "--string=S", "--format=FORMAT",
                "build their vocabulary from the given text");
        out.getBuffer().setLength(0);
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("tokenize");
    }
}
