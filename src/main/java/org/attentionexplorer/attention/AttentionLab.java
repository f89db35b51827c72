package org.attentionexplorer.attention;

import java.util.ArrayList;
import java.util.List;
import org.attentionexplorer.math.Matrix;
import org.attentionexplorer.random.TorchGenerator;

/**
 * Computes the trace of a lesson: every step of chapter 3, from the simplified dot products to the output
 * of multi-head attention. Pure: the same lesson always gives the same trace.
 */
public final class AttentionLab {
    private AttentionLab() {
    }

    /** The heads, the concatenated context and the output of one module run. */
    private record ModuleRun(List<HeadTrace> heads, Matrix contextVecs, Matrix output) {
    }

    public static LessonTrace trace(Lesson lesson) {
        Matrix inputs = lesson.embeddings();
        ModuleWeights weights = lesson.resolvedWeights();
        ModuleRun run = run(lesson, inputs, weights);
        List<HeadTrace> heads = run.heads();

        LessonTrace.VersionCheck versionCheck = null;
        if (lesson.module().isMultiHead()) {
            ModuleWeights other = lesson.module().hasSeparateHeads()
                    ? asMultiHeadAttention(weights)
                    : asWrapper(weights, lesson.numHeads());
            Matrix otherOutput = run(lesson, inputs, other).output();
            versionCheck = new LessonTrace.VersionCheck(other.module(), otherOutput, otherOutput.maxAbsDifference(run.output()));
        }
        boolean dropoutOn = dropoutActive(lesson);
        return new LessonTrace(lesson, weights, SimplifiedTrace.of(inputs), heads,
                Matrix.concatColumns(heads.stream().map(HeadTrace::queries).toList()),
                Matrix.concatColumns(heads.stream().map(HeadTrace::keys).toList()),
                Matrix.concatColumns(heads.stream().map(HeadTrace::values).toList()),
                run.contextVecs(), run.output(), dropoutOn ? 1 / (1 - lesson.dropout()) : 1.0, versionCheck);
    }

    private static boolean dropoutActive(Lesson lesson) {
        return lesson.training() && lesson.dropout() > 0;
    }

    /**
     * Runs a module on the inputs. The wrapper projects each head with its own weights; every other module
     * projects once and splits the columns into {@code numHeads} heads (one head: no split).
     */
    private static ModuleRun run(Lesson lesson, Matrix inputs, ModuleWeights weights) {
        // Dropout masks come from a generator seeded like torch.manual_seed(seed), head after head.
        TorchGenerator generator = dropoutActive(lesson) ? new TorchGenerator(lesson.seed()) : null;
        List<HeadTrace> heads = new ArrayList<>();
        if (weights.module().hasSeparateHeads()) {
            for (QkvWeights qkv : weights.qkv()) {
                heads.add(HeadTrace.of(AttentionSteps.project(inputs, qkv.query()), AttentionSteps.project(inputs, qkv.key()),
                        AttentionSteps.project(inputs, qkv.value()), lesson.causal(), lesson.dropout(), generator));
            }
        } else {
            QkvWeights qkv = weights.qkv().get(0);
            Matrix queries = AttentionSteps.project(inputs, qkv.query());  // (T, d_out)
            Matrix keys = AttentionSteps.project(inputs, qkv.key());
            Matrix values = AttentionSteps.project(inputs, qkv.value());
            int numHeads = weights.module().isMultiHead() ? lesson.numHeads() : 1;
            int headDim = queries.cols() / numHeads;
            for (int h = 0; h < numHeads; h++) {
                int from = h * headDim;
                int to = from + headDim;
                heads.add(HeadTrace.of(queries.columns(from, to), keys.columns(from, to), values.columns(from, to),
                        lesson.causal(), lesson.dropout(), generator));
            }
        }
        Matrix contextVecs = Matrix.concatColumns(heads.stream().map(HeadTrace::contextVecs).toList());
        Matrix output = weights.outProj() == null ? contextVecs : AttentionSteps.project(contextVecs, weights.outProj());
        return new ModuleRun(heads, contextVecs, output);
    }

    /**
     * The MultiHeadAttention equivalent of wrapper weights: the heads' query, key and value matrices (and
     * biases) side by side, and an identity output projection with zero bias.
     */
    public static ModuleWeights asMultiHeadAttention(ModuleWeights wrapper) {
        if (!wrapper.module().hasSeparateHeads()) {
            throw new IllegalArgumentException("expected MultiHeadAttentionWrapper weights, got " + wrapper.module());
        }
        List<QkvWeights> heads = wrapper.qkv();
        QkvWeights stacked = new QkvWeights(
                sideBySide(heads.stream().map(QkvWeights::query).toList()),
                sideBySide(heads.stream().map(QkvWeights::key).toList()),
                sideBySide(heads.stream().map(QkvWeights::value).toList()));
        int width = stacked.query().outputSize();
        return new ModuleWeights(AttentionModule.MULTI_HEAD_ATTENTION, List.of(stacked), Projection.identity(width));
    }

    /**
     * The wrapper equivalent of MultiHeadAttention weights: each head's column block of the query, key and
     * value projections. The output projection stays the MultiHeadAttention's (the book's wrapper has none),
     * so applying it to the wrapper's concatenated context gives the same output.
     */
    public static ModuleWeights asWrapper(ModuleWeights multiHead, int numHeads) {
        if (multiHead.module() != AttentionModule.MULTI_HEAD_ATTENTION) {
            throw new IllegalArgumentException("expected MultiHeadAttention weights, got " + multiHead.module());
        }
        QkvWeights qkv = multiHead.qkv().get(0);
        int headDim = qkv.query().outputSize() / numHeads;
        List<QkvWeights> heads = new ArrayList<>();
        for (int h = 0; h < numHeads; h++) {
            int from = h * headDim;
            int to = from + headDim;
            heads.add(new QkvWeights(columns(qkv.query(), from, to), columns(qkv.key(), from, to), columns(qkv.value(), from, to)));
        }
        return new ModuleWeights(AttentionModule.MULTI_HEAD_ATTENTION_WRAPPER, heads, multiHead.outProj());
    }

    private static Projection sideBySide(List<Projection> parts) {
        Matrix weight = Matrix.concatColumns(parts.stream().map(Projection::weight).toList());
        Matrix bias = parts.get(0).hasBias() ? Matrix.concatColumns(parts.stream().map(Projection::bias).toList()) : null;
        return new Projection(weight, bias);
    }

    private static Projection columns(Projection projection, int from, int to) {
        return new Projection(projection.weight().columns(from, to),
                projection.hasBias() ? projection.bias().columns(from, to) : null);
    }
}
