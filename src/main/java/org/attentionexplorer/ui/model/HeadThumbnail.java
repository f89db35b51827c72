package org.attentionexplorer.ui.model;

import org.attentionexplorer.attention.HeadStats;
import org.attentionexplorer.ui.heatmap.PreparedHeatmap;
import org.attentionexplorer.ui.lesson.StepContent;

/**
 * One head in step 9's grid: its weights, coloured in the background so the grid only copies pixels, and its
 * statistics.
 *
 * @param thumbnail the head's layer, index, weights and statistics
 * @param heatmap   the weights ready to draw
 */
public record HeadThumbnail(StepContent.Thumbnail thumbnail, PreparedHeatmap heatmap) {
    public int layer() {
        return thumbnail.layer();
    }

    public int head() {
        return thumbnail.head();
    }

    public HeadStats stats() {
        return thumbnail.stats();
    }
}
