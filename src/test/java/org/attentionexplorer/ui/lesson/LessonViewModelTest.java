package org.attentionexplorer.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attentionexplorer.attention.AttentionModule;
import org.attentionexplorer.attention.LessonJson;
import org.attentionexplorer.ui.task.BackgroundWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lesson view model without a UI: work runs on the calling thread. */
class LessonViewModelTest {
    private final LessonViewModel model = new LessonViewModel(BackgroundWork.sameThread(),
            LessonJson.read(Path.of("resources/lessons/your-journey.json")));

    @Test
    void opensOnTheBundledLessonWithItsTrace() {
        assertThat(model.traceProperty().get()).isNotNull();
        assertThat(model.traceProperty().get().simplified().attnScores().get(1, 0)).isEqualTo(0.9544, org.assertj.core.data.Offset.offset(5e-5));
        assertThat(model.stepProperty().get()).isEqualTo(Step.TOKENS);
    }

    @Test
    void editingAnEmbeddingRecomputesEveryStep() {
        double before = model.traceProperty().get().simplified().attnScores().get(0, 0);
        model.setEmbedding(0, 0, 1.43);   // x(1) = [1.43, 0.15, 0.89]: x1 . x1 grows by 1.43^2 - 0.43^2 = 1.86
        assertThat(model.traceProperty().get().simplified().attnScores().get(0, 0)).isEqualTo(before + 1.86,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void anImpossibleEditIsRefusedAndExplainedAndTheLessonStays() {
        var lesson = model.lesson();
        model.setShape(AttentionModule.MULTI_HEAD_ATTENTION, 3, 2);
        assertThat(model.errorProperty().get()).contains("dOut 3 is not divisible by numHeads 2");
        assertThat(model.lesson()).isSameAs(lesson);
        model.setDropout(0.5);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.traceProperty().get().dropoutScale()).isEqualTo(2.0);
    }

    @Test
    void tokensCanBeAddedRenamedAndRemoved() {
        model.addToken("again");
        assertThat(model.lesson().tokenCount()).isEqualTo(7);
        assertThat(model.traceProperty().get().heads().get(0).attnScores().rows()).isEqualTo(7);
        model.renameToken(6, "onward");
        assertThat(model.lesson().tokens().get(6)).isEqualTo("onward");
        model.selectedQueryProperty().set(6);
        model.removeToken(6);
        assertThat(model.lesson().tokenCount()).isEqualTo(6);
        assertThat(model.selectedQueryProperty().get()).isEqualTo(5);
    }

    @Test
    void stepsGoForwardAndBackWithinTheNine() {
        model.previousStep();
        assertThat(model.stepProperty().get()).isEqualTo(Step.TOKENS);
        for (int i = 0; i < 12; i++) {
            model.nextStep();
        }
        assertThat(model.stepProperty().get()).isEqualTo(Step.HEADS);
        assertThat(Step.byId("mask")).contains(Step.MASK);
    }

    @Test
    void aBadFileIsExplainedAndASavedLessonOpensAgain(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{ nope");
        model.open(bad);
        assertThat(model.errorProperty().get()).startsWith(bad + ": is not valid JSON");
        assertThat(model.lesson().tokenCount()).isEqualTo(6);

        model.setCausal(true);
        Path saved = dir.resolve("mine.json");
        model.save(saved);
        LessonViewModel other = new LessonViewModel(BackgroundWork.sameThread(), LessonJson.read(saved));
        assertThat(other.lesson().causal()).isTrue();
        assertThat(other.traceProperty().get().output()).isEqualTo(model.traceProperty().get().output());
    }
}
