package org.attentionexplorer.data;

/**
 * Training data that cannot be used, said in words a user can act on: where (a file name, when known) and
 * what is wrong, with the numbers, e.g. {@code notes.txt: the text has 37 tokens, fewer than one window of
 * 129 (context 128 + 1)}. Thrown for problems a user can cause (a short text, a bad ratio); bugs throw
 * ordinary exceptions.
 */
public final class DataException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String problem;

    public DataException(String problem) {
        this(null, problem, null);
    }

    public DataException(String source, String problem, Throwable cause) {
        super(source == null ? problem : source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /** The same problem, now said to be in {@code newSource} (a file name). */
    public DataException in(String newSource) {
        return new DataException(newSource, problem, getCause() == null ? this : getCause());
    }

    /** The file or other source the data came from, or null. */
    public String source() {
        return source;
    }

    /** What is wrong, without the source. */
    public String problem() {
        return problem;
    }

    /** How a window is described in messages: {@code "one window of 129 (context 128 + 1)"}. */
    static String oneWindow(int contextLength) {
        return "one window of " + (contextLength + 1L) + " (context " + contextLength + " + 1)";
    }
}
