package org.attentionexplorer.generate;

import java.util.List;

/**
 * The result of generating from a prompt.
 *
 * @param promptIds     the prompt's token ids as fed to the model (after cropping)
 * @param promptCropped true when the prompt was longer than the context and only its last tokens were kept
 * @param steps         one entry per generated token
 * @param text          the prompt followed by the generated text
 * @param stopReason    why generation ended
 */
public record Generation(int[] promptIds, boolean promptCropped, List<GenerationStep> steps, String text, StopReason stopReason) {
    public Generation {
        promptIds = promptIds.clone();
        steps = List.copyOf(steps);
    }

    @Override
    public int[] promptIds() {
        return promptIds.clone();
    }

    /** Why generation ended. */
    public enum StopReason { MAX_TOKENS, END_OF_TEXT, CANCELLED }
}
