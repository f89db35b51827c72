package org.attentionexplorer.attention;

/**
 * A lesson that cannot be used, with what is wrong and where: the file (when known), the field (a path like
 * {@code embeddings[2]} or {@code weights.heads[1].query}) and the problem, in words a learner can act on.
 */
public final class LessonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String field;
    private final String problem;

    public LessonException(String field, String problem) {
        this(null, field, problem, null);
    }

    public LessonException(String source, String field, String problem, Throwable cause) {
        super(format(source, field, problem), cause);
        this.source = source;
        this.field = field;
        this.problem = problem;
    }

    /** The same problem, now said to be in {@code source} (a file name). */
    public LessonException in(String newSource) {
        return new LessonException(newSource, field, problem, getCause() == null ? this : getCause());
    }

    /** The file or other source the lesson came from, or null. */
    public String source() {
        return source;
    }

    /** The field at fault, or null when the problem is with the whole file. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    private static String format(String source, String field, String problem) {
        StringBuilder message = new StringBuilder();
        if (source != null) {
            message.append(source).append(": ");
        }
        if (field != null) {
            message.append(field).append(": ");
        }
        return message.append(problem).toString();
    }
}
