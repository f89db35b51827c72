package org.attentionexplorer.io;

/**
 * A safetensors file that cannot be read, with what is wrong and where: the file (when known), the location
 * inside it (a tensor such as {@code tensor "wte.weight"}, or {@code __metadata__}; null when the problem is
 * with the whole file) and the problem, in words a user can act on.
 *
 * <p>Every problem with a file's content or with reading it ends as this exception; nothing a file contains
 * can make the reader throw anything else or allocate more than the file's size.
 */
public final class SafetensorsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String location;
    private final String problem;

    /** A problem not yet tied to a file (the header parser's); see {@link #in(String)}. */
    SafetensorsException(String location, String problem) {
        this(null, location, problem, null);
    }

    public SafetensorsException(String file, String location, String problem, Throwable cause) {
        super(format(file, location, problem), cause);
        this.file = file;
        this.location = location;
        this.problem = problem;
    }

    /** The location of a tensor, as messages show it: {@code tensor "name"}. */
    static String tensor(String name) {
        return "tensor \"" + name + "\"";
    }

    /** The same problem, now said to be in {@code newFile}. */
    SafetensorsException in(String newFile) {
        return new SafetensorsException(newFile, location, problem, getCause() == null ? this : getCause());
    }

    /** The file, or null when the problem was found before the file was known. */
    public String file() {
        return file;
    }

    /** Where in the file: {@code tensor "name"}, {@code __metadata__}, or null for the whole file. */
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
