package org.attentionexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attentionexplorer.io.CheckpointException;
import org.attentionexplorer.io.Gpt2Folder;
import org.attentionexplorer.io.LoadedModel;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.text.Gpt2Tokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export}: a model of ours (or a GPT-2 folder) written in Hugging Face's GPT-2 layout. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes a model in Hugging Face's GPT-2 layout: a folder with config.json and model.safetensors,",
            "which transformers' GPT2LMHeadModel.from_pretrained(DIR) and other GPT-2 tools open. The weights only: a",
            "checkpoint's optimizer state and history stay in the checkpoint."},
        footer = {"", "Exit status: 0 on success, 2 for a bad model or option (one line on standard error says what and where)."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "CKPT", required = true, description = "A checkpoint written by train (or a GPT-2 folder).")
    private Path model;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The folder to write (created if needed).")
    private Path out;

    @Option(names = "--overwrite", description = "Replace the model a folder already holds.")
    private boolean overwrite;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            err.println("error: --out " + out + " is a file; give the folder to write the model into");
            return Main.USER_ERROR;
        }
        if (!overwrite && (Files.exists(out.resolve(Gpt2Folder.WEIGHTS_FILE)) || Files.exists(out.resolve(Gpt2Folder.CONFIG_FILE)))) {
            err.println("error: " + out + " already holds a model (" + Gpt2Folder.CONFIG_FILE + ", " + Gpt2Folder.WEIGHTS_FILE
                    + "); choose another --out or replace it with --overwrite");
            return Main.USER_ERROR;
        }
        LoadedModel loaded;
        try {
            loaded = LoadedModel.read(model);
        } catch (CheckpointException e) {
            err.println("error: " + e.getMessage());
            return Main.USER_ERROR;
        }
        List<Path> written;
        try {
            written = Gpt2Folder.write(out, loaded.model(), loaded.tokenizer());
        } catch (IOException e) {
            err.println("error: cannot write into " + out + ": " + e.getMessage());
            return Main.USER_ERROR;
        }
        GptConfig config = loaded.model().config();
        stdout.printf(Locale.ROOT, "wrote %s: %d layers x %d heads, width %d, context %d, vocabulary %d, %,d parameters%n", out,
                config.numLayers(), config.numHeads(), config.embDim(), config.contextLength(), config.vocabSize(),
                loaded.model().parameterCount(false));
        written.forEach(file -> stdout.println("  " + file.getFileName()));
        if (!config.qkvBias()) {
            stdout.println("note: the model has no query/key/value biases; GPT-2's layout needs them, so they are written as zeros"
                    + " (the model computes the same)");
        }
        if (!(loaded.tokenizer() instanceof Gpt2Tokenizer)) {
            stdout.println("note: the model uses a " + loaded.tokenizer().kind() + " tokenizer, not GPT-2's: its vocabulary is in "
                    + Gpt2Folder.TOKENIZER_FILE + ", which Attention Explorer reads but other tools do not know. They will open the"
                    + " weights, but would tokenize text with GPT-2's tokenizer, which gives the wrong ids for this model");
        }
        stdout.flush();
        return 0;
    }
}
