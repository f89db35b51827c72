package org.attentionexplorer.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.attentionexplorer.attention.HeadEntries;
import org.attentionexplorer.attention.HeadStats;
import org.attentionexplorer.attention.HeadTrace;
import org.attentionexplorer.attention.LessonJson;
import org.attentionexplorer.attention.MatrixText;
import org.attentionexplorer.attention.TraceCsv;
import org.attentionexplorer.attention.TraceEntry;
import org.attentionexplorer.attention.TraceJson;
import org.attentionexplorer.math.Matrix;
import org.attentionexplorer.text.TokenLabels;

/**
 * A model trace as text, JSON or CSV, optionally narrowed to one layer and/or head. Heads use the lab's keys
 * under {@code layers[l].heads[h].}, so a lesson's trace and a model's read alike.
 */
public final class ModelTraceOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String RESIDUAL = "the residual stream, one row per token";

    private ModelTraceOutput() {
    }

    /**
     * Which layers and heads to show.
     *
     * @param layer a layer index, or -1 for all
     * @param head  a head index, or -1 for all
     */
    public record Selection(int layer, int head) {
        public static final Selection ALL = new Selection(-1, -1);

        boolean layer(int l) {
            return layer < 0 || layer == l;
        }

        boolean head(int h) {
            return head < 0 || head == h;
        }
    }

    /** Every matrix of the selected layers and heads, under its key. */
    public static List<TraceEntry> entries(ModelTrace trace, Selection selection) {
        List<TraceEntry> entries = new ArrayList<>();
        for (int l = 0; l < trace.layers().size(); l++) {
            if (!selection.layer(l)) {
                continue;
            }
            LayerTrace layer = trace.layers().get(l);
            String section = "Model: layer " + l;
            entries.add(HeadEntries.features("layers[" + l + "].blockInput", section, "input of block " + l, RESIDUAL,
                    layer.blockInput(), trace.tokens()));
            for (int h = 0; h < layer.heads().size(); h++) {
                if (selection.head(h)) {
                    entries.addAll(HeadEntries.of(layer.heads().get(h), trace.tokens(), HeadEntries.Labels.forModel(l, h)));
                }
            }
            entries.add(HeadEntries.features("layers[" + l + "].blockOutput", section, "output of block " + l, RESIDUAL,
                    layer.blockOutput(), trace.tokens()));
        }
        return entries;
    }


    public static ObjectNode json(ModelTrace trace, GptConfig config, Selection selection) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", TraceJson.SCHEMA_VERSION);
        root.set("config", MAPPER.valueToTree(config));
        ArrayNode tokens = root.putArray("tokens");
        trace.tokens().forEach(tokens::add);
        ArrayNode ids = root.putArray("ids");
        for (int id : trace.ids()) {
            ids.add(id);
        }
        ArrayNode spans = root.putArray("spans");
        for (int i = 0; i < trace.ids().length; i++) {
            spans.addArray().add(trace.spanStarts()[i]).add(trace.spanEnds()[i]);
        }
        root.put("truncated", trace.truncated());
        for (TraceEntry entry : entries(trace, selection)) {
            TraceJson.put(root, entry.key(), LessonJson.matrix(entry.matrix()));
        }
        for (int l = 0; l < trace.layers().size(); l++) {
            for (int h = 0; h < trace.layers().get(l).heads().size(); h++) {
                if (selection.layer(l) && selection.head(h)) {
                    HeadStats stats = HeadStats.of(trace.layers().get(l).heads().get(h).causalWeights());
                    TraceJson.put(root, "layers[" + l + "].heads[" + h + "].stats", MAPPER.valueToTree(stats));
                }
            }
        }
        ArrayNode candidates = root.putArray("candidates");
        for (List<Candidate> position : trace.candidates()) {
            ArrayNode list = candidates.addArray();
            position.forEach(c -> list.addObject().put("id", c.id()).put("text", c.text()).put("probability", c.probability()));
        }
        return root;
    }

    /** The tokens, a table of every head's statistics, the selected heads' steps, and the next-token candidates. */
    public static String text(ModelTrace trace, GptConfig config, Selection selection) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "model: vocab %d, context %d, emb %d, %d heads, %d layers%n", config.vocabSize(),
                config.contextLength(), config.embDim(), config.numHeads(), config.numLayers()));
        out.append(String.format(Locale.ROOT, "%d tokens%s:%n", trace.tokens().size(), trace.truncated() ? " (the text was cut to the context)" : ""));
        for (int i = 0; i < trace.tokens().size(); i++) {
            out.append(String.format(Locale.ROOT, "  %3d  id %6d  %s%n", i, trace.ids()[i], TokenLabels.quote(trace.tokens().get(i))));
        }
        out.append("\nheads (entropy in nats | largest weight | share on the first token | mean distance back):\n");
        for (int l = 0; l < trace.layers().size(); l++) {
            for (int h = 0; h < trace.layers().get(l).heads().size(); h++) {
                if (selection.layer(l) && selection.head(h)) {
                    HeadStats s = HeadStats.of(trace.layers().get(l).heads().get(h).causalWeights());
                    out.append(String.format(Locale.ROOT, "  layer %d head %d: %.3f | %.3f | %.3f | %.2f%n", l, h, s.entropy(),
                            s.maxWeight(), s.firstTokenShare(), s.meanDistance()));
                }
            }
        }
        if (selection.layer() >= 0 || selection.head() >= 0) {
            for (TraceEntry entry : entries(trace, selection)) {
                out.append('\n').append(entry.key()).append(": ").append(entry.title()).append(" (").append(entry.matrix().shape())
                        .append(")\n  ").append(entry.formula()).append('\n');
                out.append(MatrixText.format(entry.matrix(), entry.rowLabels(), entry.colLabels()));
            }
        } else {
            out.append("\n(give --layer and/or --head to print every step of those heads)\n");
        }
        out.append("\nmost probable next tokens:\n");
        for (int i = 0; i < trace.candidates().size(); i++) {
            StringBuilder line = new StringBuilder();
            for (Candidate c : trace.candidates().get(i)) {
                line.append(String.format(Locale.ROOT, "  %s %.3f", TokenLabels.quote(c.text()), c.probability()));
            }
            out.append(String.format(Locale.ROOT, "  after %3d %-12s%s%n", i, TokenLabels.quote(trace.tokens().get(i)), line));
        }
        return out.toString();
    }

    /** One CSV file per matrix of the selection, named after its key; returns the files. */
    public static List<Path> csv(ModelTrace trace, Selection selection, Path directory) throws IOException {
        return TraceCsv.write(entries(trace, selection), directory);
    }

    /** Head h of layer l, for callers that show one head. */
    public static HeadTrace head(ModelTrace trace, int layer, int head) {
        return trace.layers().get(layer).heads().get(head);
    }
}
