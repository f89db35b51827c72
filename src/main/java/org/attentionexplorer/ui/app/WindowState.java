package org.attentionexplorer.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the app remembers between runs: the window's size and place, full screen or not, the font size of the
 * presentation mode, the last lesson and the last model. Kept with {@link Preferences} (per user); a value that
 * no longer makes sense (a file that was deleted, a window off every screen) is ignored, never an error.
 */
public final class WindowState {
    private static final Logger LOG = LoggerFactory.getLogger(WindowState.class);
    /** Sizes below this are not a usable window (e.g. a window that was minimised when saved). */
    static final double MIN_SIZE = 400;
    static final double MIN_FONT = 11;
    static final double MAX_FONT = 40;
    static final double DEFAULT_FONT = 15;

    private final Preferences node;

    /** The state kept under {@code node} (tests pass a throw-away node). */
    public WindowState(Preferences node) {
        this.node = node;
    }

    /** The user's state of this application. */
    public static WindowState forUser() {
        return new WindowState(Preferences.userRoot().node("org/attentionexplorer/app"));
    }

    /** The window's bounds: x, y, width, height; empty the first time or when what was saved is unusable. */
    public Optional<double[]> bounds() {
        double w = node.getDouble("width", -1);
        double h = node.getDouble("height", -1);
        if (w < MIN_SIZE || h < MIN_SIZE) {
            return Optional.empty();
        }
        return Optional.of(new double[] {node.getDouble("x", 0), node.getDouble("y", 0), w, h});
    }

    public void setBounds(double x, double y, double width, double height) {
        if (width >= MIN_SIZE && height >= MIN_SIZE) {
            node.putDouble("x", x);
            node.putDouble("y", y);
            node.putDouble("width", width);
            node.putDouble("height", height);
        }
    }

    public boolean maximized() {
        return node.getBoolean("maximized", false);
    }

    public void setMaximized(boolean maximized) {
        node.putBoolean("maximized", maximized);
    }

    /** The base font size in pixels (Ctrl + and Ctrl - change it), kept within readable limits. */
    public double fontSize() {
        return clampFont(node.getDouble("fontSize", DEFAULT_FONT));
    }

    public void setFontSize(double size) {
        node.putDouble("fontSize", clampFont(size));
    }

    static double clampFont(double size) {
        return Double.isFinite(size) ? Math.max(MIN_FONT, Math.min(MAX_FONT, size)) : DEFAULT_FONT;
    }

    /** The last lesson file opened or saved, if it still exists. */
    public Optional<Path> lastLesson() {
        return existing("lastLesson", false);
    }

    public void setLastLesson(Path file) {
        put("lastLesson", file);
    }

    /** The last model (a checkpoint file or a GPT-2 folder) opened, if it still exists. */
    public Optional<Path> lastModel() {
        return existing("lastModel", true);
    }

    public void setLastModel(Path file) {
        put("lastModel", file);
    }

    /** Writes the state to its store now (it is also written when the JVM exits). */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOG.warn("the window state could not be saved: {}", e.getMessage());
        }
    }

    private void put(String key, Path file) {
        if (file == null) {
            node.remove(key);
        } else {
            node.put(key, file.toAbsolutePath().toString());
        }
    }

    private Optional<Path> existing(String key, boolean folderToo) {
        String value = node.get(key, null);
        if (value == null) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(value);
            return Files.isRegularFile(path) || (folderToo && Files.isDirectory(path)) ? Optional.of(path) : Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }
}
