package org.attentionexplorer.ui.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.attentionexplorer.text.Encoding;
import org.attentionexplorer.text.TokenLabels;
import org.attentionexplorer.text.Tokenizer;

/**
 * What a learner should know about the text a model traces: that it is empty or too short to show attention
 * (then it is not traced), that it is longer than the model's context (only the first tokens are traced), or that
 * it holds characters the model's vocabulary lacks (they become {@code <|unk|>}). Pure.
 *
 * @param traceable whether the text can be traced
 * @param message   what to tell the learner, "" when nothing
 */
public record TextCheck(boolean traceable, String message) {
    /** Fewer tokens than this show no attention worth looking at (one token attends only to itself). */
    public static final int MIN_TOKENS = 2;
    /** How many of the unknown characters are named. */
    private static final int NAMED_UNKNOWN = 5;

    /** Checks {@code text}, whose encoding by {@code tokenizer} is {@code encoding}, for a model of this context. */
    public static TextCheck of(String text, Encoding encoding, Tokenizer tokenizer, int contextLength) {
        if (text.isEmpty()) {
            return new TextCheck(false, "The text is empty: type at least " + MIN_TOKENS + " characters for the model to trace.");
        }
        if (encoding.size() < MIN_TOKENS) {
            return new TextCheck(false, "\"" + TokenLabels.escape(text) + "\" is one token, which can only attend to itself:"
                    + " type at least " + MIN_TOKENS + " characters.");
        }
        List<String> notes = new ArrayList<>();
        int traced = Math.min(encoding.size(), contextLength);
        if (encoding.size() > contextLength) {
            int end = encoding.ends()[traced - 1];
            String tail = text.substring(Math.max(0, end - 20), end);
            notes.add("The text has " + encoding.size() + " tokens but the model's context is " + contextLength
                    + ": only the first " + contextLength + " are traced (up to \"" + TokenLabels.escape(tail) + "\").");
        }
        String unknown = unknown(text, encoding, tokenizer, traced);
        if (!unknown.isEmpty()) {
            notes.add(unknown);
        }
        return new TextCheck(true, String.join(" ", notes));
    }

    /** The characters of the traced tokens that the vocabulary lacks, named, or "". */
    private static String unknown(String text, Encoding encoding, Tokenizer tokenizer, int traced) {
        OptionalInt unk = tokenizer.unknownId();
        if (unk.isEmpty()) {
            return "";
        }
        Set<String> pieces = new LinkedHashSet<>();
        int count = 0;
        int[] ids = encoding.ids();
        for (int i = 0; i < traced; i++) {
            String piece = text.substring(encoding.starts()[i], encoding.ends()[i]);
            if (ids[i] == unk.getAsInt() && !piece.equals(Tokenizer.UNKNOWN)) {
                pieces.add(piece);
                count++;
            }
        }
        if (count == 0) {
            return "";
        }
        List<String> named = pieces.stream().limit(NAMED_UNKNOWN).map(p -> "\"" + TokenLabels.escape(p) + "\"").toList();
        String more = pieces.size() > NAMED_UNKNOWN ? " and " + (pieces.size() - NAMED_UNKNOWN) + " more" : "";
        return "The model's vocabulary has no " + String.join(", ", named) + more + " (" + count
                + (count == 1 ? " token" : " tokens") + "): traced as " + Tokenizer.UNKNOWN + ".";
    }
}
