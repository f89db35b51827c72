package org.attentionexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.attentionexplorer.attention.AttentionModule;
import org.attentionexplorer.attention.Lesson;
import org.attentionexplorer.attention.LessonException;
import org.attentionexplorer.attention.LessonJson;
import org.attentionexplorer.attention.ModuleWeights;
import picocli.CommandLine.Option;

/** The lesson and the options that change it, shared by {@code trace} and {@code render}. */
final class LessonOptions {
    @Option(names = "--lesson", paramLabel = "FILE", description = "Lesson file (JSON). Default: the bundled lesson.")
    Path lessonFile;

    @Option(names = "--module", paramLabel = "NAME",
            description = "Draw the weights as this module of the book does: SelfAttention_v1, SelfAttention_v2, "
                    + "CausalAttention, MultiHeadAttentionWrapper, MultiHeadAttention.")
    String module;

    @Option(names = "--seed", paramLabel = "N",
            description = "torch.manual_seed for drawing the weights (replaces weights given in the file) and dropout masks.")
    Long seed;

    @Option(names = "--heads", paramLabel = "N", description = "Number of heads.")
    Integer heads;

    @Option(names = "--d-out", paramLabel = "N", description = "d_out (per head for MultiHeadAttentionWrapper, in all for MultiHeadAttention).")
    Integer dOut;

    @Option(names = "--causal", negatable = true, description = "Use the causal mask (--no-causal: do not).")
    Boolean causal;

    @Option(names = "--dropout", paramLabel = "P", description = "Dropout rate on the attention weights, in [0, 1).")
    Double dropout;

    @Option(names = "--eval", description = "Evaluation mode: dropout is the identity.")
    boolean evaluation;

    /** Whether any lesson option was given (they do not apply to a model). */
    boolean anyGiven() {
        return lessonFile != null || module != null || seed != null || heads != null || dOut != null || causal != null
                || dropout != null || evaluation;
    }

    /** The lesson file or the bundled lesson, with the options applied; a note on {@code err} when one is reinterpreted. */
    Lesson read(PrintWriter err) {
        return apply(lessonFile != null ? LessonJson.read(lessonFile) : LessonJson.bundled(), err);
    }

    /** The lesson with the command-line options applied; errors name the option and the lesson file. */
    Lesson apply(Lesson lesson, PrintWriter err) {
        String source = lessonFile == null ? "bundled lesson" : lessonFile.toString();
        AttentionModule newModule = lesson.module();
        if (module != null) {
            newModule = AttentionModule.byBookName(module).orElseThrow(() -> new LessonException(source, "--module",
                    "unknown module '" + module + "'; use one of " + AttentionModule.bookNames(), null));
        }
        int newHeads = heads != null ? heads : lesson.numHeads();
        if (module == null && newHeads > 1 && !newModule.isMultiHead()) {
            err.println("note: " + newModule + " has one head; using MultiHeadAttention for " + newHeads + " heads");
            newModule = AttentionModule.MULTI_HEAD_ATTENTION;
        }
        int newDOut = dOut != null ? dOut : lesson.dOut();
        ModuleWeights weights = lesson.weights();
        boolean shapeChanged = newModule != lesson.module() || newHeads != lesson.numHeads() || newDOut != lesson.dOut();
        if (weights != null && (seed != null || module != null)) {
            weights = null; // asked to draw the weights
        } else if (weights != null && shapeChanged) {
            throw new LessonException(source, "weights", "are given in the file for " + lesson.module() + " with dOut "
                    + lesson.dOut() + " and " + lesson.numHeads() + " head(s); add --seed N to draw weights of the new shape", null);
        }
        try {
            return new Lesson(lesson.name(), lesson.description(), lesson.tokens(), lesson.embeddings(), newModule, newDOut,
                    newHeads, causal != null ? causal : lesson.causal(), dropout != null ? dropout : lesson.dropout(),
                    !evaluation && lesson.training(), lesson.qkvBias() && newModule.usesLinearLayers(),
                    seed != null ? seed : lesson.seed(), weights);
        } catch (LessonException e) {
            throw e.in(source + " with the given options");
        }
    }
}
