package org.attentionexplorer.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.attentionexplorer.attention.BookValuesTest.withModule;

import java.util.List;
import org.attentionexplorer.math.Matrix;
import org.junit.jupiter.api.Test;

class AttentionLabTest {
    /** Two float64 computations of the same sums in a different grouping. */
    private static final double TOLERANCE = 1e-12;

    private static Lesson with(Lesson base, AttentionModule module, int dOut, int heads, double dropout, boolean training,
            boolean qkvBias, ModuleWeights weights) {
        return new Lesson(base.name(), base.description(), base.tokens(), base.embeddings(), module, dOut, heads, true,
                dropout, training, qkvBias, base.seed(), weights);
    }

    @Test
    void splitVersionEqualsTheWrapperWithStackedWeightsAndIdentityOutProj() {
        Lesson wrapperLesson = with(withModule(AttentionModule.MULTI_HEAD_ATTENTION_WRAPPER, 2, 3, true, 123),
                AttentionModule.MULTI_HEAD_ATTENTION_WRAPPER, 2, 3, 0, true, true, null);
        ModuleWeights wrapper = wrapperLesson.resolvedWeights();

        // Build the split version's weights by hand: per-head matrices side by side, out_proj = identity.
        List<QkvWeights> heads = wrapper.qkv();
        Projection query = new Projection(
                Matrix.concatColumns(heads.stream().map(h -> h.query().weight()).toList()),
                Matrix.concatColumns(heads.stream().map(h -> h.query().bias()).toList()));
        Projection key = new Projection(
                Matrix.concatColumns(heads.stream().map(h -> h.key().weight()).toList()),
                Matrix.concatColumns(heads.stream().map(h -> h.key().bias()).toList()));
        Projection value = new Projection(
                Matrix.concatColumns(heads.stream().map(h -> h.value().weight()).toList()),
                Matrix.concatColumns(heads.stream().map(h -> h.value().bias()).toList()));
        ModuleWeights split = new ModuleWeights(AttentionModule.MULTI_HEAD_ATTENTION,
                List.of(new QkvWeights(query, key, value)), Projection.identity(6));
        Lesson splitLesson = with(wrapperLesson, AttentionModule.MULTI_HEAD_ATTENTION, 6, 3, 0, true, true, split);

        LessonTrace wrapperTrace = AttentionLab.trace(wrapperLesson);
        LessonTrace splitTrace = AttentionLab.trace(splitLesson);
        assertThat(splitTrace.output().shape()).isEqualTo("6 x 6");
        assertThat(splitTrace.output().maxAbsDifference(wrapperTrace.output())).isLessThan(TOLERANCE);
        for (int h = 0; h < 3; h++) {
            assertThat(splitTrace.heads().get(h).attnWeights().maxAbsDifference(wrapperTrace.heads().get(h).attnWeights()))
                    .isLessThan(TOLERANCE);
        }
        assertThat(AttentionLab.asMultiHeadAttention(wrapper)).isEqualTo(split);
    }

    @Test
    void bothMultiHeadVersionsAgreeInTheTraceEvenWithDropout() {
        for (AttentionModule module : List.of(AttentionModule.MULTI_HEAD_ATTENTION, AttentionModule.MULTI_HEAD_ATTENTION_WRAPPER)) {
            Lesson lesson = with(withModule(module, 4, 2, true, 123), module, 4, 2, 0.5, true, false, null);
            LessonTrace trace = AttentionLab.trace(lesson);
            assertThat(trace.versionCheck().module()).isNotEqualTo(module);
            assertThat(trace.versionCheck().maxAbsDifference()).as(module.bookName()).isLessThan(TOLERANCE);
            assertThat(trace.versionCheck().output()).isNotEqualTo(Matrix.zeros(6, trace.output().cols()));
        }
    }

    @Test
    void singleHeadModulesHaveNoVersionCheck() {
        assertThat(AttentionLab.trace(withModule(AttentionModule.CAUSAL_ATTENTION, 2, 1, true, 1)).versionCheck()).isNull();
    }

    @Test
    void multiHeadAttentionSplitsTheProjectionIntoHeadsByColumns() {
        LessonTrace trace = AttentionLab.trace(withModule(AttentionModule.MULTI_HEAD_ATTENTION, 4, 2, true, 123));
        assertThat(trace.heads()).hasSize(2);
        assertThat(trace.heads().get(1).queries()).isEqualTo(trace.queries().columns(2, 4));
        assertThat(trace.heads().get(1).keys().cols()).isEqualTo(2);
        // d_k is the head width: scaled = scores / sqrt(2)
        HeadTrace head = trace.heads().get(1);
        assertThat(head.scaledScores().get(3, 1)).isEqualTo(head.attnScores().get(3, 1) / Math.sqrt(2));
    }

    @Test
    void theTwoCausalRoutesAgreeAndHideTheFuture() {
        HeadTrace head = AttentionLab.trace(withModule(AttentionModule.CAUSAL_ATTENTION, 3, 1, true, 42)).heads().get(0);
        assertThat(head.renormalizedWeights().maxAbsDifference(head.causalWeights())).isLessThan(TOLERANCE);
        for (int i = 0; i < 6; i++) {
            double rowSum = 0;
            for (int j = 0; j < 6; j++) {
                if (j > i) {
                    assertThat(head.causalWeights().get(i, j)).isZero();
                    assertThat(head.maskedScores().get(i, j)).isEqualTo(Double.NEGATIVE_INFINITY);
                }
                rowSum += head.causalWeights().get(i, j);
            }
            assertThat(rowSum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void dropoutScalesKeptWeightsAndZeroesTheRest() {
        Lesson base = withModule(AttentionModule.CAUSAL_ATTENTION, 2, 1, true, 123);
        LessonTrace trace = AttentionLab.trace(with(base, AttentionModule.CAUSAL_ATTENTION, 2, 1, 0.5, true, false, null));
        HeadTrace head = trace.heads().get(0);
        assertThat(trace.dropoutScale()).isEqualTo(2.0);
        int dropped = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double keep = head.dropoutMask().get(i, j);
                assertThat(head.droppedWeights().get(i, j)).isEqualTo(head.causalWeights().get(i, j) * keep * 2.0);
                dropped += keep == 0 ? 1 : 0;
            }
        }
        assertThat(dropped).isBetween(5, 31);
        // Context vectors use the dropped weights.
        assertThat(head.contextVecs()).isEqualTo(AttentionSteps.contextVectors(head.droppedWeights(), head.values()));
    }

    @Test
    void dropoutIsTheIdentityAtRateZeroAndInEvaluationMode() {
        Lesson base = withModule(AttentionModule.CAUSAL_ATTENTION, 2, 1, true, 123);
        for (Lesson lesson : List.of(with(base, AttentionModule.CAUSAL_ATTENTION, 2, 1, 0.0, true, false, null),
                with(base, AttentionModule.CAUSAL_ATTENTION, 2, 1, 0.5, false, false, null))) {
            LessonTrace trace = AttentionLab.trace(lesson);
            HeadTrace head = trace.heads().get(0);
            assertThat(trace.dropoutScale()).isEqualTo(1.0);
            assertThat(head.dropoutMask()).isEqualTo(Matrix.filled(6, 6, 1.0));
            assertThat(head.droppedWeights()).isEqualTo(head.causalWeights());
        }
    }

    @Test
    void theSameLessonGivesTheSameTrace() {
        Lesson lesson = with(withModule(AttentionModule.MULTI_HEAD_ATTENTION, 4, 2, true, 9), AttentionModule.MULTI_HEAD_ATTENTION,
                4, 2, 0.3, true, true, null);
        assertThat(AttentionLab.trace(lesson)).isEqualTo(AttentionLab.trace(lesson));
    }

    @Test
    void nonCausalLessonsUseTheUnmaskedWeights() {
        HeadTrace head = AttentionLab.trace(withModule(AttentionModule.SELF_ATTENTION_V2, 2, 1, false, 789)).heads().get(0);
        assertThat(head.droppedWeights()).isEqualTo(head.attnWeights());
        assertThat(head.contextVecs().maxAbsDifference(
                AttentionSteps.contextVectors(head.attnWeights(), head.values()))).isZero();
    }
}
