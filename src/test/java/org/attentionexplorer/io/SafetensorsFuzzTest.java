package org.attentionexplorer.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.attentionexplorer.math.FloatTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random damage to a valid file, mostly to its header: opening and reading the result either succeeds or
 * throws a {@link SafetensorsException}, never anything else (no parse exception, no arithmetic overflow, no
 * out-of-memory from a lying length). Bounded and seeded, so a failure replays exactly.
 */
class SafetensorsFuzzTest {
    private static final long SEED = 20240611L;
    private static final int ITERATIONS = 400;
    private static final byte[] JSON_BYTES = "{}[]\":,-0123456789eE. FB_".getBytes();

    @TempDir
    Path dir;

    @Test
    void damagedFilesAreOnlyEverRefusedWithTheDocumentedException() throws IOException {
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        tensors.put("wte.weight", FloatTensor.of(new int[] {3, 4}, new float[12]));
        tensors.put("h.0.ln_1.bias", FloatTensor.of(new int[] {4}, new float[] {1, 2, 3, 4}));
        tensors.put("scalar", FloatTensor.of(new int[] {}, new float[] {7}));
        Path valid = dir.resolve("valid.safetensors");
        Safetensors.write(valid, tensors, Map.of("format", "pt", "note", "fuzz"));
        byte[] original = Files.readAllBytes(valid);
        int headerEnd = 8 + (int) ByteBuffer.wrap(original, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();

        Random random = new Random(SEED);
        Path damaged = dir.resolve("damaged.safetensors");
        int refused = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] bytes = damage(original, headerEnd, random);
            Files.write(damaged, bytes);
            try (SafetensorsFile file = Safetensors.open(damaged)) {
                file.readAll();
            } catch (SafetensorsException e) {
                assertThat(e.getMessage()).startsWith(damaged.toString());
                refused++;
            } catch (RuntimeException | Error e) {
                throw new AssertionError("iteration " + i + ": " + e + " for bytes " + Arrays.toString(bytes), e);
            }
        }
        assertThat(refused).as("damaged files refused").isGreaterThan(ITERATIONS / 4);
    }

    private static byte[] damage(byte[] original, int headerEnd, Random random) {
        byte[] bytes = original.clone();
        switch (random.nextInt(5)) {
            case 0 -> { // a few random bytes anywhere in the prefix or header
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    bytes[random.nextInt(headerEnd)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> { // a JSON-ish byte in the header, to get past the parser more often
                bytes[8 + random.nextInt(headerEnd - 8)] = JSON_BYTES[random.nextInt(JSON_BYTES.length)];
            }
            case 2 -> { // cut the file short
                bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            case 3 -> { // a lying length prefix
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, random.nextLong() >>> random.nextInt(64));
            }
            default -> { // a byte of the header removed, shifting the rest
                int at = 8 + random.nextInt(headerEnd - 8);
                byte[] shorter = new byte[bytes.length - 1];
                System.arraycopy(bytes, 0, shorter, 0, at);
                System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                bytes = shorter;
            }
        }
        return bytes;
    }
}
