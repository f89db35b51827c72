package org.attentionexplorer.ui.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attentionexplorer.io.LoadedModel;
import org.attentionexplorer.model.Candidate;
import org.attentionexplorer.ui.task.BackgroundWork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.attentionexplorer.testing.TinyCheckpoints;
import org.attentionexplorer.text.WordTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generation view model without a UI: background work and hand-over run on the test's thread. */
class GenerationViewModelTest {
    @TempDir
    static Path dir;
    private static LoadedModel tiny;
    private GenerationViewModel model;

    @BeforeAll
    static void writeCheckpoint() throws IOException {
        tiny = GenerationFixtures.tinyCheckpoint(dir);
    }

    @BeforeEach
    void setUp() {
        model = new GenerationViewModel(BackgroundWork.sameThread(), Runnable::run);
        model.setModel(tiny);
        model.promptProperty().set("the lamp ");
        model.maxTokensProperty().set(8);
    }

    private String generatedText() {
        model.generate();
        assertThat(model.runningProperty().get()).isFalse();
        return model.tokens().isEmpty() ? "" : model.tokens().get(model.tokens().size() - 1).textUpTo();
    }

    @Test
    void theModelIsNamedAfterItsFile() {
        assertThat(model.modelNameProperty().get()).isEqualTo("tiny.safetensors");
        assertThat(model.vocabSizeProperty().get()).isEqualTo(GenerationFixtures.ALPHABET.length() + 2);
        assertThat(model.contextLengthProperty().get()).isEqualTo(12);
    }

    @Test
    void theSameSeedGivesTheSameTextAndAnotherSeedAnother() {
        model.temperatureProperty().set(1.5);
        model.maxTokensProperty().set(20);
        model.seedProperty().set(42);
        String first = generatedText();
        String again = generatedText();
        model.seedProperty().set(43);
        String other = generatedText();
        assertThat(first).startsWith("the lamp ").hasSizeGreaterThan("the lamp ".length());
        assertThat(again).isEqualTo(first);
        assertThat(other).as("an untrained model at temperature 1.5 spreads its choices").isNotEqualTo(first);
    }

    @Test
    void greedyIsDeterministicWhateverTheSeedAndTakesTheMostProbableToken() {
        model.temperatureProperty().set(0);
        assertThat(model.noteProperty().get()).contains("greedy");
        model.seedProperty().set(1);
        String first = generatedText();
        model.seedProperty().set(999);
        assertThat(generatedText()).isEqualTo(first);
        for (GeneratedToken token : model.tokens()) {
            assertThat(token.step().id()).isEqualTo(token.candidates().get(0).id());
        }
    }

    @Test
    void eachStepsCandidatesAreSortedAndSumToAtMostOne() {
        model.temperatureProperty().set(1.0);
        model.topKProperty().set(5);
        generatedText();
        assertThat(model.tokens()).hasSize(8);
        for (GeneratedToken token : model.tokens()) {
            List<Double> probabilities = token.candidates().stream().map(Candidate::probability).toList();
            assertThat(probabilities).hasSize(GenerationViewModel.CANDIDATES).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(probabilities.stream().mapToDouble(Double::doubleValue).sum()).isLessThanOrEqualTo(1 + 1e-9);
            // top-k 5: only five tokens can be drawn, the rest of the ten reported have probability 0
            assertThat(probabilities.subList(5, 10)).containsOnly(0.0);
            assertThat(token.chosenInCandidates()).isTrue();
        }
    }

    @Test
    void eachTokenKnowsTheTextUpToItAndTheAttentionTextFitsTheContext() {
        model.temperatureProperty().set(0);
        generatedText();
        List<GeneratedToken> tokens = model.tokens();
        StringBuilder expected = new StringBuilder("the lamp ");
        for (GeneratedToken token : tokens) {
            expected.append(token.text());
            assertThat(token.textUpTo()).isEqualTo(expected.toString());
            String text = token.textUpTo();
            assertThat(token.attentionText()).isEqualTo(text.substring(Math.max(0, text.length() - 12)));
        }
        List<String> shown = new ArrayList<>();
        model.onShowAttentionProperty().set(shown::add);
        model.select(2);
        model.showAttention();
        assertThat(shown).containsExactly(tokens.get(2).attentionText());
        assertThat(model.selectedProperty().get()).isSameAs(tokens.get(2));
    }

    @Test
    void tokensArriveBeforeTheGenerationEnds() {
        java.util.ArrayDeque<Runnable> uiQueue = new java.util.ArrayDeque<>();
        GenerationViewModel streaming = new GenerationViewModel(new BackgroundWork(Runnable::run, uiQueue::add), uiQueue::add);
        streaming.setModel(tiny);
        streaming.promptProperty().set("the ");
        streaming.maxTokensProperty().set(5);
        streaming.temperatureProperty().set(0);
        streaming.generate();
        assertThat(streaming.runningProperty().get()).isTrue();
        assertThat(uiQueue).as("one waiting hand-over of tokens, then the result").hasSize(2);
        uiQueue.poll().run();
        assertThat(streaming.tokens()).hasSize(5);
        assertThat(streaming.runningProperty().get()).isTrue();
        uiQueue.poll().run();
        assertThat(streaming.runningProperty().get()).isFalse();
        assertThat(streaming.tokens()).hasSize(5);
    }

    @Test
    void stopKeepsTheTokensSoFar() {
        model.maxTokensProperty().set(50);
        model.temperatureProperty().set(1.0);
        // the first token streamed in asks to stop: the generator checks before each next token
        model.tokens().addListener((javafx.collections.ListChangeListener<GeneratedToken>) change -> model.stop());
        model.generate();
        assertThat(model.tokens()).hasSize(1);
        assertThat(model.statusProperty().get()).isEqualTo("Stopped after 1 token.");
    }

    @Test
    void badSettingsAreRefusedWithAMessageAndGenerateDoesNothing() {
        model.promptProperty().set("");
        assertThat(model.errorProperty().get()).isEqualTo("The prompt is empty: type some text for the model to continue.");
        assertThat(model.canGenerateProperty().get()).isFalse();
        model.generate();
        assertThat(model.tokens()).isEmpty();
        model.promptProperty().set("the ");

        model.topKProperty().set(40);
        assertThat(model.errorProperty().get()).isEqualTo("Top-k must be from 0 (every token) to 31, the model's vocabulary, got 40.");
        model.topKProperty().set(31);
        assertThat(model.errorProperty().get()).isEmpty();

        model.topPProperty().set(0);
        assertThat(model.errorProperty().get()).startsWith("Top-p must be above 0 and at most 1");
        model.topPProperty().set(1.2);
        assertThat(model.errorProperty().get()).startsWith("Top-p must be above 0 and at most 1");
        model.topPProperty().set(1);

        model.temperatureProperty().set(-0.5);
        assertThat(model.errorProperty().get()).isEqualTo("Temperature must be 0 (greedy) or more, got -0.5.");
        model.temperatureProperty().set(0.7);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.canGenerateProperty().get()).isTrue();
    }

    @Test
    void charactersTheModelDoesNotKnowAreNamed() {
        model.maxTokensProperty().set(2);
        model.promptProperty().set("The lamp, ");
        assertThat(model.noteProperty().get()).isEqualTo("The model does not know the characters \"T\" and \",\": each becomes <|unk|>.");
        assertThat(model.errorProperty().get()).isEmpty();
        model.promptProperty().set("the lamp");
        assertThat(model.noteProperty().get()).isEmpty();
        model.maxTokensProperty().set(5);
        assertThat(model.noteProperty().get()).startsWith("Prompt and new tokens pass the context of 12 tokens");
    }

    @Test
    void aPromptLongerThanTheContextIsCroppedAndSaysSo() {
        model.promptProperty().set("the lamp was lit at dusk");
        assertThat(model.noteProperty().get()).startsWith("The prompt is 24 tokens long; the model sees only its last 12.")
                .endsWith("Prompt and new tokens pass the context of 12 tokens: from there on, every token refills the key/value"
                        + " cache with the last 11 tokens, which is much slower.");
        model.maxTokensProperty().set(1);
        model.generate();
        List<PromptToken> prompt = model.promptTokensProperty().get();
        assertThat(prompt).hasSize(24);
        assertThat(prompt.stream().filter(PromptToken::seen).count()).isEqualTo(12);
        assertThat(prompt.get(11).seen()).isFalse();
        assertThat(prompt.get(12)).as("the last 12: \" lit at dusk\"").isEqualTo(new PromptToken(" ", false, true));
    }

    @Test
    void thePromptsTokensMarkTheUnknownOnes() {
        model.promptProperty().set("Ok.");
        model.maxTokensProperty().set(1);
        model.generate();
        assertThat(model.promptTokensProperty().get()).containsExactly(
                new PromptToken("O", true, true), new PromptToken("k", false, true), new PromptToken(".", false, true));
        assertThat(model.generatedPromptProperty().get()).isEqualTo("Ok.");
    }

    @Test
    void withoutAModelNothingCanBeGenerated() {
        GenerationViewModel empty = new GenerationViewModel(BackgroundWork.sameThread(), Runnable::run);
        empty.promptProperty().set("the");
        assertThat(empty.errorProperty().get()).isEqualTo("No model: open a checkpoint to generate from.");
        assertThat(empty.canGenerateProperty().get()).isFalse();
    }

    @Test
    void withAWordTokenizerEachTokensPieceCarriesTheSpaceBeforeItSoTheChipsReadAsText() {
        WordTokenizer words = WordTokenizer.fromText("the lamp is lit at dusk , and the keeper waits .");
        LoadedModel wordModel = LoadedModel.read(TinyCheckpoints.write(dir.resolve("words.safetensors"), words, 0));
        model.setModel(wordModel);
        model.promptProperty().set("the lamp");
        model.temperatureProperty().set(0);
        model.maxTokensProperty().set(6);
        generatedText();
        assertThat(model.promptTokensProperty().get()).extracting(PromptToken::text).containsExactly("the", " lamp");
        StringBuilder shown = new StringBuilder("the lamp");
        for (GeneratedToken token : model.tokens()) {
            assertThat(token.piece()).as("a word token's own text has no space; its piece adds the one decode puts before it")
                    .isIn(" " + token.text(), token.text());
            shown.append(token.piece());
            assertThat(token.textUpTo()).isEqualTo(shown.toString());
        }
        assertThat(model.tokens()).anyMatch(t -> t.piece().startsWith(" ") && !t.text().startsWith(" "));
    }
}
