package org.attentionexplorer.attention;

import java.util.Objects;

/** The query, key and value projections of one attention module (or of one head of the wrapper). */
public record QkvWeights(Projection query, Projection key, Projection value) {
    public QkvWeights {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
