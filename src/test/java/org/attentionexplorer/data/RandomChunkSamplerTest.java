package org.attentionexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.attentionexplorer.text.Tokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random windows of a generated text of about 3.3 MB with characters of 1, 2, 3 and 4 bytes in UTF-8. */
class RandomChunkSamplerTest {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz .,\néü中文字😀🚀";
    private static final CodePointTokenizer TOKENIZER = new CodePointTokenizer(ALPHABET);
    private static final int CONTEXT = 64;

    @TempDir
    static Path dir;
    static Path bigFile;
    static String bigText;

    @BeforeAll
    static void writeTheText() throws IOException {
        bigText = randomText(new Random(2024), 2_500_000);
        bigFile = Files.writeString(dir.resolve("big.txt"), bigText, StandardCharsets.UTF_8);
        assertThat(Files.size(bigFile)).isGreaterThan(3_000_000);
    }

    /** Words of 1 to 8 characters from the alphabet, separated by spaces and now and then a newline. */
    private static String randomText(Random random, int codePoints) {
        int[] alphabet = ALPHABET.codePoints().filter(c -> c != ' ' && c != '\n').toArray();
        StringBuilder text = new StringBuilder();
        int written = 0;
        while (written < codePoints) {
            int word = 1 + random.nextInt(8);
            for (int i = 0; i < word; i++) {
                text.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
            }
            text.append(random.nextInt(10) == 0 ? '\n' : ' ');
            written += word + 1;
        }
        return text.toString();
    }

    @Test
    void everyWindowDecodesToAPieceOfTheText() throws IOException {
        RandomChunkSampler sampler = new RandomChunkSampler(bigFile, TOKENIZER, CONTEXT, 4, 123);
        boolean sawMultiByte = false;

        for (long step = 0; step < 50; step++) {
            Batch batch = sampler.batch(step);
            assertThat(batch.batchSize()).isEqualTo(4);
            assertThat(batch.length()).isEqualTo(CONTEXT);
            for (int b = 0; b < batch.batchSize(); b++) {
                int[] window = sampler.window(step * 4 + b);
                assertThat(window).hasSize(CONTEXT + 1).doesNotContain(0);  // 0 is <|unk|>: a broken character
                String text = TOKENIZER.decode(window);
                assertThat(bigText).as("window %d of step %d", b, step).contains(text);
                assertThat(batch.inputs()[b]).containsExactly(Arrays.copyOf(window, CONTEXT));
                sawMultiByte |= text.codePoints().anyMatch(c -> c > 0x7FF);
            }
        }
        assertThat(sawMultiByte).as("the windows include 3- and 4-byte characters").isTrue();
    }

    @Test
    void theSameSeedGivesTheSameBatchesAndAnotherSeedOthers() throws IOException {
        RandomChunkSampler a = new RandomChunkSampler(bigFile, TOKENIZER, CONTEXT, 4, 7);
        RandomChunkSampler b = new RandomChunkSampler(bigFile, TOKENIZER, CONTEXT, 4, 7);
        RandomChunkSampler c = new RandomChunkSampler(bigFile, TOKENIZER, CONTEXT, 4, 8);

        assertThat(a.batch(3)).isEqualTo(b.batch(3));
        assertThat(a.batch(1000)).as("any step, asked for first").isEqualTo(b.batch(1000));
        assertThat(a.batch(3)).isNotEqualTo(c.batch(3)).isNotEqualTo(a.batch(4));
    }

    @Test
    void windowsReadChunksNotTheFile() throws IOException {
        RandomChunkSampler sampler = new RandomChunkSampler(bigFile, TOKENIZER, CONTEXT, 8, 1);
        long afterCheck = sampler.bytesDecoded();

        for (long step = 0; step < 10; step++) {
            sampler.batch(step);
        }

        long perWindow = (sampler.bytesDecoded() - afterCheck) / 80;
        assertThat(perWindow).as("bytes decoded per window").isBetween((long) CONTEXT, 2_000L);
        assertThat(sampler.bytesDecoded()).isLessThan(sampler.fileBytes() / 10);
    }

    @Test
    void tinyMappedRegionsGiveTheSameWindows(@TempDir Path tempDir) throws IOException {
        String text = randomText(new Random(5), 50_000);
        Path file = Files.writeString(tempDir.resolve("small.txt"), text, StandardCharsets.UTF_8);
        RandomChunkSampler oneRegion = new RandomChunkSampler(file, TOKENIZER, CONTEXT, 4, 99);
        // Regions of 1021 bytes: most chunks (about 460 bytes) cross a boundary, many cut a character in two.
        RandomChunkSampler tinyRegions = new RandomChunkSampler(file, TOKENIZER, CONTEXT, 4, 99, 1021);

        for (long index = 0; index < 200; index++) {
            int[] window = tinyRegions.window(index);
            assertThat(window).as("window %d", index).containsExactly(oneRegion.window(index));
            assertThat(text).contains(TOKENIZER.decode(window));
        }
    }

    @Test
    void chunksStartingAndEndingInsideCharactersAreCutToWholeCharacters(@TempDir Path tempDir) throws IOException {
        // Nothing but 3- and 4-byte characters: almost every random offset falls inside one.
        Path file = Files.writeString(tempDir.resolve("wide.txt"), "中😀字🚀文".repeat(4_000), StandardCharsets.UTF_8);
        RandomChunkSampler sampler = new RandomChunkSampler(file, TOKENIZER, 16, 4, 3, 4096);

        for (long index = 0; index < 100; index++) {
            String text = TOKENIZER.decode(sampler.window(index));
            assertThat(text).as("window %d", index).doesNotContain("\uFFFD", Tokenizer.UNKNOWN);
            assertThat(("中😀字🚀文".repeat(8))).contains(text);
        }
    }

    @Test
    void aFileTooShortForOneWindowIsRejectedWithItsSize(@TempDir Path tempDir) throws IOException {
        Path file = Files.writeString(tempDir.resolve("tiny.txt"), "abc dé", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new RandomChunkSampler(file, TOKENIZER, 32, 1, 1))
                .isInstanceOf(DataException.class)
                .hasMessage("tiny.txt: the whole file (7 bytes) makes 6 tokens, fewer than one window of 33 "
                        + "(context 32 + 1): use a longer text or a shorter context");
    }

    @Test
    void aFileJustLongEnoughGivesItsOneWindow(@TempDir Path tempDir) throws IOException {
        Path file = Files.writeString(tempDir.resolve("five.txt"), "ab中de", StandardCharsets.UTF_8);

        RandomChunkSampler sampler = new RandomChunkSampler(file, TOKENIZER, 4, 2, 1);

        assertThat(TOKENIZER.decode(sampler.window(17))).isEqualTo("ab中de");
    }

    @Test
    void anEmptyFileIsRejected(@TempDir Path tempDir) throws IOException {
        Path file = Files.createFile(tempDir.resolve("empty.txt"));

        assertThatThrownBy(() -> new RandomChunkSampler(file, TOKENIZER, 32, 1, 1))
                .isInstanceOf(DataException.class)
                .hasMessage("empty.txt: the file is empty");
    }
}
