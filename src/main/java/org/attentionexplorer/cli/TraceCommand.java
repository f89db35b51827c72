package org.attentionexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.attentionexplorer.attention.AttentionLab;
import org.attentionexplorer.attention.Lesson;
import org.attentionexplorer.attention.LessonException;
import org.attentionexplorer.attention.LessonTrace;
import org.attentionexplorer.attention.TraceCsv;
import org.attentionexplorer.attention.TraceJson;
import org.attentionexplorer.attention.TraceText;
import org.attentionexplorer.io.CheckpointException;
import org.attentionexplorer.io.LoadedModel;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.model.ModelTrace;
import org.attentionexplorer.model.ModelTraceOutput;
import org.attentionexplorer.model.ModelTracer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trace}: every step of chapter 3's attention for a lesson, as text, JSON or CSV. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Computes every step of chapter 3's attention for a lesson and prints it.",
            "Without --lesson, traces the bundled lesson (the book's \"Your journey starts with one step\").",
            "With --model CKPT --text S, traces a trained model instead: every layer and head, under the same keys."},
        footer = {"", "Exit status: 0 on success, 2 for a bad lesson or option (one line on standard error says what and where)."})
final class TraceCommand implements Callable<Integer> {
    enum Format { text, json, csv }

    @Spec
    private CommandSpec spec;

    @Mixin
    private LessonOptions lessonOptions = new LessonOptions();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write into this folder (trace.txt, trace.json, or one CSV file per matrix) instead of standard output. Required for csv.")
    private Path out;

    @Option(names = "--model", paramLabel = "CKPT", description = "Trace a trained model (a checkpoint or a GPT-2 folder) instead of a lesson.")
    private Path model;

    @Option(names = "--text", paramLabel = "TEXT", description = "With --model: the text to trace.")
    private String text;

    @Option(names = "--layer", paramLabel = "L", description = "With --model: only this layer (from 0).")
    private Integer layer;

    @Option(names = "--head", paramLabel = "H", description = "With --model: only this head (from 0).")
    private Integer head;

    @Option(names = "--top", paramLabel = "N", defaultValue = "5", description = "With --model: next-token candidates per position (default: ${DEFAULT-VALUE}).")
    private int top;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (format == Format.csv && out == null) {
            err.println("error: --format csv writes one file per matrix: give the folder with --out DIR");
            return Main.USER_ERROR;
        }
        if (model != null) {
            return traceModel(err);
        }
        if (text != null || layer != null || head != null) {
            err.println("error: --text, --layer and --head trace a model: give --model CKPT too");
            return Main.USER_ERROR;
        }
        LessonTrace trace;
        try {
            Lesson lesson = lessonOptions.read(err);
            trace = AttentionLab.trace(lesson);
        } catch (LessonException e) {
            err.println("error: " + e.getMessage());
            return Main.USER_ERROR;
        }
        try {
            return write(trace);
        } catch (IOException e) {
            err.println("error: cannot write into " + out + ": " + describe(e));
            return Main.USER_ERROR;
        }
    }

    private static String describe(IOException e) {
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way (--out names a folder)";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage();
    }

    private int traceModel(PrintWriter err) throws IOException {
        if (lessonOptions.anyGiven()) {
            err.println("error: lesson options (--lesson, --module, --seed, --heads, --d-out, --causal, --dropout, --eval) do not apply to --model");
            return Main.USER_ERROR;
        }
        if (text == null || text.isEmpty()) {
            err.println("error: give the text to trace with --text");
            return Main.USER_ERROR;
        }
        LoadedModel loaded;
        ModelTrace trace;
        try {
            loaded = LoadedModel.read(model);
            GptConfig config = loaded.model().config();
            if (layer != null && (layer < 0 || layer >= config.numLayers())) {
                err.println("error: --layer " + layer + " does not exist: the model has layers 0 to " + (config.numLayers() - 1));
                return Main.USER_ERROR;
            }
            if (head != null && (head < 0 || head >= config.numHeads())) {
                err.println("error: --head " + head + " does not exist: the model has heads 0 to " + (config.numHeads() - 1));
                return Main.USER_ERROR;
            }
            trace = ModelTracer.trace(loaded.model(), loaded.tokenizer(), text, Math.max(1, top));
        } catch (CheckpointException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Main.USER_ERROR;
        }
        ModelTraceOutput.Selection selection = new ModelTraceOutput.Selection(layer == null ? -1 : layer, head == null ? -1 : head);
        PrintWriter stdout = spec.commandLine().getOut();
        GptConfig config = loaded.model().config();
        try {
            switch (format) {
                case text -> emit(ModelTraceOutput.text(trace, config, selection), "trace.txt", stdout);
                case json -> emit(ModelTraceOutput.json(trace, config, selection).toPrettyString() + "\n", "trace.json", stdout);
                case csv -> stdout.println("wrote " + ModelTraceOutput.csv(trace, selection, out).size() + " CSV files to " + out);
            }
        } catch (IOException e) {
            err.println("error: cannot write into " + out + ": " + describe(e));
            return Main.USER_ERROR;
        }
        stdout.flush();
        return 0;
    }

    private int write(LessonTrace trace) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        switch (format) {
            case text -> emit(TraceText.format(trace), "trace.txt", stdout);
            case json -> emit(TraceJson.toPrettyString(trace) + "\n", "trace.json", stdout);
            case csv -> {
                List<Path> files = TraceCsv.write(trace, out);
                stdout.println("wrote " + files.size() + " CSV files to " + out);
            }
        }
        stdout.flush();
        return 0;
    }

    private void emit(String text, String fileName, PrintWriter stdout) throws IOException {
        if (out == null) {
            stdout.print(text);
            return;
        }
        Files.createDirectories(out);
        Path file = out.resolve(fileName);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        stdout.println("wrote " + file);
    }
}
