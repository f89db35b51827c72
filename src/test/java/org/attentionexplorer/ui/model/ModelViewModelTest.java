package org.attentionexplorer.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attentionexplorer.attention.LessonJson;
import org.attentionexplorer.testing.TinyCheckpoints;
import org.attentionexplorer.ui.lesson.LessonViewModel;
import org.attentionexplorer.ui.lesson.Source;
import org.attentionexplorer.ui.lesson.Step;
import org.attentionexplorer.ui.lesson.StepContent;
import org.attentionexplorer.ui.task.BackgroundWork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model as a source of numbers, without a UI: every background step runs on the test's thread. */
class ModelViewModelTest {
    @TempDir
    static Path dir;
    private static Path tiny;

    private LessonViewModel lesson;
    private ModelViewModel model;

    @BeforeAll
    static void writeCheckpoint() {
        tiny = TinyCheckpoints.write(dir.resolve("tiny.safetensors"), "abc de", 3);
    }

    @BeforeEach
    void open() {
        lesson = new LessonViewModel(BackgroundWork.sameThread(), LessonJson.bundled());
        model = new ModelViewModel(BackgroundWork.sameThread(), lesson);
    }

    @Test
    void anOpenedModelTracesTheTextAndGivesTheLessonItsSteps() {
        assertThat(model.statusProperty().get()).isEqualTo("No model open");
        assertThat(lesson.steps()).doesNotContain(Step.MODEL);
        model.textProperty().set("abc dea");
        model.open(tiny);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("tiny.safetensors: 2 layers x 4 heads, context 12, trained 3 steps");
        assertThat(model.stepsProperty().get().trace().tokens()).containsExactly("a", "b", "c", " ", "d", "e", "a");
        assertThat(lesson.modelStepsProperty().get()).isSameAs(model.stepsProperty().get());
        assertThat(lesson.steps()).endsWith(Step.HEADS, Step.MODEL);
        assertThat(model.gridProperty().get()).hasSize(2 * 4);
        assertThat(model.noticeProperty().get()).isEmpty();
    }

    @Test
    void aGpt2FolderOpensWithTheBpeTokenizerAndEveryLayerAndHead() throws java.io.IOException {
        var spec = org.attentionexplorer.testing.Gpt2Fixtures.Spec.tiny("BF16", true);
        Path folder = org.attentionexplorer.testing.Gpt2Fixtures.write(dir.resolve("gpt2"), spec,
                org.attentionexplorer.testing.Gpt2Fixtures.weights(spec, 4));
        model.textProperty().set("Hello, I am");
        model.open(folder);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("gpt2: 2 layers x 4 heads, context 16, GPT-2 folder");
        assertThat(model.stepsProperty().get().trace().tokens()).containsExactly("Hello", ",", " I", " am");
        assertThat(model.gridProperty().get()).hasSize(2 * 4);
    }

    @Test
    void everyChangeOfTheTextIsTracedAgain() {
        model.open(tiny);
        model.textProperty().set("dead");
        assertThat(model.stepsProperty().get().trace().tokens()).containsExactly("d", "e", "a", "d");
        assertThat(model.gridProperty().get().get(0).heatmap().rows()).isEqualTo(4);
    }

    @Test
    void onlyTheLatestTextIsShownWhenTracesOverlap() {
        List<Runnable> background = new ArrayList<>();
        BackgroundWork queued = new BackgroundWork(background::add, Runnable::run);
        ModelViewModel slow = new ModelViewModel(queued, lesson);
        slow.open(tiny);
        background.remove(0).run(); // the checkpoint is read; its trace of the default text is queued
        slow.textProperty().set("abc");
        slow.textProperty().set("abcd");
        assertThat(background).hasSize(3);
        background.forEach(Runnable::run);
        assertThat(slow.stepsProperty().get().trace().tokens()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void choosingAHeadShowsItAndStaysWithinTheModel() {
        model.open(tiny);
        model.layerProperty().set(1);
        model.headProperty().set(2);
        assertThat(model.stepsProperty().get().layer()).isEqualTo(1);
        assertThat(model.stepsProperty().get().head()).isEqualTo(2);
        model.headProperty().set(9);
        assertThat(model.headProperty().get()).isEqualTo(3);
        model.layerProperty().set(-1);
        assertThat(model.layerProperty().get()).isZero();
        assertThat(model.stepsProperty().get().layer()).isZero();
    }

    @Test
    void clickingAHeadOpensItInStepFiveWithTheModelsNumbers() {
        model.open(tiny);
        model.openHead(1, 3);
        assertThat(lesson.stepProperty().get()).isEqualTo(Step.QKV);
        assertThat(lesson.sourceProperty().get()).isEqualTo(Source.MODEL);
        assertThat(lesson.showsModel()).isTrue();
        StepContent.Panel queries = StepContent.panels(Step.QKV, lesson.modelStepsProperty().get()).get(0);
        assertThat(queries.key()).isEqualTo("layers[1].heads[3].queries");
        assertThat(queries.data().values()).isEqualTo(model.stepsProperty().get().trace().layers().get(1).heads().get(3).queries());
    }

    @Test
    void theFollowedQueryStaysAmongTheShownTokens() {
        model.textProperty().set("abcdeabcde");
        model.open(tiny);
        model.openHead(0, 0);
        lesson.selectedQueryProperty().set(9);
        lesson.sourceProperty().set(Source.LESSON);
        assertThat(lesson.selectedQueryProperty().get()).isEqualTo(lesson.lesson().tokenCount() - 1);
    }

    @Test
    void aBadFileIsExplainedAndThePreviousModelStays(@TempDir Path other) throws Exception {
        model.open(tiny);
        var before = model.stepsProperty().get();
        Path bad = Files.writeString(other.resolve("notes.safetensors"), "not a model");
        model.open(bad);
        assertThat(model.errorProperty().get()).contains("notes.safetensors");
        assertThat(model.statusProperty().get()).startsWith("tiny.safetensors: ");
        assertThat(model.stepsProperty().get()).isSameAs(before);
        model.open(other.resolve("missing.safetensors"));
        assertThat(model.errorProperty().get()).contains("missing.safetensors").contains("no such file");
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void anEmptyOrOneTokenTextIsNotTracedAndTheLastTraceStays() {
        model.open(tiny);
        var before = model.stepsProperty().get();
        model.textProperty().set("");
        assertThat(model.noticeProperty().get()).isEqualTo("The text is empty: type at least 2 characters for the model to trace.");
        model.textProperty().set("a");
        assertThat(model.noticeProperty().get()).contains("one token").contains("at least 2");
        assertThat(model.stepsProperty().get()).isSameAs(before);
        model.textProperty().set("ab");
        assertThat(model.noticeProperty().get()).isEmpty();
        assertThat(model.stepsProperty().get().trace().tokens()).hasSize(2);
    }

    @Test
    void aTextLongerThanTheContextIsCroppedAndSaysSo() {
        model.open(tiny);
        model.textProperty().set("abcdeabcdeabcdeab");
        assertThat(model.stepsProperty().get().trace().tokens()).hasSize(12);
        assertThat(model.noticeProperty().get()).isEqualTo(
                "The text has 17 tokens but the model's context is 12: only the first 12 are traced (up to \"abcdeabcdeab\").");
    }

    @Test
    void charactersTheVocabularyLacksAreNamed() {
        model.open(tiny);
        model.textProperty().set("a café, bé");
        assertThat(model.noticeProperty().get()).isEqualTo(
                "The model's vocabulary has no \"f\", \"é\", \",\" (4 tokens): traced as <|unk|>.");
        assertThat(model.stepsProperty().get().trace().tokens()).contains("<|unk|>");
    }
}
