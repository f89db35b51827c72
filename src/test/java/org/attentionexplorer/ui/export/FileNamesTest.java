package org.attentionexplorer.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {
    @Test
    void traceKeysBecomeNamesSafeOnEverySystem() {
        assertThat(FileNames.of("heads[1].attnWeights", Exportable.Format.PNG)).isEqualTo("heads1-attnWeights.png");
        assertThat(FileNames.of("simplified.attnScores", Exportable.Format.CSV)).isEqualTo("simplified-attnScores.csv");
        assertThat(FileNames.of("contributions to z(journey)", Exportable.Format.SVG)).isEqualTo("contributions-to-z-journey.svg");
    }

    @Test
    void anEmptyOrUnusableNameBecomesExport() {
        assertThat(FileNames.base("")).isEqualTo("export");
        assertThat(FileNames.base(null)).isEqualTo("export");
        assertThat(FileNames.base("///")).isEqualTo("export");
    }

    @Test
    void aMissingExtensionIsAddedAndAPresentOneKept() {
        assertThat(FileNames.withExtension("scores", Exportable.Format.PNG)).isEqualTo("scores.png");
        assertThat(FileNames.withExtension("scores.PNG", Exportable.Format.PNG)).isEqualTo("scores.PNG");
        assertThat(FileNames.withExtension("scores.png", Exportable.Format.SVG)).isEqualTo("scores.png.svg");
    }
}
