package org.attentionexplorer.ui.lesson;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.converter.DefaultStringConverter;
import org.attentionexplorer.attention.AttentionModule;
import org.attentionexplorer.attention.Lesson;

/**
 * Edits the lesson in place: the module, d_out and heads, the tokens (rename, add, remove) and every value of the
 * input embeddings X. Each change goes through {@link LessonViewModel}, which validates it, keeps the lesson as it
 * was when a change is refused (saying why), and recomputes every view in the background.
 */
public final class LessonEditor extends VBox {
    private final LessonViewModel model;
    private final ComboBox<AttentionModule> module = new ComboBox<>(FXCollections.observableArrayList(AttentionModule.values()));
    private final Spinner<Integer> dOut = new Spinner<>(1, Lesson.MAX_WIDTH, 2);
    private final Spinner<Integer> heads = new Spinner<>(1, Lesson.MAX_HEADS, 1);
    private final TableView<Integer> table = new TableView<>();
    private final TextField newToken = new TextField();
    private final Label error = new Label();
    private final Label inputError = new Label();
    private boolean updating;

    public LessonEditor(LessonViewModel model) {
        this.model = model;
        createView();
        initListeners();
        show(model.lesson());
    }

    private void createView() {
        getStyleClass().add("lesson-editor");
        setSpacing(8);
        setPadding(new Insets(10));
        Label title = new Label("Edit the lesson");
        title.getStyleClass().add("editor-title");
        dOut.setEditable(true);
        heads.setEditable(true);
        dOut.setPrefWidth(90);
        heads.setPrefWidth(90);
        GridPane shape = new GridPane();
        shape.setHgap(8);
        shape.setVgap(6);
        shape.addRow(0, new Label("Module"), module);
        shape.addRow(1, new Label("d_out"), dOut);
        shape.addRow(2, new Label("Heads"), heads);
        Label dOutHint = new Label("d_out sets d_k, the width of queries and keys: try 2, then 64, and watch "
                + "the weights without scaling saturate in step 5.");
        dOutHint.setWrapText(true);
        dOutHint.getStyleClass().add("editor-hint");

        table.setEditable(true);
        table.setPrefHeight(260);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        VBox.setVgrow(table, Priority.ALWAYS);

        newToken.setPromptText("new token");
        Button add = new Button("Add token");
        add.setOnAction(e -> addToken());
        newToken.setOnAction(e -> addToken());
        Button remove = new Button("Remove selected");
        remove.setOnAction(e -> {
            Integer row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                model.removeToken(row);
            }
        });
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        HBox tokens = new HBox(6, newToken, add, remove);
        HBox.setHgrow(newToken, Priority.ALWAYS);

        for (Label message : List.of(error, inputError)) {
            message.getStyleClass().add("editor-error");
            message.setWrapText(true);
        }
        Label tableHint = new Label("Double-click a cell to edit it; Enter applies.");
        tableHint.getStyleClass().add("editor-hint");
        getChildren().addAll(title, shape, dOutHint, new Label("Tokens and embeddings X"), table, tableHint, tokens, inputError, error);
        setPrefWidth(380);
    }

    private void initListeners() {
        model.lessonProperty().addListener((o, was, is) -> show(is));
        error.textProperty().bind(model.errorProperty());
        module.valueProperty().addListener((o, was, is) -> applyShape());
        dOut.valueProperty().addListener((o, was, is) -> applyShape());
        heads.valueProperty().addListener((o, was, is) -> applyShape());
    }

    private void applyShape() {
        if (updating || module.getValue() == null) {
            return;
        }
        model.setShape(module.getValue(), dOut.getValue(), heads.getValue());
        if (!model.errorProperty().get().isEmpty()) {
            show(model.lesson()); // refused: the controls go back to the lesson's values
        }
    }

    private void addToken() {
        String text = newToken.getText();
        if (text == null || text.isBlank()) {
            return;
        }
        model.addToken(text.strip());
        newToken.clear();
    }

    /** Shows the lesson's values without sending them back as edits. */
    private void show(Lesson lesson) {
        updating = true;
        try {
            module.setValue(lesson.module());
            dOut.getValueFactory().setValue(lesson.dOut());
            heads.getValueFactory().setValue(lesson.numHeads());
            heads.setDisable(!lesson.module().isMultiHead());
            rebuildTable(lesson);
        } finally {
            updating = false;
        }
    }

    private void rebuildTable(Lesson lesson) {
        List<TableColumn<Integer, String>> columns = new java.util.ArrayList<>();
        TableColumn<Integer, String> token = new TableColumn<>("token");
        token.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(lesson.tokens().get(row.getValue())));
        token.setCellFactory(TextFieldTableCell.forTableColumn(new DefaultStringConverter()));
        token.setOnEditCommit(edit -> model.renameToken(edit.getRowValue(), edit.getNewValue()));
        token.setPrefWidth(90);
        columns.add(token);
        for (int d = 0; d < lesson.dIn(); d++) {
            int dimension = d;
            TableColumn<Integer, String> column = new TableColumn<>("x" + d);
            column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(
                    String.format(Locale.ROOT, "%.4g", lesson.embeddings().get(row.getValue(), dimension))));
            column.setCellFactory(TextFieldTableCell.forTableColumn(new DefaultStringConverter()));
            column.setOnEditCommit(edit -> setValue(edit.getRowValue(), dimension, edit.getNewValue()));
            column.setPrefWidth(70);
            columns.add(column);
        }
        Integer selected = table.getSelectionModel().getSelectedItem();
        table.getColumns().setAll(columns);
        table.getItems().setAll(IntStream.range(0, lesson.tokenCount()).boxed().toList());
        if (selected != null && selected < lesson.tokenCount()) {
            table.getSelectionModel().select(selected);
        }
    }

    private void setValue(int row, int dimension, String text) {
        try {
            double value = Double.parseDouble(text.strip());
            inputError.setText("");
            model.setEmbedding(row, dimension, value);
        } catch (NumberFormatException e) {
            inputError.setText("x" + dimension + " of token " + (row + 1) + ": \"" + text + "\" is not a number; the value is unchanged");
            table.refresh();
            return;
        }
    }
}
