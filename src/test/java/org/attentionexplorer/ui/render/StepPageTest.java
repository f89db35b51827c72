package org.attentionexplorer.ui.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.attentionexplorer.attention.AttentionLab;
import org.attentionexplorer.attention.LessonJson;
import org.attentionexplorer.attention.LessonTrace;
import org.attentionexplorer.ui.heatmap.ColorScale;
import org.attentionexplorer.ui.lesson.Step;
import org.junit.jupiter.api.Test;

/** Pages drawn with java.awt only: sizes, what is on them, and the limits. */
class StepPageTest {
    private static final LessonTrace BOOK = AttentionLab.trace(LessonJson.bundled());

    @Test
    void theImageHasThePagesSizeTimesTheScaleAndItsColours() {
        StepPage page = StepPage.lesson(Step.MASK, BOOK, 1);
        BufferedImage image = page.image(1);
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(page.width()));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(page.height()));
        boolean masked = false;
        boolean binaryBlue = false;
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                masked |= image.getRGB(x, y) == ColorScale.MASKED;
                binaryBlue |= (image.getRGB(x, y) & 0xFFFFFF) == (ColorScale.binary().argb(1) & 0xFFFFFF);
            }
        }
        assertThat(masked).as("hatched -inf cells").isTrue();
        assertThat(binaryBlue).as("the mask's 1 cells").isTrue();
    }

    @Test
    void fourPanelsOfSixTokensFlowTwoARow() {
        StepPage page = StepPage.lesson(Step.MASK, BOOK, 1);
        assertThat(page.width()).as("two heatmaps side by side, not four").isBetween(1000.0, 1400.0);
        assertThat(page.height()).as("two rows of heatmaps under the header").isBetween(1100.0, 1600.0);
    }

    @Test
    void theSvgHoldsTheHeaderEveryPanelTitleAndTheValues() {
        String svg = StepPage.lesson(Step.QKV, BOOK, 1).svg();
        assertThat(svg).contains(Step.QKV.title(), "Q = X Wq", "queries: queries", "unscaledWeights:", ">journey<");
    }

    @Test
    void aPageExplainsTheStepButDoesNotSayToClick() {
        String svg = StepPage.lesson(Step.SCORES, BOOK, 1).svg();
        assertThat(svg).contains("How much should token i look at token j?").doesNotContain("Click");
        assertThat(Step.SCORES.hint()).startsWith("Click a row");
    }

    @Test
    void aPageTooLargeForAPngIsRefusedWithWhatToDo() {
        StepPage page = StepPage.lesson(Step.TOKENS, BOOK, 1);
        assertThatThrownBy(() -> page.image(100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("choose a smaller --scale or SVG");
    }

    @Test
    void theModelStepNeedsAModel() {
        assertThatThrownBy(() -> StepPage.lesson(Step.MODEL, BOOK, 1)).hasMessageContaining("trained model");
    }
}
