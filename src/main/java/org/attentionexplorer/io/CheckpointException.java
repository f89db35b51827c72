package org.attentionexplorer.io;

/**
 * A checkpoint that cannot be loaded, with what is wrong and where: the file, the location inside it (a
 * metadata entry such as {@code metadata "config"}, a tensor such as {@code tensor "wte.weight"}, or null
 * for the whole file) and the problem, in words a user can act on.
 */
public final class CheckpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String location;
    private final String problem;

    public CheckpointException(String file, String location, String problem, Throwable cause) {
        super(format(file, location, problem), cause);
        this.file = file;
        this.location = location;
        this.problem = problem;
    }

    /** The same problem seen as a checkpoint's: the file, location and problem are kept. */
    static CheckpointException of(SafetensorsException e) {
        return new CheckpointException(e.file(), e.location(), e.problem(), e);
    }

    /** The location of a metadata entry, as messages show it: {@code metadata "key"}. */
    static String metadata(String key) {
        return "metadata \"" + key + "\"";
    }

    public String file() {
        return file;
    }

    /** Where in the file: {@code metadata "key"}, {@code tensor "name"}, or null for the whole file. */
    public String location() {
        return location;
    }

    public String problem() {
        return problem;
    }

    private static String format(String file, String location, String problem) {
        StringBuilder message = new StringBuilder();
        if (file != null) {
            message.append(file).append(": ");
        }
        if (location != null) {
            message.append(location).append(": ");
        }
        return message.append(problem).toString();
    }
}
