package org.attentionexplorer.ui.lesson;

/** Where the numbers of steps 1 to 8 come from: the lesson's few tokens, or a trained model's trace of a text. */
public enum Source {
    LESSON("Lesson"),
    MODEL("Model");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    /** The name on the source switch. */
    public String label() {
        return label;
    }
}
