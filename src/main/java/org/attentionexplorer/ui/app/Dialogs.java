package org.attentionexplorer.ui.app;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;

/** The app's dialogs: one look for every error and question, owned by the window of the node that asks. */
public final class Dialogs {
    private Dialogs() {
    }

    /** An error: {@code header} says what failed, {@code text} what is wrong and what to do. Waits for OK. */
    public static void error(Node owner, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        prepare(alert, owner, "Attention Explorer", header, text);
        alert.showAndWait();
    }

    /** A yes/no question; true when the user chose {@code yes}. */
    public static boolean confirm(Node owner, String header, String text, String yes) {
        ButtonType accept = new ButtonType(yes, javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", accept, ButtonType.CANCEL);
        prepare(alert, owner, "Attention Explorer", header, text);
        return alert.showAndWait().filter(accept::equals).isPresent();
    }

    private static void prepare(Alert alert, Node owner, String title, String header, String text) {
        alert.setTitle(title);
        alert.setHeaderText(header);
        Label content = new Label(text);
        content.setWrapText(true);
        content.setMaxWidth(520);
        alert.getDialogPane().setContent(content);
        if (owner != null && owner.getScene() != null) {
            alert.initOwner(owner.getScene().getWindow());
        }
    }
}
