package org.attentionexplorer.ui.generate;

import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.attentionexplorer.model.Candidate;
import org.attentionexplorer.text.TokenLabels;

/**
 * The candidates of one generation step as horizontal bars, most probable first: the token, a bar as long as its
 * probability (the whole track is 100%) and the percentage. The chosen token's row is highlighted; when sampling
 * chose a token outside the listed candidates, it gets a row of its own below them.
 */
final class CandidateBars extends VBox {
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final GridPane rows = new GridPane();

    CandidateBars() {
        createView();
        show(null);
    }

    private void createView() {
        getStyleClass().add("candidate-bars");
        setSpacing(6);
        title.getStyleClass().add("bars-title");
        subtitle.getStyleClass().add("bars-subtitle");
        subtitle.setWrapText(true);
        rows.getStyleClass().add("bars-grid");
        rows.setHgap(10);
        rows.setVgap(4);
        ColumnConstraints token = new ColumnConstraints();
        token.setHalignment(HPos.RIGHT);
        token.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints bar = new ColumnConstraints();
        bar.setHgrow(Priority.ALWAYS);
        bar.setMinWidth(120);
        ColumnConstraints value = new ColumnConstraints();
        value.setMinWidth(Region.USE_PREF_SIZE);
        value.setHalignment(HPos.RIGHT);
        rows.getColumnConstraints().addAll(token, bar, value);
        getChildren().addAll(title, subtitle, rows);
    }

    /** Shows this token's step, or a hint when {@code token} is null. */
    void show(GeneratedToken token) {
        rows.getChildren().clear();
        if (token == null) {
            title.setText("Candidates");
            subtitle.setText("Click a generated token to see the tokens the model chose it from, with their probabilities.");
            return;
        }
        title.setText("Token " + (token.index() + 1) + ": " + TokenLabels.quote(token.text()) + " chosen with p = "
                + percent(token.probability()));
        subtitle.setText("The " + token.candidates().size() + " most probable next tokens after "
                + TokenLabels.quote(tail(token.textUpTo(), token.text().length())) + ", after temperature, top-k and top-p:");
        int row = 0;
        for (Candidate candidate : token.candidates()) {
            addRow(row++, candidate, candidate.id() == token.step().id());
        }
        if (!token.chosenInCandidates()) {
            Label outside = new Label("chosen, though outside the top " + token.candidates().size() + ":");
            outside.getStyleClass().add("bars-subtitle");
            rows.add(outside, 0, row++, 3, 1);
            addRow(row, new Candidate(token.step().id(), token.text(), token.probability()), true);
        }
    }

    private void addRow(int row, Candidate candidate, boolean chosen) {
        Label name = new Label(TokenLabels.quote(candidate.text()));
        name.getStyleClass().add("bar-token");
        Region bar = new Region();
        bar.getStyleClass().add("bar");
        StackPane track = new StackPane(bar);
        track.getStyleClass().add("bar-track");
        track.setAlignment(Pos.CENTER_LEFT);
        bar.maxWidthProperty().bind(track.widthProperty().multiply(candidate.probability()));
        bar.setMinWidth(0);
        bar.setPrefWidth(Region.USE_COMPUTED_SIZE);
        Label value = new Label(candidate.probability() == 0 ? "0 (cut)" : percent(candidate.probability()));
        value.getStyleClass().add("bar-value");
        if (chosen) {
            name.getStyleClass().add("chosen");
            bar.getStyleClass().add("chosen");
            value.getStyleClass().add("chosen");
        }
        rows.addRow(row, name, track, value);
    }

    /** The text before the token, at most its last 24 characters. */
    private static String tail(String textUpTo, int tokenLength) {
        String before = textUpTo.substring(0, Math.max(0, textUpTo.length() - tokenLength));
        return before.length() <= 24 ? before : "..." + before.substring(before.length() - 24);
    }

    static String percent(double p) {
        if (p > 0 && p < 0.001) {
            return "<0.1%";
        }
        return String.format(Locale.ROOT, "%.1f%%", p * 100);
    }
}
