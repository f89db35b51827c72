package org.attentionexplorer.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.attentionexplorer.attention.AttentionLab;
import org.attentionexplorer.attention.LessonJson;
import org.attentionexplorer.attention.LessonTrace;
import org.attentionexplorer.ui.heatmap.Scale;
import org.junit.jupiter.api.Test;

class StepContentTest {
    private static LessonTrace trace(String file) {
        return AttentionLab.trace(LessonJson.read(Path.of(file)));
    }

    @Test
    void everyLessonStepHasMatricesAndTheRightScales() {
        LessonTrace bundled = trace("resources/lessons/your-journey.json");
        for (Step step : Step.LESSON_STEPS) {
            assertThat(StepContent.panels(step, bundled)).as(step.title()).isNotEmpty();
        }
        List<StepContent.Panel> mask = StepContent.panels(Step.MASK, bundled);
        assertThat(mask).extracting(StepContent.Panel::key).containsExactly("mask", "maskedScores", "causalWeights", "renormalizedWeights");
        assertThat(mask).extracting(p -> p.data().scale()).containsExactly(Scale.BINARY, Scale.DIVERGING, Scale.SEQUENTIAL, Scale.SEQUENTIAL);
        assertThat(mask).extracting(p -> p.data().name()).as("exports are named after the key")
                .containsExactly("mask", "maskedScores", "causalWeights", "renormalizedWeights");
    }

    @Test
    void hoverTextsSayHowAValueWasComputed() {
        LessonTrace bundled = trace("resources/lessons/your-journey.json");
        var scores = StepContent.panels(Step.SCORES, bundled).get(0).data();
        assertThat(scores.explainer().explain(1, 5, scores.values().get(1, 5))).isEqualTo("x(journey) · x(step) = 1.0865");
        var masked = StepContent.panels(Step.MASK, bundled).get(1).data();
        assertThat(masked.explainer().explain(0, 3, masked.values().get(0, 3))).isEqualTo("with comes after Your: masked, -inf");
        var scaled = StepContent.panels(Step.QKV, bundled).get(4).data();
        assertThat(scaled.explainer().explain(1, 1, scaled.values().get(1, 1))).isEqualTo("q(journey) · k(journey) / sqrt(d_k) = 1.3098");
    }

    @Test
    void theMultiHeadStepShowsEveryHeadAndBothVersions() {
        var panels = StepContent.panels(Step.HEADS, trace("samples/lessons/multi-head-book.json"));
        assertThat(panels).extracting(StepContent.Panel::key)
                .containsExactly("heads[0].droppedWeights", "heads[1].droppedWeights", "contextVecs", "output", "versionCheck.output");
    }
}
