package org.attentionexplorer.ui.model;

import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.attentionexplorer.attention.HeadStats;
import org.attentionexplorer.ui.heatmap.HeatmapPainter;
import org.attentionexplorer.ui.heatmap.HeatmapStyle;
import org.attentionexplorer.ui.lesson.LessonViewModel;
import org.attentionexplorer.ui.lesson.Source;

/**
 * Step 9: every layer x head of the model for the traced text, as thumbnails of their attention weights with
 * four statistics under each. Hovering a head explains its numbers in the line above the grid (and in a tooltip);
 * clicking it opens that head in step 5 with the model's numbers.
 */
public final class ModelGridView extends VBox {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    /** Thumbnails narrower than this (px) are drawn without their numbers under them (they would not fit). */
    static final double COMPACT_BELOW = 110;

    private final ModelViewModel model;
    private final LessonViewModel lesson;
    private final Label hint = new Label();
    private final Label hover = new Label();
    private final GridPane grid = new GridPane();

    public ModelGridView(ModelViewModel model, LessonViewModel lesson) {
        this.model = model;
        this.lesson = lesson;
        createView();
        initListeners();
        refresh();
    }

    /** The hover line: what the head under the pointer does, or the hint when none is. */
    public Label hoverLabel() {
        return hover;
    }

    private void createView() {
        getStyleClass().add("model-grid");
        setSpacing(10);
        hint.getStyleClass().add("model-grid-hint");
        hover.getStyleClass().add("model-grid-hover");
        hover.setId("model-grid-hover");
        hover.setWrapText(true);
        grid.setHgap(14);
        grid.setVgap(14);
        getChildren().addAll(hint, hover, grid);
    }

    private void initListeners() {
        model.gridProperty().addListener((o, was, is) -> refresh());
        model.stepsProperty().addListener((o, was, is) -> markSelected());
        lesson.sourceProperty().addListener((o, was, is) -> markSelected());
    }

    private void refresh() {
        grid.getChildren().clear();
        List<HeadThumbnail> heads = model.gridProperty().get();
        if (heads.isEmpty()) {
            hint.setText(model.modelNameProperty().get().isEmpty() ? "No model is open yet (the bundled one may still be loading)."
                    : "The model has not traced a text yet: type one in the top bar.");
            hover.setText("");
            return;
        }
        int tokens = heads.get(0).heatmap().rows();
        hint.setText("Each thumbnail is one head's attention weights for the " + tokens + " tokens of your text (rows: queries,"
                + " columns: keys). Under it: entropy (0 = all weight on one token, ln " + tokens + " = "
                + format(Math.log(tokens)) + " = spread evenly), the largest weight, the share on the first token, and how"
                + " many tokens back it looks. Click a head to open it in step 5.");
        hover.setText(" ");
        int headCount = (int) heads.stream().filter(t -> t.layer() == 0).count();
        int layerCount = heads.size() / headCount;
        // the grid, its gaps and the layer labels fit in about 900 px each way (GPT-2's 12 x 12 heads too)
        // each column is the thumbnail, its padding and border (12 px) and the gap; narrow ones get a smaller gap
        double size = Math.max(48, Math.min(150, Math.min((840.0 - 26 * headCount) / headCount, 900.0 / layerCount)));
        boolean compact = size < COMPACT_BELOW;
        if (compact) {
            size = Math.max(48, (840.0 - 18 * headCount) / headCount);
        }
        grid.setHgap(compact ? 6 : 14);
        grid.setVgap(compact ? 6 : 14);
        if (compact) {
            hint.setText(hint.getText() + " With this many heads the numbers are not written under the thumbnails: hover one to see them.");
        }
        for (int h = 0; h < headCount; h++) {
            Label column = new Label(compact ? "h" + h : "head " + h);
            column.setMinWidth(Region.USE_PREF_SIZE);
            column.getStyleClass().add("model-grid-axis");
            grid.add(column, h + 1, 0);
        }
        for (HeadThumbnail head : heads) {
            if (head.head() == 0) {
                Label row = new Label("layer " + head.layer());
                row.getStyleClass().add("model-grid-axis");
                row.setMinWidth(Region.USE_PREF_SIZE); // never "..."
                grid.add(row, 0, head.layer() + 1);
            }
            grid.add(cell(head, size, compact), head.head() + 1, head.layer() + 1);
        }
        markSelected();
    }

    private VBox cell(HeadThumbnail head, double size, boolean compact) {
        Canvas canvas = new Canvas(size, size);
        HeatmapPainter painter = new HeatmapPainter(HeatmapStyle.THUMBNAIL);
        painter.paint(canvas.getGraphicsContext2D(), head.heatmap(), painter.layout(head.heatmap(), size, size, 1, 0, 0), -1);
        HeadStats s = head.stats();
        Label stats = new Label("entropy " + format(s.entropy()) + "   max " + format(s.maxWeight()) + "\nfirst "
                + percent(s.firstTokenShare()) + "   back " + String.format(Locale.ROOT, "%.1f", s.meanDistance()));
        stats.getStyleClass().add("head-stats");
        // narrow thumbnails (GPT-2's 12 heads) leave the numbers to the hover line and the tooltip
        stats.setVisible(!compact);
        stats.setManaged(!compact);
        VBox cell = new VBox(4, canvas, stats);
        cell.setAlignment(Pos.TOP_CENTER);
        cell.getStyleClass().add("head-thumbnail");
        cell.setId("head-" + head.layer() + "-" + head.head());
        cell.setUserData(head);
        String explained = explain(head);
        Tooltip tooltip = new Tooltip(explained);
        tooltip.setShowDelay(Duration.millis(300));
        Tooltip.install(cell, tooltip);
        cell.setOnMouseEntered(e -> hover.setText(explained));
        cell.setOnMouseExited(e -> hover.setText(" "));
        cell.setOnMouseClicked(e -> model.openHead(head.layer(), head.head()));
        return cell;
    }

    /** The head steps 5 to 8 show when the source is the model, outlined. */
    private void markSelected() {
        var shown = model.stepsProperty().get();
        for (var node : grid.getChildren()) {
            if (node.getUserData() instanceof HeadThumbnail head) {
                boolean selected = shown != null && lesson.sourceProperty().get() == Source.MODEL
                        && head.layer() == shown.layer() && head.head() == shown.head();
                node.pseudoClassStateChanged(SELECTED, selected);
            }
        }
    }

    /** A sentence on each statistic of a head, for the hover line. */
    static String explain(HeadThumbnail head) {
        HeadStats s = head.stats();
        return "Layer " + head.layer() + ", head " + head.head() + ": entropy " + format(s.entropy()) + " nats"
                + (s.entropy() < 0.5 ? " (sharp: most weight on one token)" : s.entropy() > 1.5 ? " (spread over many tokens)" : "")
                + "; largest weight " + format(s.maxWeight()) + " on average; the first token gets " + percent(s.firstTokenShare())
                + " of the attention; it looks " + String.format(Locale.ROOT, "%.1f", s.meanDistance())
                + " tokens back on average. Click to open it in step 5.";
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}
