package org.attentionexplorer.ui.generate;

import java.util.List;
import org.attentionexplorer.generate.GenerationStep;
import org.attentionexplorer.model.Candidate;

/**
 * One generated token as the generation view shows it: the step that chose it and the text a trace of "its
 * attention" should use. Immutable; made on the background thread.
 *
 * @param index         0 for the first generated token
 * @param step          the core's record of the choice: the token, its probability and the top candidates
 * @param textUpTo      the prompt and every generated token up to and including this one
 * @param attentionText the end of {@code textUpTo} that fits the model's context (its last contextLength tokens),
 *                      so a trace of it ends at this token
 * @param piece         what this token adds to the text: its own text with the space a word tokenizer puts before it
 */
public record GeneratedToken(int index, GenerationStep step, String textUpTo, String attentionText, String piece) {

    public String text() {
        return step.text();
    }

    public double probability() {
        return step.probability();
    }

    public List<Candidate> candidates() {
        return step.candidates();
    }

    /** Whether the chosen token is among the reported candidates (it may not be when sampling picked a rare one). */
    public boolean chosenInCandidates() {
        return step.candidates().stream().anyMatch(c -> c.id() == step.id());
    }
}
