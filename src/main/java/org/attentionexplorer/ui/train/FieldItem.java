package org.attentionexplorer.ui.train;

import java.util.Optional;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/** A field of the {@link TrainingForm} as an item of a ControlsFX property sheet (which picks the editor by type). */
final class FieldItem<T> implements PropertySheet.Item {
    private final TrainingForm.Field<T> field;

    FieldItem(TrainingForm.Field<T> field) {
        this.field = field;
    }

    @Override
    public Class<?> getType() {
        return field.type();
    }

    @Override
    public String getCategory() {
        return field.category();
    }

    @Override
    public String getName() {
        return field.label();
    }

    @Override
    public String getDescription() {
        return field.description();
    }

    @Override
    public Object getValue() {
        return field.property().get();
    }

    /** The numeric editor hands back any Number; it is converted to the field's own type. */
    @Override
    public void setValue(Object value) {
        Object converted = value;
        if (value instanceof Number n) {
            if (field.type() == Integer.class) {
                converted = n.intValue();
            } else if (field.type() == Long.class) {
                converted = n.longValue();
            } else if (field.type() == Double.class) {
                converted = n.doubleValue();
            }
        }
        field.property().set(converted == null ? null : field.type().cast(converted));
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.of(field.property());
    }
}
