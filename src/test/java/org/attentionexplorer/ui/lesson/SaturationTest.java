package org.attentionexplorer.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.attentionexplorer.attention.AttentionLab;
import org.attentionexplorer.attention.LessonJson;
import org.attentionexplorer.math.Matrix;
import org.junit.jupiter.api.Test;

class SaturationTest {
    private static final List<StepContent.Panel> QKV = StepContent.panels(Step.QKV, AttentionLab.trace(LessonJson.bundled()));
    private static final StepContent.Panel SCORES = panel("attnScores");
    private static final int D_K = panel("keys").data().cols();

    private static StepContent.Panel panel(String key) {
        return QKV.stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void atTheHeadsOwnWidthTheWhatIfIsTheHeadsWeights() {
        assertThat(D_K).isEqualTo(2);
        Matrix scaled = Saturation.widened(SCORES, D_K, D_K, true).data().values();
        assertThat(scaled.maxAbsDifference(panel("attnWeights").data().values())).isLessThan(1e-12);
        Matrix unscaled = Saturation.widened(SCORES, D_K, D_K, false).data().values();
        assertThat(unscaled.maxAbsDifference(panel("unscaledWeights").data().values())).isLessThan(1e-12);
    }

    @Test
    void dividingBySqrtDKeepsTheWeightsWhateverTheWidth() {
        Matrix wide = Saturation.widened(SCORES, D_K, 4096, true).data().values();
        assertThat(wide.maxAbsDifference(panel("attnWeights").data().values())).isLessThan(1e-12);
    }

    @Test
    void withoutScalingSoftmaxSaturatesAsTheHeadWidens() {
        double narrow = Saturation.meanMax(Saturation.widened(SCORES, D_K, 2, false).data().values());
        double wide = Saturation.meanMax(Saturation.widened(SCORES, D_K, 1024, false).data().values());
        double widest = Saturation.meanMax(Saturation.widened(SCORES, D_K, 4096, false).data().values());
        assertThat(narrow).isLessThan(0.5);
        assertThat(wide).isGreaterThan(narrow);
        assertThat(widest).as("rows with two near-equal top scores split their weight").isGreaterThan(0.75).isGreaterThan(wide);
        assertThat(Saturation.widened(SCORES, D_K, 4096, false).title()).startsWith("weights if d_k were 4096, not scaled (mean largest weight 0.79");
    }
}
