package org.attentionexplorer.ui.heatmap;

import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.attentionexplorer.math.Matrix;

/**
 * A throwaway window to look at the heatmap: the book's six tokens "Your journey starts with one step", their
 * attention weights softmax(X X^T) (section 3.3) beside the causal masked scores, selection shared.
 * Options: {@code --hover ROW COL} moves a synthetic pointer over a cell of the weights, {@code --select ROW},
 * {@code --tokens N} shows N x N random causal weights on the right instead, {@code --zoom Z} zooms the right
 * view, {@code --exit-after SECONDS}.
 */
public final class HeatmapDemo {
    static final List<String> TOKENS = List.of("Your", "journey", "starts", "with", "one", "step");
    /** The book's input embeddings (6, 3). */
    static final double[][] INPUTS = {
        {0.43, 0.15, 0.89}, {0.55, 0.87, 0.66}, {0.57, 0.85, 0.64}, {0.22, 0.58, 0.33}, {0.77, 0.25, 0.10}, {0.05, 0.80, 0.55}};

    private HeatmapDemo() {
    }

    /** The launcher's class must not extend Application, or a class-path launch refuses to start. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The demo window. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            double[][] scores = new double[6][6];
            double[][] weights = new double[6][6];
            double[][] masked = new double[6][6];
            for (int i = 0; i < 6; i++) {
                double sum = 0;
                for (int j = 0; j < 6; j++) {
                    for (int k = 0; k < 3; k++) {
                        scores[i][j] += INPUTS[i][k] * INPUTS[j][k];
                    }
                    masked[i][j] = j > i ? Double.NEGATIVE_INFINITY : scores[i][j];
                    sum += Math.exp(scores[i][j]);
                }
                for (int j = 0; j < 6; j++) {
                    weights[i][j] = Math.exp(scores[i][j]) / sum;
                }
            }
            HeatmapData weightData = new HeatmapData(Matrix.of(weights), TOKENS, TOKENS, Scale.SEQUENTIAL,
                    (r, c, v) -> String.format(Locale.ROOT, "softmax(x%d · x(j))[%d] = %.4f", r + 1, c + 1, v));
            HeatmapData maskedData = HeatmapData.of(Matrix.of(masked), TOKENS, TOKENS, Scale.DIVERGING);

            List<String> args = getParameters().getRaw();
            int many = args.indexOf("--tokens");
            HeatmapView left = new HeatmapView(weightData);
            HeatmapView right = new HeatmapView(many >= 0 ? causalWeights(Integer.parseInt(args.get(many + 1))) : maskedData);
            int zoom = args.indexOf("--zoom");
            if (zoom >= 0) {
                right.setZoom(Double.parseDouble(args.get(zoom + 1)));
            }
            right.selectedRowProperty().bindBidirectional(left.selectedRowProperty());
            Label status = new Label();
            status.textProperty().bind(left.hoverTextProperty().concat(right.hoverTextProperty()));
            HBox.setHgrow(left, Priority.ALWAYS);
            HBox.setHgrow(right, Priority.ALWAYS);
            BorderPane root = new BorderPane(new HBox(16, titled("attention weights: softmax(X X^T)", left),
                    titled(many >= 0 ? "random causal weights" : "masked scores: X X^T, -inf above the diagonal", right)));
            root.setBottom(status);
            root.setPadding(new Insets(12));
            root.setStyle("-fx-font-size: 15px; -fx-background-color: white;");
            stage.setScene(new Scene(root, 1260, 620));
            stage.setTitle("Heatmap demo");
            stage.show();

            int select = args.indexOf("--select");
            if (select >= 0) {
                left.setSelectedRow(Integer.parseInt(args.get(select + 1)));
            }
            int hover = args.indexOf("--hover");
            if (hover >= 0) {
                int row = Integer.parseInt(args.get(hover + 1));
                int col = Integer.parseInt(args.get(hover + 2));
                PauseTransition later = new PauseTransition(Duration.seconds(1));
                later.setOnFinished(e -> {
                    HeatmapLayout l = left.getLayout();
                    double x = l.cellX(col) + l.cellSize() / 2;
                    double y = l.cellY(row) + l.cellSize() / 2;
                    Event.fireEvent(left, new MouseEvent(MouseEvent.MOUSE_MOVED, x, y, 0, 0, MouseButton.NONE, 0,
                            false, false, false, false, false, false, false, false, false, false, null));
                });
                later.play();
            }
            int exit = args.indexOf("--exit-after");
            if (exit >= 0) {
                PauseTransition later = new PauseTransition(Duration.seconds(Double.parseDouble(args.get(exit + 1))));
                later.setOnFinished(e -> Platform.exit());
                later.play();
            }
        }

    }

    /** Random causal attention weights of n tokens with long labels, to look at rotated, cut and thinned-out labels. */
    private static HeatmapData causalWeights(int n) {
        java.util.Random random = new java.util.Random(7);
        double[] values = new double[n * n];
        for (int r = 0; r < n; r++) {
            double sum = 0;
            for (int c = 0; c <= r; c++) {
                values[r * n + c] = Math.exp(2 * random.nextGaussian());
                sum += values[r * n + c];
            }
            for (int c = 0; c <= r; c++) {
                values[r * n + c] /= sum;
            }
        }
        List<String> labels = java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> i % 5 == 0 ? " extraordinarily_long_token_" + i : "tok" + i).toList();
        return HeatmapData.of(Matrix.ofRowMajor(n, n, values), labels, labels, Scale.SEQUENTIAL);
    }

    private static VBox titled(String title, HeatmapView view) {
        Label label = new Label(title);
        label.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        VBox.setVgrow(view, Priority.ALWAYS);
        VBox box = new VBox(8, label, view);
        // the two halves share the width evenly, whatever each view would prefer
        box.setPrefWidth(0);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }
}
