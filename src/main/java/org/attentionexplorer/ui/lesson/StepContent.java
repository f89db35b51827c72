package org.attentionexplorer.ui.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.attentionexplorer.attention.HeadEntries;
import org.attentionexplorer.attention.HeadStats;
import org.attentionexplorer.attention.HeadTrace;
import org.attentionexplorer.attention.LessonTrace;
import org.attentionexplorer.attention.TraceEntries;
import org.attentionexplorer.attention.TraceEntry;
import org.attentionexplorer.model.ModelTrace;
import org.attentionexplorer.ui.heatmap.HeatmapData;
import org.attentionexplorer.ui.heatmap.Scale;

/**
 * Which matrices of a trace each step shows, as heatmap data with the right colour scale and a hover text that
 * says how each value was computed. Pure: no controls, so it is tested without a UI.
 */
public final class StepContent {
    private StepContent() {
    }

    /** The key of the inputs X, in a lesson's and a model's panels. */
    private static final String INPUTS = "lesson.embeddings";

    /** One matrix of a step: its key and title, the formula line, and the heatmap data. */
    public record Panel(String key, String title, String formula, HeatmapData data) {
    }

    /** The trace keys a step shows, in order (lesson traces; a multi-head lesson shows head 0 in steps 5 to 7). */
    static List<String> keys(Step step, LessonTrace trace) {
        String head = trace.singleHead() ? "" : "heads[0].";
        return switch (step) {
            case TOKENS -> List.of("lesson.embeddings");
            case HEADS -> headKeys(trace);
            default -> headStepKeys(step, head);
        };
    }

    /** The keys of steps 2 to 7 (and 9: none), with the head's key prefix. */
    private static List<String> headStepKeys(Step step, String head) {
        return switch (step) {
            case SCORES -> List.of("simplified.attnScores");
            case NORMALIZE -> List.of("simplified.naiveWeights", "simplified.attnWeights");
            case CONTEXT -> List.of("simplified.attnWeights", INPUTS, "simplified.contextVecs");
            case QKV -> List.of(head + "queries", head + "keys", head + "values", head + "attnScores", head + "scaledScores",
                    head + "attnWeights", head + "unscaledWeights");
            case MASK -> List.of(head + "mask", head + "maskedScores", head + "causalWeights", head + "renormalizedWeights");
            case DROPOUT -> List.of(head + "dropoutMask", head + "droppedWeights");
            default -> List.of();
        };
    }

    private static List<String> headKeys(LessonTrace trace) {
        List<String> keys = new ArrayList<>();
        for (int h = 0; h < trace.heads().size(); h++) {
            keys.add("heads[" + h + "].droppedWeights");
        }
        keys.add("contextVecs");
        keys.add("output");
        if (trace.versionCheck() != null) {
            keys.add("versionCheck.output");
        }
        return keys;
    }

    /** The panels of a step for a lesson's trace. */
    public static List<Panel> panels(Step step, LessonTrace trace) {
        List<TraceEntry> all = new ArrayList<>(TraceEntries.of(trace));
        all.add(TraceEntries.inputs(trace.lesson()));
        return select(all, keys(step, trace));
    }

    /**
     * The panels of a step for a trained model: X and section 3.3 on the model's inputs in steps 1 to 4, the chosen
     * head with its real values in steps 5 to 7, and every head of the chosen layer in step 8. Step 9 (the grid of
     * every head) is drawn from {@link ModelSteps#trace()} directly.
     */
    public static List<Panel> panels(Step step, ModelSteps steps) {
        ModelTrace trace = steps.trace();
        List<String> tokens = trace.tokens();
        List<TraceEntry> all = new ArrayList<>(TraceEntries.simplified(steps.simplified(), tokens));
        all.add(HeadEntries.features(INPUTS, "", "inputs X", "token embedding + position embedding (wte[id] + wpe[position])",
                ModelSteps.inputs(trace), tokens));
        List<HeadTrace> heads = trace.layers().get(steps.layer()).heads();
        for (int h = 0; h < heads.size(); h++) {
            all.addAll(HeadEntries.of(heads.get(h), tokens, HeadEntries.Labels.forModel(steps.layer(), h)));
        }
        String prefix = "layers[" + steps.layer() + "].heads[";
        List<String> keys = switch (step) {
            case TOKENS -> List.of(INPUTS);
            case HEADS -> java.util.stream.IntStream.range(0, heads.size())
                    .mapToObj(h -> prefix + h + "].droppedWeights").toList();
            default -> headStepKeys(step, prefix + steps.head() + "].");
        };
        return select(all, keys);
    }

    /** One head in the grid of step 9: its weights as a thumbnail and its statistics. */
    public record Thumbnail(int layer, int head, HeatmapData data, HeadStats stats) {
    }

    /**
     * Step 9: every layer x head of a model's trace, row by row (layer 0 first), each with the attention weights in
     * use (causal, evaluation mode) and its statistics. Loops over every weight: call it off the FX thread.
     */
    public static List<Thumbnail> grid(ModelTrace trace) {
        List<Thumbnail> grid = new ArrayList<>();
        for (int l = 0; l < trace.layers().size(); l++) {
            List<HeadTrace> heads = trace.layers().get(l).heads();
            for (int h = 0; h < heads.size(); h++) {
                TraceEntry weights = HeadEntries.of(heads.get(h), trace.tokens(), HeadEntries.Labels.forModel(l, h)).stream()
                        .filter(e -> e.key().endsWith(".droppedWeights")).findFirst().orElseThrow();
                grid.add(new Thumbnail(l, h, panel(weights).data(), HeadStats.of(heads.get(h).causalWeights())));
            }
        }
        return grid;
    }

    private static List<Panel> select(List<TraceEntry> entries, List<String> keys) {
        List<Panel> panels = new ArrayList<>();
        for (String key : keys) {
            entries.stream().filter(e -> e.key().equals(key)).findFirst().ifPresent(e -> panels.add(panel(e)));
        }
        return panels;
    }

    static Panel panel(TraceEntry entry) {
        String name = entry.key().substring(entry.key().lastIndexOf('.') + 1);
        Scale scale = scaleOf(name);
        HeatmapData data = new HeatmapData(entry.matrix(), entry.rowLabels(), entry.colLabels(), scale,
                (row, col, value) -> explain(name, entry, row, col, value)).withName(entry.key());
        return new Panel(entry.key(), entry.title(), entry.formula(), data);
    }

    /** Weights are shown on a sequential scale, masks as on/off, everything signed on a diverging one. */
    static Scale scaleOf(String name) {
        if (name.equals("mask") || name.equals("dropoutMask")) {
            return Scale.BINARY;
        }
        return name.endsWith("Weights") ? Scale.SEQUENTIAL : Scale.DIVERGING;
    }

    /** How one value was computed, in the words of the formula, e.g. "journey · step = 1.0865". */
    static String explain(String name, TraceEntry entry, int row, int col, double value) {
        String query = entry.rowLabels().get(row);
        String key = entry.colLabels().get(col);
        String v = Double.isInfinite(value) ? "-inf" : String.format(Locale.ROOT, "%.4f", value);
        return switch (name) {
            case "attnScores" -> entry.key().startsWith("simplified") ? "x(" + query + ") · x(" + key + ") = " + v
                    : "q(" + query + ") · k(" + key + ") = " + v;
            case "scaledScores" -> "q(" + query + ") · k(" + key + ") / sqrt(d_k) = " + v;
            case "maskedScores" -> value == Double.NEGATIVE_INFINITY ? key + " comes after " + query + ": masked, -inf"
                    : "q(" + query + ") · k(" + key + ") = " + v;
            case "naiveWeights" -> "score(" + query + ", " + key + ") / sum of row " + query + " = " + v;
            case "attnWeights", "causalWeights", "unscaledWeights", "renormalizedWeights", "droppedWeights" ->
                    "weight of " + key + " for query " + query + " = " + v;
            default -> query + ", " + key + ": " + v;
        };
    }

}
