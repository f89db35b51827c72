package org.attentionexplorer.attention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every lesson shipped in samples/ and resources/ opens and traces, and each one shows what it says it shows. */
class SampleLessonsTest {

    private static LessonTrace trace(String name) {
        return AttentionLab.trace(LessonJson.read(Path.of("samples/lessons", name)));
    }

    @Test
    void everyShippedLessonOpensAndTraces() throws IOException {
        List<Path> lessons;
        try (Stream<Path> samples = Files.list(Path.of("samples/lessons")); Stream<Path> bundled = Files.list(Path.of("resources/lessons"))) {
            lessons = Stream.concat(samples, bundled).filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertThat(lessons).hasSizeGreaterThanOrEqualTo(5);
        for (Path file : lessons) {
            Lesson lesson = LessonJson.read(file);
            assertThat(lesson.description()).as(file.toString()).isNotBlank();
            assertThat(AttentionLab.trace(lesson).output().isFinite()).as(file.toString()).isTrue();
        }
    }

    @Test
    void twoHeadsLookAtThePreviousTokenAndAtTheFirstToken() {
        LessonTrace trace = trace("two-heads.json");
        HeadTrace previous = trace.heads().get(0);
        HeadTrace first = trace.heads().get(1);
        for (int i = 1; i < 5; i++) {
            assertThat(previous.causalWeights().get(i, i - 1)).as("head 0, query %d", i).isGreaterThan(0.99);
            assertThat(first.causalWeights().get(i, 0)).as("head 1, query %d", i).isGreaterThan(0.99);
        }
    }

    @Test
    void withoutScalingSoftmaxSaturatesAtLargeDk() {
        HeadTrace head = trace("scaling-large-dk.json").heads().get(0);
        assertThat(head.keys().cols()).isEqualTo(64);
        for (int i = 0; i < 6; i++) {
            assertThat(max(head.unscaledWeights().row(i))).isGreaterThan(max(head.attnWeights().row(i)));
            assertThat(min(head.unscaledWeights().row(i))).isLessThan(1e-4);
            assertThat(min(head.attnWeights().row(i))).isGreaterThan(1e-3);
        }
    }

    @Test
    void causalDropoutDropsSomeWeightsAndDoublesTheRest() {
        LessonTrace trace = trace("causal-dropout.json");
        assertThat(trace.dropoutScale()).isEqualTo(2.0);
        assertThat(trace.heads().get(0).dropoutMask().toRowMajor()).contains(0.0, 1.0);
    }

    @Test
    void theBooksMultiHeadAttentionMatchesTheWrapperBuiltFromItsWeights() {
        LessonTrace trace = trace("multi-head-book.json");
        assertThat(trace.output().row(0)).containsExactly(new double[] {0.3190, 0.4858}, org.assertj.core.data.Offset.offset(5e-5));
        assertThat(trace.versionCheck().maxAbsDifference()).isLessThan(1e-12);
    }

    private static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElseThrow();
    }

    private static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElseThrow();
    }
}
