package org.attentionexplorer.ui.app;

import javafx.application.Application;

/** Starts the desktop application (a main class that does not extend Application, so it runs from the classpath). */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(AttentionExplorerApp.class, args);
    }
}
