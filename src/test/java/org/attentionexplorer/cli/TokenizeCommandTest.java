package org.attentionexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizeCommandTest {
    private static final String BOOK_TEXT = "Hello, do you like tea? <|endoftext|> In the sunlit terraces of someunknownPlace.";
    private static final String NL = System.lineSeparator();

    private final CommandRunner cli = new CommandRunner();

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(cli.out());
    }

    @Test
    void gpt2GivesTheBooksIdsAsJson() throws IOException {
        assertThat(cli.run("tokenize", "--tokenizer", "gpt2", "--string", BOOK_TEXT, "--format", "json")).isZero();
        JsonNode json = json();
        assertThat(json.get("tokenizer").asText()).isEqualTo("gpt2");
        assertThat(json.get("vocabSize").asInt()).isEqualTo(50257);
        assertThat(json.get("count").asInt()).isEqualTo(20);
        assertThat(json.get("ids").toString()).isEqualTo("[15496,11,466,345,588,8887,30,220,50256,554,262,4252,18250,8812,2114,286,617,34680,27271,13]");
        assertThat(json.at("/tokens/8").asText()).isEqualTo("<|endoftext|>");
        assertThat(json.at("/spans/8").toString()).isEqualTo("[24,37]");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void charPrintsAnAlignedTableWithVisibleWhitespace() {
        assertThat(cli.run("tokenize", "--tokenizer", "char", "--string", "ab\ta")).isZero();
        assertThat(cli.out()).isEqualTo(String.join("\n",
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
        assertThat(cli.run("tokenize", "--tokenizer", "word", "--text", file.toString(), "--format", "json")).isZero();
        JsonNode json = json();
        assertThat(json.get("vocabSize").asInt()).isEqualTo(13); // 11 distinct tokens and the 2 special ones
        assertThat(json.get("tokens").toString()).isEqualTo(
                "[\"I\",\"HAD\",\"always\",\"thought\",\"Jack\",\"Gisburn\",\"rather\",\"a\",\"cheap\",\"genius\",\"--\"]");
        assertThat(json.get("ids").toString()).isEqualTo("[3,2,6,10,4,1,9,5,7,8,0]"); // as the book's Python gives them
    }

    @Test
    void invalidBytesInAFileAreANoteNotAnError(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("latin1.txt"), "caf\u00E9".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(cli.run("tokenize", "--tokenizer", "char", "--text", file.toString())).isZero();
        assertThat(cli.err()).isEqualTo("note: " + file + ": 1 byte is not UTF-8 and became U+FFFD (\uFFFD); "
                + "is the file in another encoding?" + NL);
        assertThat(cli.out()).contains("count      4", "\"\uFFFD\"");
    }

    @Test
    void aMissingFileIsOneLineAndExitTwo(@TempDir Path dir) {
        Path missing = dir.resolve("missing.txt");
        assertThat(cli.run("tokenize", "--tokenizer", "gpt2", "--text", missing.toString())).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("error: " + missing + ": no such file" + NL);
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void anUnsupportedFileIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("notes.docx"), "PK");
        assertThat(cli.run("tokenize", "--tokenizer", "char", "--text", file.toString())).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("error: " + file + ": has the extension .docx, which is not read; "
                + "use a .txt file (UTF-8) or a .pdf" + NL);
    }

    @Test
    void badOptionsAreOneLineEachAndExitTwo() {
        assertThat(cli.run("tokenize", "--string", "x")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("error: give the tokenizer with --tokenizer KIND: char, word, gpt2" + NL);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.run("tokenize", "--tokenizer", "bpe", "--string", "x")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("error: --tokenizer: unknown tokenizer 'bpe'; use one of char, word, gpt2" + NL);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.run("tokenize", "--tokenizer", "char")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("error: give the text to tokenize with --text FILE or --string S" + NL);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.run("tokenize", "--tokenizer", "char", "--string", "x", "--text", "x.txt")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("error: give either --text FILE or --string S, not both" + NL);
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void anEmptyStringHasNoTokens() {
        assertThat(cli.run("tokenize", "--tokenizer", "word", "--string", "")).isZero();
        assertThat(cli.out()).isEqualTo("tokenizer  word\nvocabSize  2\ncount      0\n");
    }

    @Test
    void helpSaysWhereTheVocabularyComesFrom() {
        assertThat(cli.run("tokenize", "--help")).isZero();
        assertThat(cli.out()).contains("--tokenizer=KIND", "--text=FILE", "--string=S", "--format=FORMAT",
                "build their vocabulary from the given text");
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out()).contains("tokenize");
    }
}
