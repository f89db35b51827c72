package org.attentionexplorer.text;

import java.nio.file.Path;

/** A file that cannot be used as a training text, with the file and the problem in words a user can act on. */
public final class TextSourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path source;
    private final String problem;

    public TextSourceException(Path source, String problem) {
        this(source, problem, null);
    }

    public TextSourceException(Path source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /** The file. */
    public Path source() {
        return source;
    }

    public String problem() {
        return problem;
    }
}
