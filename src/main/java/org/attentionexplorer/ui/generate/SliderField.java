package org.attentionexplorer.ui.generate;

import java.util.Locale;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A number as a slider with a text field beside it, both bound to one property. The field takes any number (the
 * view model says when one is out of range); text that is not a number is refused with a message naming the
 * setting, in {@link #problemProperty()}, and the value stays as it was.
 */
final class SliderField extends HBox {
    private final String name;
    private final Property<Number> value;
    private final boolean integer;
    private final int decimals;
    private final Slider slider;
    private final TextField field = new TextField();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private boolean updating;

    /**
     * @param name     the setting's name in messages ("Temperature")
     * @param decimals digits after the point in the field; 0 makes it an integer setting
     */
    SliderField(String name, double min, double max, int decimals, Property<Number> value) {
        this.name = name;
        this.value = value;
        this.integer = decimals == 0;
        this.decimals = decimals;
        this.slider = new Slider(min, max, value.getValue().doubleValue());
        createView();
        initListeners();
        show(value.getValue());
    }

    private void createView() {
        getStyleClass().add("slider-field");
        setSpacing(8);
        Label label = new Label(name);
        label.getStyleClass().add("setting-name");
        label.setMinWidth(USE_PREF_SIZE);
        label.setPrefWidth(110);
        slider.setBlockIncrement(integer ? 1 : Math.pow(10, -decimals) * 5);
        slider.setMajorTickUnit(integer ? 1 : Math.pow(10, -decimals));
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setPrefWidth(140);
        HBox.setHgrow(slider, Priority.ALWAYS);
        field.setPrefColumnCount(5);
        field.setAccessibleText(name);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(label, slider, field);
    }

    private void initListeners() {
        value.addListener((obs, old, now) -> {
            problem.set("");
            show(now);
        });
        slider.valueProperty().addListener((obs, old, now) -> {
            if (!updating) {
                set(integer ? (Number) (int) Math.round(now.doubleValue()) : round(now.doubleValue()));
            }
        });
        field.setOnAction(e -> commitText());
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                commitText();
            }
        });
    }

    /** Why the typed text was refused ("" when it was taken). */
    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    TextField field() {
        return field;
    }

    Slider slider() {
        return slider;
    }

    /** A new upper end for the slider (top-k follows the vocabulary); the value is not changed. */
    void setMax(double max) {
        updating = true;
        slider.setMax(max);
        slider.setValue(value.getValue().doubleValue());
        updating = false;
    }

    private void commitText() {
        String text = field.getText().trim();
        try {
            Number parsed = integer ? (Number) Integer.parseInt(text) : (Number) Double.parseDouble(text);
            if (!integer && !Double.isFinite(parsed.doubleValue())) {
                throw new NumberFormatException();
            }
            problem.set("");
            set(parsed);
            show(value.getValue());
        } catch (NumberFormatException e) {
            problem.set(name + ": \"" + text + "\" is not " + (integer ? "a whole number" : "a number")
                    + "; it stays " + format(value.getValue()) + ".");
        }
    }

    private void set(Number number) {
        if (integer) {
            value.setValue(number.intValue());
        } else {
            value.setValue(number.doubleValue());
        }
    }

    private void show(Number number) {
        updating = true;
        slider.setValue(number.doubleValue());
        field.setText(format(number));
        updating = false;
    }

    private String format(Number number) {
        return integer ? Integer.toString(number.intValue()) : String.format(Locale.ROOT, "%." + decimals + "f", number.doubleValue());
    }

    private double round(double x) {
        double scale = Math.pow(10, decimals);
        return Math.round(x * scale) / scale;
    }
}
