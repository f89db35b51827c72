package org.attentionexplorer.ui.lesson;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.attentionexplorer.attention.LessonTrace;
import org.attentionexplorer.ui.heatmap.HeatmapView;

/**
 * One step of the walk-through: its title, formula and explanation (which a learner can hide), and its matrices
 * as heatmaps side by side. The heatmaps follow the selected query token of the view model. Steps 1 to 8 show
 * the lesson's numbers or, when the source is the model, the trained model's for the traced text and chosen head;
 * a line under the formula says which. Step 9 shows the node given to {@link #setStepNineView(Node)}.
 */
public final class StepView extends VBox {
    private final LessonViewModel model;
    private final Label title = new Label();
    private final Label formula = new Label();
    private final Label explanation = new Label();
    private final ToggleButton explain = new ToggleButton("Explain");
    private final Label source = new Label();
    private final FlowPane panels = new FlowPane(24, 24);
    private final StackPane stepNine = new StackPane();

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
        source.getStyleClass().add("step-source");
        source.setWrapText(true);
        HBox header = new HBox(16, title, explain);
        getChildren().addAll(header, formula, explanation, source, panels, stepNine);
        stepNine.getChildren().add(new Label("Open a trained model to look inside it."));
    }

    /** The view of step 9 (the grid of every head of the model), shown under the step's header. */
    public void setStepNineView(Node view) {
        stepNine.getChildren().setAll(view);
    }

    private void initListeners() {
        model.stepProperty().addListener((o, was, is) -> refresh());
        model.traceProperty().addListener((o, was, is) -> refresh());
        model.sourceProperty().addListener((o, was, is) -> refresh());
        model.modelStepsProperty().addListener((o, was, is) -> refresh());
    }

    private void refresh() {
        Step step = model.stepProperty().get();
        title.setText(step.title());
        formula.setText(step.formula());
        explanation.setText(step.hint().isEmpty() ? step.explanation() : step.explanation() + " " + step.hint());
        boolean nine = step == Step.MODEL;
        show(stepNine, nine);
        show(panels, !nine);
        show(source, !nine);
        panels.getChildren().clear();
        if (nine) {
            return;
        }
        List<StepContent.Panel> content;
        ModelSteps steps = model.modelStepsProperty().get();
        if (model.showsModel()) {
            source.setText("Numbers from the trained model: layer " + steps.layer() + ", head " + steps.head() + ", for the "
                    + steps.trace().tokens().size() + " tokens of the text in the top bar.");
            content = StepContent.panels(step, steps);
        } else {
            LessonTrace trace = model.traceProperty().get();
            source.setText((model.sourceProperty().get() == Source.MODEL ? "No model is open yet: numbers from the lesson \""
                    : "Numbers from the lesson \"") + model.lesson().name() + "\".");
            if (trace == null) {
                return;
            }
            content = StepContent.panels(step, trace);
        }
        for (StepContent.Panel panel : content) {
            panels.getChildren().add(card(panel));
        }
        if (step == Step.QKV) {
            whatIf(content);
        }
    }

    /** Step 5's control: the head's scores stretched as if it were d wide, with or without dividing by sqrt(d). */
    private void whatIf(List<StepContent.Panel> content) {
        StepContent.Panel scores = content.stream().filter(p -> isKey(p, "attnScores")).findFirst().orElse(null);
        StepContent.Panel keys = content.stream().filter(p -> isKey(p, "keys")).findFirst().orElse(null);
        if (scores == null || keys == null) {
            return;
        }
        int dK = keys.data().cols();
        int chosen = model.whatIfWidthProperty().get();
        Slider width = new Slider(0, Saturation.MAX_EXPONENT, Math.round(Math.log(chosen > 0 ? chosen : dK) / Math.log(2)));
        width.setId("what-if-width");
        width.setMajorTickUnit(1);
        width.setMinorTickCount(0);
        width.setSnapToTicks(true);
        width.setShowTickMarks(true);
        width.setPrefWidth(260);
        CheckBox scaled = new CheckBox("divide by sqrt(d)");
        scaled.setId("what-if-scaled");
        scaled.setSelected(model.whatIfScaledProperty().get());
        Label now = new Label();
        now.setMinWidth(130);
        HBox controls = new HBox(10, new Label("What if the head were wider?  d ="), width, now, scaled);
        controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label why = new Label();
        why.getStyleClass().add("panel-formula");
        why.setWrapText(true);
        why.setMaxWidth(900);
        StackPane shown = new StackPane();
        Runnable update = () -> {
            int d = model.whatIfWidthProperty().get() > 0 ? model.whatIfWidthProperty().get() : dK;
            now.setText("d = " + d + (d == dK ? " (this head)" : ""));
            why.setText("A dot product of d numbers grows like sqrt(d): the scores are stretched as a " + d
                    + "-wide head's would be. Without dividing by sqrt(d), softmax saturates as d grows: each row puts nearly"
                    + " all its weight on one token. Divided by sqrt(d), the weights stay this head's whatever d.");
            shown.getChildren().setAll(card(Saturation.widened(scores, dK, d, model.whatIfScaledProperty().get())));
        };
        width.valueProperty().addListener((o, was, is) -> {
            int d = 1 << (int) Math.round(is.doubleValue());
            if (d != model.whatIfWidthProperty().get()) {
                model.whatIfWidthProperty().set(d);
                update.run();
            }
        });
        scaled.selectedProperty().addListener((o, was, is) -> {
            model.whatIfScaledProperty().set(is);
            update.run();
        });
        update.run();
        VBox box = new VBox(6, controls, why, shown);
        box.getStyleClass().add("what-if");
        panels.getChildren().add(box);
    }

    private static boolean isKey(StepContent.Panel panel, String name) {
        return panel.key().equals(name) || panel.key().endsWith("." + name);
    }

    private static void show(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
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
        // large enough to read at lesson sizes, shrinking (the heatmap zooms) so a long text still fits a screen
        double cell = Math.max(Math.min(18, 720.0 / Math.max(rows, cols)), Math.min(44, 360.0 / Math.max(rows, cols)));
        heatmap.setPrefSize(cols * cell + 170, rows * cell + 70);
        heatmap.selectedRowProperty().bindBidirectional(model.selectedQueryProperty());
        VBox card = new VBox(4, name, how, heatmap);
        card.getStyleClass().add("panel");
        how.setMaxWidth(heatmap.getPrefWidth());
        return card;
    }
}
