package org.attentionexplorer.attention;

import java.util.List;
import java.util.Locale;

/** The trace as text a learner reads in a terminal: each section of the chapter, each matrix labelled. */
public final class TraceText {
    private TraceText() {
    }

    public static String format(LessonTrace trace) {
        Lesson lesson = trace.lesson();
        StringBuilder out = new StringBuilder();
        out.append(lesson.name()).append('\n');
        if (!lesson.description().isEmpty()) {
            out.append(lesson.description()).append('\n');
        }
        out.append(String.format(Locale.ROOT, "%d tokens, d_in = %d, %s with d_out = %d, %d head%s, %s, dropout %s%s, seed %d%n",
                lesson.tokenCount(), lesson.dIn(), lesson.module(), lesson.dOut(), lesson.numHeads(),
                lesson.numHeads() == 1 ? "" : "s", lesson.causal() ? "causal" : "not causal", lesson.dropout(),
                lesson.training() ? " (training mode)" : " (evaluation mode)", lesson.seed()));
        out.append('\n').append("inputs X (").append(lesson.embeddings().shape()).append(")\n");
        out.append(MatrixText.format(lesson.embeddings(), lesson.tokens(),
                java.util.stream.IntStream.range(0, lesson.dIn()).mapToObj(String::valueOf).toList()));

        String section = null;
        List<TraceEntry> entries = TraceEntries.of(trace);
        for (TraceEntry entry : entries) {
            if (trace.singleHead() && entry.key().startsWith("heads[")) {
                continue; // a single head is shown once, at the top level
            }
            if (!entry.section().equals(section)) {
                section = entry.section();
                out.append("\n== ").append(section).append(" ==\n");
            }
            out.append('\n').append(entry.key()).append(": ").append(entry.title())
                    .append(" (").append(entry.matrix().shape()).append(")\n");
            out.append("  ").append(entry.formula()).append('\n');
            out.append(MatrixText.format(entry.matrix(), entry.rowLabels(), entry.colLabels()));
        }
        return out.toString();
    }
}
