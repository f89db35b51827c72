package org.attentionexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedFileTest {

    @Test
    void readsAcrossRegionBoundariesGiveTheFilesBytes(@TempDir Path dir) throws IOException {
        byte[] content = new byte[1000];
        new Random(1).nextBytes(content);
        Path file = Files.write(dir.resolve("bytes.bin"), content);

        MappedFile mapped = MappedFile.open(file, 7);  // 143 regions, the last of 6 bytes

        assertThat(mapped.size()).isEqualTo(1000);
        for (int start = 0; start < 1000; start += 13) {
            for (int length : new int[] {0, 1, 6, 7, 8, 20, 150}) {
                int len = Math.min(length, 1000 - start);
                assertThat(mapped.read(start, len)).as("bytes %d + %d", start, len)
                        .containsExactly(Arrays.copyOfRange(content, start, start + len));
            }
        }
        assertThat(mapped.read(0, 1000)).containsExactly(content);
    }

    @Test
    void aReadPastTheEndIsAnError(@TempDir Path dir) throws IOException {
        MappedFile mapped = MappedFile.open(Files.write(dir.resolve("ten.bin"), new byte[10]), 4);

        assertThatThrownBy(() -> mapped.read(8, 3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("bytes 8 to 11 of a file of 10");
    }
}
