package org.attentionexplorer.ui.model;

import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.attentionexplorer.ui.lesson.LessonViewModel;
import org.attentionexplorer.ui.lesson.Source;

/**
 * The top bar's model controls: where the numbers come from (lesson | model), the text the model traces, the
 * layer and head steps 5 to 8 show, the model's status, and under them what to know about the text (cropped,
 * unknown characters, too short).
 */
public final class ModelBar extends VBox {
    private final ModelViewModel model;
    private final LessonViewModel lesson;
    private final ToggleButton fromLesson = new ToggleButton(Source.LESSON.label());
    private final ToggleButton fromModel = new ToggleButton(Source.MODEL.label());
    private final TextField text = new TextField();
    private final SpinnerValueFactory.IntegerSpinnerValueFactory layers = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 0);
    private final SpinnerValueFactory.IntegerSpinnerValueFactory heads = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 0);
    private final Label status = new Label();
    private final Label notice = new Label();
    // the spinners' values as objects, kept so their bidirectional bindings live as long as the bar
    private final ObjectProperty<Integer> layerValue;
    private final ObjectProperty<Integer> headValue;

    public ModelBar(ModelViewModel model, LessonViewModel lesson) {
        this.model = model;
        this.lesson = lesson;
        this.layerValue = model.layerProperty().asObject();
        this.headValue = model.headProperty().asObject();
        createView();
        initListeners();
    }

    /** The text field of the traced text (for focus, e.g. a shortcut). */
    public TextField textField() {
        return text;
    }

    private void createView() {
        getStyleClass().add("model-bar");
        setSpacing(4);
        ToggleGroup group = new ToggleGroup();
        fromLesson.setToggleGroup(group);
        fromModel.setToggleGroup(group);
        fromLesson.getStyleClass().addAll("source-lesson", "left-pill");
        fromModel.getStyleClass().addAll("source-model", "right-pill");
        fromModel.setId("source-model");
        text.setId("model-text");
        text.setPromptText("a text for the model to trace");
        text.setPrefColumnCount(32);
        HBox.setHgrow(text, Priority.ALWAYS);
        Spinner<Integer> layer = new Spinner<>(layers);
        Spinner<Integer> head = new Spinner<>(heads);
        layer.setId("model-layer");
        head.setId("model-head");
        layer.setPrefWidth(80);
        head.setPrefWidth(80);
        status.getStyleClass().add("model-status");
        notice.getStyleClass().add("model-notice");
        notice.setId("model-notice");
        notice.setWrapText(true);
        layer.setMinWidth(Region.USE_PREF_SIZE);
        head.setMinWidth(Region.USE_PREF_SIZE);
        HBox sources = new HBox(fromLesson, fromModel);
        sources.setMinWidth(Region.USE_PREF_SIZE);
        text.setMinWidth(160);
        HBox row = new HBox(8, fixed("Numbers from"), sources, fixed("Text"), text, fixed("Layer"), layer, fixed("Head"), head);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(row, status, notice);
    }

    /** A label that keeps its width when the bar is narrow (the text field shrinks instead). */
    private static Label fixed(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private void initListeners() {
        text.textProperty().bindBidirectional(model.textProperty());
        layers.maxProperty().bind(model.layerCountProperty().subtract(1).map(n -> Math.max(0, n.intValue())));
        heads.maxProperty().bind(model.headCountProperty().subtract(1).map(n -> Math.max(0, n.intValue())));
        layers.valueProperty().bindBidirectional(layerValue);
        heads.valueProperty().bindBidirectional(headValue);
        status.textProperty().bind(model.statusProperty());
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        fromModel.disableProperty().bind(model.stepsProperty().isNull());
        selectSource(lesson.sourceProperty().get());
        lesson.sourceProperty().addListener((o, was, is) -> selectSource(is));
        fromLesson.setOnAction(e -> {
            lesson.sourceProperty().set(Source.LESSON);
            selectSource(Source.LESSON);
        });
        fromModel.setOnAction(e -> {
            lesson.sourceProperty().set(Source.MODEL);
            selectSource(Source.MODEL);
        });
    }

    /** The toggles show the source (a click on the selected one does not unselect it). */
    private void selectSource(Source source) {
        fromLesson.setSelected(source == Source.LESSON);
        fromModel.setSelected(source == Source.MODEL);
    }
}
