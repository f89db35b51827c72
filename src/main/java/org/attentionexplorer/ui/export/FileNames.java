package org.attentionexplorer.ui.export;

import java.util.Locale;

/** Default file names made from what a picture is called: {@code heads[0].attnWeights} becomes {@code heads0-attnWeights}. */
public final class FileNames {
    private static final int MAX_LENGTH = 80;

    private FileNames() {
    }

    /** A name safe on every system (letters, digits, {@code - _ @}), "export" when nothing is left. */
    public static String base(String name) {
        String safe = name == null ? "" : name.strip()
                .replace("[", "").replace("]", "")
                .replaceAll("[^A-Za-z0-9_@-]+", "-")
                .replaceAll("^-+|-+$", "");
        if (safe.length() > MAX_LENGTH) {
            safe = safe.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return safe.isEmpty() ? "export" : safe;
    }

    /** The default file name for a format: {@code heads0-attnWeights.png}. */
    public static String of(String name, Exportable.Format format) {
        return base(name) + "." + format.extension();
    }

    /** The file name with the format's extension added when it has none of its own (a user typed "scores"). */
    public static String withExtension(String fileName, Exportable.Format format) {
        return fileName.toLowerCase(Locale.ROOT).endsWith("." + format.extension()) ? fileName : fileName + "." + format.extension();
    }
}
