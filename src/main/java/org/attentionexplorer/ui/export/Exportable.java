package org.attentionexplorer.ui.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.scene.image.Image;

/**
 * A picture with its numbers that can be copied and saved: a heatmap, a chart. {@link ExportActions} calls its
 * methods on the FX thread when a command starts; each takes from the picture what it needs (immutable data, or a
 * chart drawn into an image or a string) and returns the slow part, which then runs on a background thread and
 * must not touch what is on screen.
 */
public interface Exportable {
    /** The file formats offered, each with the extension and the description shown in the file dialog. */
    enum Format {
        PNG("png", "PNG image (2x, for slides)"),
        SVG("svg", "SVG vector image"),
        CSV("csv", "CSV values (spreadsheet)");

        private final String extension;
        private final String description;

        Format(String extension, String description) {
            this.extension = extension;
            this.description = description;
        }

        public String extension() {
            return extension;
        }

        public String description() {
            return description;
        }
    }

    /** The scale PNG files are written at: twice the pixels, sharp on a slide or a high-density screen. */
    double PNG_SCALE = 2;

    /** What the picture is called, e.g. {@code heads[0].attnWeights}; the default file name is made from it. */
    String name();

    /** Writes one file; runs on a background thread and never leaves half a file. */
    @FunctionalInterface
    interface FileWriter {
        void write(Path target) throws IOException;
    }

    /** What writes the picture (PNG at {@link #PNG_SCALE}) or its values in {@code format}. FX thread. */
    FileWriter file(Format format);

    /** The picture for the clipboard, at {@link #PNG_SCALE}. FX thread. */
    Image image();

    /**
     * What makes the values as tab-separated text (which pastes into a spreadsheet as a table). Called on the FX
     * thread; the returned work runs in the background.
     */
    Callable<String> values();
}
