package org.attentionexplorer.text;

/**
 * Token ids of a text and where each token came from: token i covers {@code text.substring(starts[i], ends[i])}
 * (char offsets). Spans follow each other in the order of the tokens; two neighbouring spans overlap only when
 * a character is split between tokens (a GPT-2 token can hold part of a character's UTF-8 bytes: both then
 * span the whole character). A token that is not in the text (none so far) has an empty span.
 */
public record Encoding(int[] ids, int[] starts, int[] ends) {
    public Encoding {
        if (ids.length != starts.length || ids.length != ends.length) {
            throw new IllegalArgumentException("ids and spans differ in length");
        }
        ids = ids.clone();
        starts = starts.clone();
        ends = ends.clone();
    }

    public int size() {
        return ids.length;
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }

    @Override
    public int[] starts() {
        return starts.clone();
    }

    @Override
    public int[] ends() {
        return ends.clone();
    }
}
