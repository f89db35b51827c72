package org.attentionexplorer.ui.lesson;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.attentionexplorer.attention.LessonTrace;
import org.attentionexplorer.ui.heatmap.HeatmapView;

/**
 * One step of the walk-through: its title, formula and explanation (which a learner can hide), and its matrices
 * as heatmaps side by side. The heatmaps follow the selected query token of the view model.
 */
public final class StepView extends VBox {
    private final LessonViewModel model;
    private final Label title = new Label();
    private final Label formula = new Label();
    private final Label explanation = new Label();
    private final ToggleButton explain = new ToggleButton("Explain");
    private final FlowPane panels = new FlowPane(24, 24);

    public StepView(LessonViewModel model) {
        this.model = model;
        createView();
        initListeners();
        refresh();
    }

    private void createView() {
        getStyleClass().add("step-view");
        setSpacing(10);
        setPadding(new Insets(16));
        title.getStyleClass().add("step-title");
        formula.getStyleClass().add("step-formula");
        explanation.getStyleClass().add("step-explanation");
        explanation.setWrapText(true);
        explanation.setMaxWidth(900);
        explain.setSelected(true);
        explanation.visibleProperty().bind(explain.selectedProperty());
        explanation.managedProperty().bind(explain.selectedProperty());
        HBox header = new HBox(16, title, explain);
        getChildren().addAll(header, formula, explanation, panels);
    }

    private void initListeners() {
        model.stepProperty().addListener((o, was, is) -> refresh());
        model.traceProperty().addListener((o, was, is) -> refresh());
    }

    private void refresh() {
        Step step = model.stepProperty().get();
        title.setText(step.title());
        formula.setText(step.formula());
        explanation.setText(step.explanation());
        LessonTrace trace = model.traceProperty().get();
        panels.getChildren().clear();
        if (trace == null) {
            return;
        }
        List<StepContent.Panel> content = StepContent.panels(step, trace);
        for (StepContent.Panel panel : content) {
            panels.getChildren().add(card(panel));
        }
    }

    private VBox card(StepContent.Panel panel) {
        Label name = new Label(panel.key() + ": " + panel.title());
        name.getStyleClass().add("panel-title");
        Label how = new Label(panel.formula());
        how.getStyleClass().add("panel-formula");
        how.setWrapText(true);
        HeatmapView heatmap = new HeatmapView();
        heatmap.dataProperty().set(panel.data());
        int rows = panel.data().values().rows();
        int cols = panel.data().values().cols();
        double cell = Math.max(18, Math.min(44, 360.0 / Math.max(rows, cols)));
        heatmap.setPrefSize(cols * cell + 170, rows * cell + 70);
        heatmap.selectedRowProperty().bindBidirectional(model.selectedQueryProperty());
        VBox card = new VBox(4, name, how, heatmap);
        card.getStyleClass().add("panel");
        how.setMaxWidth(heatmap.getPrefWidth());
        return card;
    }
}
