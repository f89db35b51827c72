package org.attentionexplorer.ui.export;

import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.image.Image;

/**
 * A picture with its numbers that can be copied and saved: a heatmap, a chart. An instance is a fixed copy made on
 * the FX thread when an action starts ({@link ExportActions}); its files are then written on a background thread,
 * so it must not share mutable state with what is on screen.
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

    /** Writes the file (background thread; PNG at {@link #PNG_SCALE}); never leaves half a file. */
    void write(Format format, Path target) throws IOException;

    /** The picture for the clipboard, at {@link #PNG_SCALE} (FX thread). */
    Image image();

    /** The values as tab-separated text, which pastes into a spreadsheet as a table (any thread). */
    String values();
}
