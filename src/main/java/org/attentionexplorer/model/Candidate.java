package org.attentionexplorer.model;

/** One possible next token and the probability the model gives it. */
public record Candidate(int id, String text, double probability) {
}
