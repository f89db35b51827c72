package org.attentionexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.attentionexplorer.attention.AttentionLab;
import org.attentionexplorer.attention.LessonException;
import org.attentionexplorer.attention.LessonTrace;
import org.attentionexplorer.io.CheckpointException;
import org.attentionexplorer.io.LoadedModel;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.model.ModelTrace;
import org.attentionexplorer.model.ModelTracer;
import org.attentionexplorer.ui.lesson.ModelSteps;
import org.attentionexplorer.ui.lesson.Step;
import org.attentionexplorer.ui.render.StepPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code render}: one step of the walk-through as a page (title, formula, explanation, heatmaps) in a PNG or an SVG. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Draws one step of the walk-through as a page for a slide: its title, formula, explanation and "
                + "heatmaps, into a PNG or an SVG. Needs no display.",
            "Without --model, draws a step of a lesson (default: the bundled lesson); with --model CKPT --text TEXT, of a "
                + "trained model (step model: every layer x head)."},
        footer = {"", "Steps: tokens, scores, normalize, context, qkv, mask, dropout, heads, model.",
            "Exit status: 0 on success, 2 for a bad lesson, model or option (one line on standard error says what and where)."})
final class RenderCommand implements Callable<Integer> {
    private static final double MAX_SCALE = 8;

    @Spec
    private CommandSpec spec;

    @Option(names = "--step", required = true, paramLabel = "STEP",
            description = "The step to draw: tokens, scores, normalize, context, qkv, mask, dropout, heads, model.")
    private String stepName;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write: FILE.png or FILE.svg.")
    private Path out;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "2",
            description = "PNG pixels per unit: 2 (default) is sharp on slides and high-density screens, 1 is screen size.")
    private double scale;

    @Option(names = "--query", paramLabel = "I",
            description = "Step context: the query token (from 0) whose context vector is taken apart. Default: 1 (\"journey\" in the book's example).")
    private Integer query;

    @Mixin
    private LessonOptions lessonOptions = new LessonOptions();

    @Option(names = "--model", paramLabel = "CKPT", description = "Draw a trained model (a checkpoint or a GPT-2 folder) instead of a lesson.")
    private Path model;

    @Option(names = "--text", paramLabel = "TEXT", description = "With --model: the text to trace.")
    private String text;

    @Option(names = "--layer", paramLabel = "L", description = "With --model: the layer shown in steps qkv to heads (from 0; default 0).")
    private Integer layer;

    @Option(names = "--head", paramLabel = "H", description = "With --model: the head shown in steps qkv to dropout (from 0; default 0).")
    private Integer head;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Step step = Step.byId(stepName.toLowerCase(Locale.ROOT)).orElse(null);
        if (step == null) {
            err.println("error: --step " + stepName + " is not a step; use one of "
                    + Arrays.stream(Step.values()).map(Step::id).collect(Collectors.joining(", ")));
            return Main.USER_ERROR;
        }
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean png = name.endsWith(".png");
        if (!png && !name.endsWith(".svg")) {
            err.println("error: --out " + out + ": the file name must end in .png or .svg");
            return Main.USER_ERROR;
        }
        if (!(scale > 0 && scale <= MAX_SCALE)) {
            err.println("error: --scale " + scale + " is out of range: use a number above 0 and at most " + (int) MAX_SCALE);
            return Main.USER_ERROR;
        }
        if (query != null && query < 0) {
            err.println("error: --query " + query + " is not a token: tokens are numbered from 0");
            return Main.USER_ERROR;
        }
        StepPage page;
        try {
            page = model != null ? modelPage(step, err) : lessonPage(step, err);
        } catch (UserError e) {
            err.println("error: " + e.getMessage());
            return Main.USER_ERROR;
        }
        if (page == null) {
            return Main.USER_ERROR;
        }
        try {
            if (png) {
                page.writePng(out, scale);
            } else {
                page.writeSvg(out);
            }
        } catch (IllegalArgumentException e) {
            err.println("error: --out " + out + ": " + e.getMessage());
            return Main.USER_ERROR;
        } catch (IOException e) {
            err.println("error: cannot write " + out + ": " + describe(e));
            return Main.USER_ERROR;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(String.format(Locale.ROOT, "wrote %s (%s, %.0f x %.0f)", out, step.id(),
                png ? Math.ceil(page.width() * scale) : page.width(), png ? Math.ceil(page.height() * scale) : page.height()));
        stdout.flush();
        return 0;
    }

    /** A mistake the user can fix; its message says what and where. */
    private static final class UserError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UserError(String message) {
            super(message);
        }
    }

    private StepPage lessonPage(Step step, PrintWriter err) {
        if (text != null || layer != null || head != null) {
            throw new UserError("--text, --layer and --head draw a model: give --model CKPT too");
        }
        if (step == Step.MODEL) {
            throw new UserError("--step model shows every head of a trained model: give --model CKPT --text TEXT");
        }
        LessonTrace trace;
        try {
            trace = AttentionLab.trace(lessonOptions.read(err));
        } catch (LessonException e) {
            throw new UserError(e.getMessage());
        }
        return StepPage.lesson(step, trace, queryOf(trace.lesson().tokens()));
    }

    private StepPage modelPage(Step step, PrintWriter err) {
        if (lessonOptions.anyGiven()) {
            throw new UserError("lesson options (--lesson, --module, --seed, --heads, --d-out, --causal, --dropout, --eval) do not apply to --model");
        }
        if (text == null || text.isEmpty()) {
            throw new UserError("give the text to trace with --text");
        }
        try {
            LoadedModel loaded = LoadedModel.read(model);
            GptConfig config = loaded.model().config();
            int l = layer == null ? 0 : layer;
            int h = head == null ? 0 : head;
            if (l < 0 || l >= config.numLayers()) {
                throw new UserError("--layer " + l + " does not exist: " + model + " has layers 0 to " + (config.numLayers() - 1));
            }
            if (h < 0 || h >= config.numHeads()) {
                throw new UserError("--head " + h + " does not exist: " + model + " has heads 0 to " + (config.numHeads() - 1));
            }
            ModelTrace trace = ModelTracer.trace(loaded.model(), loaded.tokenizer(), text, 1);
            if (trace.truncated()) {
                err.println("note: the text is longer than the model's context; drawing its first " + trace.tokens().size() + " tokens");
            }
            ModelSteps steps = ModelSteps.of(trace, l, h);
            return StepPage.model(step, steps, String.valueOf(model.getFileName()), queryOf(trace.tokens()));
        } catch (CheckpointException | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private int queryOf(List<String> tokens) {
        if (query == null) {
            return Math.min(1, tokens.size() - 1);
        }
        if (query >= tokens.size()) {
            throw new UserError("--query " + query + " is not a token: the text has tokens 0 to " + (tokens.size() - 1));
        }
        return query;
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "the folder does not exist";
        }
        return e.getMessage();
    }
}
