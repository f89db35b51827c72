package org.attentionexplorer.ui.train;

import java.util.Locale;
import org.attentionexplorer.attention.HeadTrace;
import org.attentionexplorer.model.ModelTrace;
import org.attentionexplorer.text.TokenLabels;
import org.attentionexplorer.ui.heatmap.HeatmapData;
import org.attentionexplorer.ui.heatmap.Scale;

/** The attention weights of one head of a probe trace, as heatmap data: queries down the side, keys along the top. */
public final class ProbeHeatmap {
    private ProbeHeatmap() {
    }

    /** The causal attention weights in use (evaluation mode) of {@code layer}, {@code head}, clamped to the trace's. */
    public static HeatmapData of(ModelTrace trace, int layer, int head) {
        int l = Math.max(0, Math.min(layer, trace.layers().size() - 1));
        var heads = trace.layers().get(l).heads();
        int h = Math.max(0, Math.min(head, heads.size() - 1));
        HeadTrace chosen = heads.get(h);
        var tokens = trace.tokens();
        return new HeatmapData(chosen.causalWeights(), tokens, tokens, Scale.SEQUENTIAL, (row, col, value) -> col > row
                ? TokenLabels.escape(tokens.get(col)) + " comes after " + TokenLabels.escape(tokens.get(row)) + ": masked"
                : String.format(Locale.ROOT, "layer %d, head %d: weight of %s for query %s = %.4f", l, h,
                        TokenLabels.escape(tokens.get(col)), TokenLabels.escape(tokens.get(row)), value));
    }
}
