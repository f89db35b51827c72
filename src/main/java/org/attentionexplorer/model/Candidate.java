package org.attentionexplorer.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.attentionexplorer.text.Tokenizer;

/** One possible next token and the probability the model gives it. */
public record Candidate(int id, String text, double probability) {

    /** The k most probable tokens of a distribution (V), most probable first; ties go to the lower id. */
    public static List<Candidate> top(double[] probabilities, Tokenizer tokenizer, int k) {
        int n = Math.min(k, probabilities.length);
        int[] best = new int[n];
        Arrays.fill(best, -1);
        for (int id = 0; id < probabilities.length; id++) {
            for (int slot = 0; slot < n; slot++) {
                if (best[slot] < 0 || probabilities[id] > probabilities[best[slot]]) {
                    System.arraycopy(best, slot, best, slot + 1, n - slot - 1);
                    best[slot] = id;
                    break;
                }
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int id : best) {
            candidates.add(new Candidate(id, tokenizer.tokenText(id), probabilities[id]));
        }
        return candidates;
    }
}
