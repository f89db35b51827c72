package org.attentionexplorer.ui.lesson;

/**
 * The nine steps a learner walks through, in the order of chapter 3, each with its formula and a short
 * explanation written for someone meeting attention for the first time. The names are those of the
 * {@code render --step} command.
 */
public enum Step {
    TOKENS("tokens", "1. Tokens and embeddings", "X = token embedding + position embedding   (T x d_in)",
            "A text is cut into tokens, and each token becomes a vector of numbers: its embedding. Stacked as rows, "
                    + "the vectors form the input matrix X, one row per token. Everything attention does starts from X."),
    SCORES("scores", "2. Dot-product scores", "attnScores = X X^T   (T x T)",
            "How much should token i look at token j? The simplest guess is the dot product of their embeddings: "
                    + "large when the vectors point the same way. Row i holds the scores of query token i against every "
                    + "token.", "Click a row to follow one query."),
    NORMALIZE("normalize", "3. Normalising: sum versus softmax", "naive = row / sum(row)      softmax = exp(row) / sum(exp(row))",
            "Scores become weights that add up to 1 in each row. Dividing by the sum does that, but breaks with "
                    + "negative scores and treats small differences gently. Softmax exponentiates first: weights are "
                    + "always positive, and the largest scores stand out more."),
    CONTEXT("context", "4. Context vectors", "z(i) = sum_j a_ij x(j)      Z = A X",
            "The context vector of token i is a weighted mix of all the input vectors, with the attention weights "
                    + "of row i as the mix. Each bar shows how much one input contributes to each dimension of z(i)."),
    QKV("qkv", "5. Queries, keys, values and scaling", "Q = X Wq   K = X Wk   V = X Wv   weights = softmax(Q K^T / sqrt(d_k))",
            "Trainable weights let the model choose what to compare: queries ask, keys answer, values are what gets "
                    + "mixed. Scores are divided by sqrt(d_k): without it, wide queries and keys give large scores and "
                    + "softmax puts almost all the weight on one token."),
    MASK("mask", "6. The causal mask", "masked = scores with -inf above the diagonal;  weights = softmax(masked / sqrt(d_k))",
            "A language model predicting the next token may not look ahead. The causal mask hides every key after "
                    + "the query. Two routes give the same weights: set the hidden scores to -inf before softmax, or zero "
                    + "the hidden weights after softmax and renormalise each row."),
    DROPOUT("dropout", "7. Dropout", "dropped = weights * keep / (1 - p)   (training only)",
            "During training, dropout sets a random share p of the attention weights to zero, so the model cannot "
                    + "rely on any single connection. The weights kept are scaled by 1 / (1 - p) so each row keeps the "
                    + "same sum on average. In evaluation mode dropout does nothing."),
    HEADS("heads", "8. Multi-head attention", "heads side by side: [head 1 | head 2 | ...] Wout + bout",
            "Several heads attend in parallel, each with its own queries, keys and values, so each can look for "
                    + "something different. Their context vectors are put side by side and mixed by an output "
                    + "projection. Building the heads separately or splitting one wide projection gives the same result."),
    MODEL("model", "9. Inside a trained model", "every layer x head of a GPT, for the text in the top bar",
            "A trained GPT has many layers, each with several heads. Each thumbnail shows one head's attention "
                    + "weights for your text: some look at the previous token, some at the first, some spread out.",
            "Click a thumbnail to open that head in the steps above with the model's real numbers.");

    /** The steps a lesson shows (step 9 needs a trained model). */
    public static final java.util.List<Step> LESSON_STEPS =
            java.util.List.of(TOKENS, SCORES, NORMALIZE, CONTEXT, QKV, MASK, DROPOUT, HEADS);

    private final String id;
    private final String title;
    private final String formula;
    private final String explanation;
    private final String hint;

    Step(String id, String title, String formula, String explanation) {
        this(id, title, formula, explanation, "");
    }

    Step(String id, String title, String formula, String explanation, String hint) {
        this.id = id;
        this.title = title;
        this.formula = formula;
        this.explanation = explanation;
        this.hint = hint;
    }

    /** The short name used on the command line ({@code render --step}). */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String formula() {
        return formula;
    }

    /** What the step shows, for learners; true on screen and on a printed page alike. */
    public String explanation() {
        return explanation;
    }

    /** What to do with the step in the app ("Click a row ..."), or ""; not printed on pages. */
    public String hint() {
        return hint;
    }

    /** The step of this command-line name. */
    public static java.util.Optional<Step> byId(String id) {
        return java.util.Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
