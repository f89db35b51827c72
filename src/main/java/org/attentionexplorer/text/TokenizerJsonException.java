package org.attentionexplorer.text;

/**
 * A saved tokenizer that cannot be restored, with the field at fault (a path like {@code vocabulary[3]}) and
 * the problem. Whoever read the JSON from a file adds the file to the message.
 */
public final class TokenizerJsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    public TokenizerJsonException(String field, String problem) {
        this(field, problem, null);
    }

    public TokenizerJsonException(String field, String problem, Throwable cause) {
        super(field == null ? problem : field + ": " + problem, cause);
        this.field = field;
        this.problem = problem;
    }

    /** The field at fault, or null when the problem is with the whole object. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
