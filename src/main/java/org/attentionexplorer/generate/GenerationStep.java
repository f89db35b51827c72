package org.attentionexplorer.generate;

import java.util.List;
import org.attentionexplorer.model.Candidate;

/**
 * One generated token.
 *
 * @param id          the chosen token
 * @param text        its text
 * @param probability its probability under the distribution it was drawn from (after temperature, top-k, top-p)
 * @param candidates  the most probable tokens of that distribution, most probable first
 */
public record GenerationStep(int id, String text, double probability, List<Candidate> candidates) {
    public GenerationStep {
        candidates = List.copyOf(candidates);
    }
}
