package org.attentionexplorer.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attentionexplorer.math.FloatTensor;

/**
 * Coverage-guided fuzzing (Jazzer, libFuzzer) of the safetensors reader: any bytes at all, opened and read whole,
 * are either a file or a {@link SafetensorsException} naming it, never another exception, a hang or an allocation
 * the file does not justify (a lying length, offsets past the end, overlapping ranges, unknown dtypes, huge shapes).
 *
 * <p>It runs in its own JVM (the surefire execution "fuzz" in pom.xml), since Jazzer's agent hooks every class loaded
 * after it. In a normal {@code mvn test} Jazzer runs in regression mode: only the seed inputs in
 * {@code src/test/resources/org/attentionexplorer/io/SafetensorsJazzerFuzzTestInputs/<method>/} (valid files, F16 and
 * BF16 among them, and a few lies) and an empty input. With the environment variable {@code JAZZER_FUZZ=1} ({@code JAZZER_FUZZ=1 ./mvnw test-compile surefire:test@fuzz},
 * as .ci/run does) it fuzzes
 * for {@code maxDuration}, growing its corpus in {@code .cifuzz-corpus/} (ignored by git); a crash is saved as a new
 * input in the resources folder, where it then stays as a regression test.
 */
class SafetensorsJazzerFuzzTest {
    private static final Path FILE;

    static {
        try {
            FILE = Files.createTempFile("fuzz", ".safetensors");
            FILE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest(maxDuration = "25s")
    void anyBytesAreReadOrRefusedWithTheDocumentedException(byte[] bytes) throws IOException {
        Files.write(FILE, bytes);
        try (SafetensorsFile file = Safetensors.open(FILE)) {
            long total = 0;
            for (String name : file.names()) {
                TensorInfo info = file.info(name);
                assertThat(info.end()).isGreaterThanOrEqualTo(info.begin());
                if (info.dtype().readableAsFloat()) {
                    FloatTensor tensor = file.read(name);
                    assertThat((long) tensor.size()).isEqualTo(info.elementCount());
                    total += info.byteLength();
                }
            }
            assertThat(total).as("no tensor reads more than the file has").isLessThanOrEqualTo(bytes.length);
        } catch (SafetensorsException e) {
            assertThat(e.getMessage()).startsWith(FILE.toString());
        }
    }
}
