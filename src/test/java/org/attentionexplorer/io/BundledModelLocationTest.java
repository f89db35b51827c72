package org.attentionexplorer.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BundledModelLocationTest {
    @Test
    void aCloneFindsTheModelInItsSamples() throws java.io.IOException {
        // tests run in the repository's root, which ships the model
        assertThat(BundledModel.locate()).hasValueSatisfying(p -> assertThat(p).endsWith(BundledModel.RELATIVE));
        assertThat(Files.size(BundledModel.locate().orElseThrow().toAbsolutePath())).isPositive();
    }

    @Test
    void theImagesHomeComesFirst() {
        String before = System.getProperty("ae.home");
        try {
            System.setProperty("ae.home", "/opt/attention-explorer");
            assertThat(BundledModel.candidates().get(0)).isEqualTo(Path.of("/opt/attention-explorer").resolve(BundledModel.RELATIVE));
        } finally {
            if (before == null) {
                System.clearProperty("ae.home");
            } else {
                System.setProperty("ae.home", before);
            }
        }
    }
}
