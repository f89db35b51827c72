package org.attentionexplorer.io;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the trained model that ships with the explorer is: {@code samples/models/char-small-lighthouse.safetensors}
 * in the runtime image ({@code ae.home}, set by its launcher), in the working folder (a clone), or beside the jar's
 * folder ({@code target/attention-explorer.jar} run from anywhere).
 */
public final class BundledModel {
    /** The bundled model's path inside the repository and the image. */
    public static final Path RELATIVE = Path.of("samples", "models", "char-small-lighthouse.safetensors");

    private BundledModel() {
    }

    /** The bundled model's file, if one of the usual places has it. */
    public static Optional<Path> locate() {
        return candidates().stream().filter(Files::isRegularFile).findFirst();
    }

    static List<Path> candidates() {
        List<Path> places = new ArrayList<>();
        String home = System.getProperty("ae.home");
        if (home != null && !home.isBlank()) {
            places.add(Path.of(home).resolve(RELATIVE));
        }
        places.add(Path.of("").toAbsolutePath().resolve(RELATIVE));
        try {
            Path jar = Path.of(BundledModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path parent = jar.getParent();
            if (parent != null && parent.getParent() != null) {
                places.add(parent.getParent().resolve(RELATIVE)); // target/attention-explorer.jar or app/attention-explorer.jar
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // no code source to start from: the other places are enough
        }
        return places;
    }
}
