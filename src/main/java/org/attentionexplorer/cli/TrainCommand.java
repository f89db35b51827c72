package org.attentionexplorer.cli;

import java.util.Locale;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.attentionexplorer.data.DataException;
import org.attentionexplorer.data.SyntheticTask;
import org.attentionexplorer.data.SyntheticTasks;
import org.attentionexplorer.io.AppVersion;
import org.attentionexplorer.io.Checkpoint;
import org.attentionexplorer.io.CheckpointException;
import org.attentionexplorer.io.Checkpoints;
import org.attentionexplorer.io.LoadedModel;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.model.GptInit;
import org.attentionexplorer.model.GptModel;
import org.attentionexplorer.text.TextSourceException;
import org.attentionexplorer.text.Tokenizer;
import org.attentionexplorer.text.TokenizerJson;
import org.attentionexplorer.text.TokenizerKind;
import org.attentionexplorer.train.HistoryCsv;
import org.attentionexplorer.train.LearningRateSchedule;
import org.attentionexplorer.train.Trainer;
import org.attentionexplorer.train.TrainingData;
import org.attentionexplorer.train.TrainingEvent;
import org.attentionexplorer.train.TrainingSettings;
import org.attentionexplorer.train.TrainingSettingsJson;
import org.attentionexplorer.train.TrainingSnapshot;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: trains a GPT on a text or a synthetic task, with checkpoints, a progress bar and a loss history. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a GPT on a text file (.txt or .pdf) or a synthetic task, printing progress and writing",
            "checkpoints (checkpoint.safetensors) and the loss history (history.csv) into --checkpoint-dir.",
            "Ctrl-C stops after the current step and saves a checkpoint that --resume continues from."},
        footer = {"", "Exit status: 0 when finished, 1 when training failed (e.g. the loss became NaN), 2 for a bad option or file;",
            "stopped by Ctrl-C: the checkpoint is saved first, then the status is the signal's (130)."})
final class TrainCommand implements Callable<Integer> {
    static final String CHECKPOINT_FILE = "checkpoint.safetensors";
    static final String HISTORY_FILE = "history.csv";

    @Spec
    private CommandSpec spec;

    static final class Source {
        @Option(names = "--text", paramLabel = "FILE", description = "Train on this text (.txt or .pdf).")
        Path text;

        @Option(names = "--task", paramLabel = "NAME", description = "Train on a synthetic task: copy, reverse, sort, induction.")
        String task;
    }

    @ArgGroup(exclusive = true)
    private Source source = new Source();

    @Option(names = "--task-length", paramLabel = "N", description = "Sequence length of the synthetic task (default: the task's).")
    private Integer taskLength;

    @Option(names = "--resume", paramLabel = "CKPT", description = {"Continue the run saved in this checkpoint (give the same --text or --task);",
            "--steps may extend it. A checkpoint without optimizer state continues with fresh AdamW moments.",
            "A GPT-2 folder (config.json + model.safetensors) is fine-tuned instead: a new run from its weights, with these options."})
    private Path resume;

    @Option(names = "--tokenizer", defaultValue = "char", description = "char, word or gpt2 (default: ${DEFAULT-VALUE}).")
    private String tokenizer;

    @Option(names = "--preset", defaultValue = "char-small", description = "tiny, char-small or gpt2-124m (default: ${DEFAULT-VALUE}).")
    private String preset;

    @Option(names = "--context", description = {"Context length (default: the preset's). Fine-tuning a GPT-2 folder: the length of the",
            "training windows, at most the model's (default: the model's; shorter windows need far less memory)."})
    private Integer context;

    @Option(names = "--emb", description = "Embedding width (default: the preset's).")
    private Integer emb;

    @Option(names = "--heads", description = "Heads per layer (default: the preset's).")
    private Integer heads;

    @Option(names = "--layers", description = "Layers (default: the preset's).")
    private Integer layers;

    @Option(names = "--dropout", description = "Dropout rate (default: the preset's).")
    private Double dropout;

    @Option(names = "--qkv-bias", negatable = true, description = "Biases on the query, key and value projections.")
    private Boolean qkvBias;

    @Option(names = "--tied-head", negatable = true, description = "Tie the output head to the token embedding.")
    private Boolean tiedHead;

    @Option(names = "--init", defaultValue = "gpt2", description = "gpt2 or torch (the book's GPTModel draws) (default: ${DEFAULT-VALUE}).")
    private String init;

    @Option(names = "--steps", defaultValue = "1000", description = "Train up to this step (default: ${DEFAULT-VALUE}).")
    private long steps;

    @Option(names = "--batch", defaultValue = "16", description = "Batch size (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(names = "--min-lr", description = "Learning rate at the end of the cosine (default: a tenth of --lr).")
    private Double minLearningRate;

    @Option(names = "--warmup", description = "Warmup steps (default: a tenth of --steps, at most 200).")
    private Long warmup;

    @Option(names = "--schedule", defaultValue = "cosine", description = "cosine or constant (default: ${DEFAULT-VALUE}).")
    private String schedule;

    @Option(names = "--weight-decay", defaultValue = "0.1", description = "AdamW weight decay (default: ${DEFAULT-VALUE}).")
    private double weightDecay;

    @Option(names = "--grad-clip", defaultValue = "1.0", description = "Largest gradient norm, 0 for none (default: ${DEFAULT-VALUE}).")
    private double gradClip;

    @Option(names = "--train-ratio", defaultValue = "0.9", description = "Share of the text used for training (default: ${DEFAULT-VALUE}).")
    private double trainRatio;

    @Option(names = "--eval-interval", defaultValue = "100", description = "Evaluate every N steps (default: ${DEFAULT-VALUE}).")
    private int evalInterval;

    @Option(names = "--eval-batches", defaultValue = "5", description = "Batches per evaluation (default: ${DEFAULT-VALUE}).")
    private int evalBatches;

    @Option(names = "--sample-interval", defaultValue = "0", description = "Print a sample every N steps, 0 for never (default: ${DEFAULT-VALUE}).")
    private int sampleInterval;

    @Option(names = "--sample-prompt", defaultValue = "", description = "Prompt of the samples.")
    private String samplePrompt;

    @Option(names = "--sample-tokens", defaultValue = "60", description = "Tokens per sample (default: ${DEFAULT-VALUE}).")
    private int sampleTokens;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR", defaultValue = "runs/latest",
            description = "Where checkpoint.safetensors and history.csv go (default: ${DEFAULT-VALUE}).")
    private Path checkpointDir;

    @Option(names = "--checkpoint-interval", defaultValue = "0", description = "Save every N steps besides the end, 0 for only the end.")
    private int checkpointInterval;

    @Option(names = "--no-optimizer-state",
            description = "Leave AdamW's moments out of checkpoints: a third of the size, but a resumed run is then not exact.")
    private boolean noOptimizerState;

    @Option(names = "--seed", defaultValue = "123", description = "Seed of the weights, batch order and dropout (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--quiet", description = "Only print checkpoints and the end.")
    private boolean quiet;

    @Option(names = "--overwrite", description = "Replace a checkpoint of another run found in --checkpoint-dir.")
    private boolean overwrite;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return train(out);
        } catch (CheckpointException | DataException | TextSourceException | UserError e) {
            err.println("error: " + e.getMessage());
            return Main.USER_ERROR;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Main.USER_ERROR;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return Main.USER_ERROR;
        }
    }

    /** A mistake in the options, said in one line. */
    static final class UserError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UserError(String message) {
            super(message);
        }
    }

    private int train(PrintWriter out) throws IOException {
        if (source.text == null && source.task == null) {
            throw new UserError("give --text FILE or --task NAME to train on" + (resume != null ? " (the same as the first run)" : ""));
        }
        LoadedModel resumed = resume == null ? null : LoadedModel.read(resume, true);
        LoadedModel pretrained = null;
        if (resumed != null && resumed.origin() == LoadedModel.Origin.GPT2_FOLDER) {
            if (source.text == null) {
                throw new UserError("a GPT-2 folder is fine-tuned on a text: give --text FILE (a synthetic --task has its own vocabulary)");
            }
            pretrained = resumed; // a new run that starts from these weights, not the continuation of one
            resumed = null;
        }
        TrainingSettings settings;
        GptModel model;
        TrainingData data;
        if (pretrained != null) {
            settings = newSettings();
            model = pretrained.model();
            if (context != null && (context < 1 || context > model.config().contextLength())) {
                throw new UserError("--context " + context + ": a fine-tuning window is 1 to the model's context of "
                        + model.config().contextLength() + " tokens");
            }
            data = data(model.config(), null, pretrained.tokenizer());
            out.println("fine-tuning " + pretrained.source() + " (GPT-2 layout) from its weights; checkpoints are the explorer's own");
        } else if (resumed != null) {
            settings = resumedSettings(resumed.checkpoint().training());
            data = data(resumed.model().config(), resumed, resumed.tokenizer());
            model = resumed.model();
            if (resumed.checkpoint().optimizer().isEmpty()) {
                out.println("note: " + resume + " has no optimizer state (saved with --no-optimizer-state): training continues "
                        + "with fresh AdamW moments, so it will not match an uninterrupted run exactly");
            }
        } else {
            settings = newSettings();
            GptConfig config = config();
            data = data(config, null, null);
            config = config.withVocabSize(data.tokenizer().vocabSize());
            GptInit initialisation = switch (init) {
                case "gpt2" -> GptInit.GPT2;
                case "torch" -> GptInit.TORCH;
                default -> throw new UserError("unknown --init '" + init + "'; use gpt2 or torch");
            };
            model = initialisation.create(config, seed, DataType.FLOAT);
        }
        GptConfig config = model.config();
        out.printf(Locale.ROOT, "data: %s%n", data.description());
        out.printf(Locale.ROOT, "model: vocab %d, context %d, emb %d, %d heads, %d layers, dropout %.2f; %,d parameters%n", config.vocabSize(),
                config.contextLength(), config.embDim(), config.numHeads(), config.numLayers(), config.dropRate(),
                model.parameterCount(false));
        Files.createDirectories(checkpointDir);
        Path checkpointFile = checkpointDir.resolve(CHECKPOINT_FILE);
        Path historyFile = checkpointDir.resolve(HISTORY_FILE);
        boolean continuesThatFile = resume != null && Files.exists(checkpointFile) && Files.isSameFile(resume, checkpointFile);
        if (Files.exists(checkpointFile) && !continuesThatFile && !overwrite) {
            throw new UserError(checkpointFile + " holds another run: continue it with --resume " + checkpointFile
                    + ", choose another --checkpoint-dir, or replace it with --overwrite");
        }
        ObjectNode training;
        if (resumed != null) {
            training = resumed.checkpoint().training().deepCopy();  // the run's own settings, whatever the defaults now
            training.setAll(TrainingSettingsJson.toJson(settings));
            if (settings.steps() > settings.schedule().totalSteps()) {
                out.printf(Locale.ROOT, "note: the learning-rate schedule keeps its length of %d steps; steps %d to %d run at %.2e%n",
                        settings.schedule().totalSteps(), settings.schedule().totalSteps() + 1, settings.steps(),
                        settings.schedule().minLearningRate());
            }
        } else {
            training = TrainingSettingsJson.toJson(settings);
            training.put("batchSize", batch);
            training.put("trainRatio", trainRatio);
            training.put("init", pretrained != null ? "pretrained" : init);
            if (pretrained != null) {
                training.put("pretrained", pretrained.source().toString());
                training.put("window", window(config, null));
            }
            if (source.task != null) {
                training.put("task", source.task);
                if (taskLength != null) {
                    training.put("taskLength", taskLength);
                }
            } else {
                training.put("text", source.text.toString());
            }
        }
        TrainingData usedData = data;
        GptModel usedModel = model;
        Trainer trainer = new Trainer(model, data.tokenizer(), data.train(), data.validation(), settings,
                snapshot -> save(checkpointFile, usedModel, usedData, snapshot, training),
                resumed == null ? null : snapshotOf(resumed.checkpoint()));
        trainer.addListener(new ProgressPrinter(out, spec.commandLine().getErr(), System.console() != null, quiet));
        trainer.addListener(event -> {
            if (event instanceof TrainingEvent.Evaluation) {
                try {
                    HistoryCsv.write(historyFile, trainer.history());
                } catch (IOException e) {
                    out.println("warning: could not write " + historyFile + ": " + e.getMessage());
                }
            }
        });
        // Ctrl-C: stop after the current step, and keep the JVM alive until the checkpoint is saved.
        CountDownLatch done = new CountDownLatch(1);
        Thread stopper = new Thread(() -> {
            trainer.cancel();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(stopper);
        TrainingEvent end;
        try {
            end = trainer.run();
            if (end instanceof TrainingEvent.Cancelled) {
                Path saved = save(checkpointFile, model, data, trainer.snapshot(), training);
                out.printf(Locale.ROOT, "saved %s (step %d): continue with --resume %s%n", saved, trainer.step(), saved);
            }
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and was waiting for this save: the JVM exits once it returns
            }
        }
        out.flush();
        return end instanceof TrainingEvent.Failed ? 1 : 0;
    }

    private Path save(Path file, GptModel model, TrainingData data, TrainingSnapshot snapshot, ObjectNode training) throws IOException {
        Map<String, org.attentionexplorer.math.FloatTensor> optimizer = noOptimizerState ? Map.of() : snapshot.optimizerState();
        Checkpoints.write(file, new Checkpoint(model.config(), TokenizerJson.toJson(data.tokenizer()), snapshot.weights(), optimizer,
                snapshot.step(), snapshot.tokensSeen(), snapshot.seed(), snapshot.history(), training, AppVersion.current()));
        return file;
    }

    private static TrainingSnapshot snapshotOf(Checkpoint checkpoint) {
        return new TrainingSnapshot(checkpoint.weights(), checkpoint.optimizer(), checkpoint.step(), checkpoint.tokensSeen(),
                checkpoint.seed(), checkpoint.history());
    }

    /** The run's data; {@code resumed} gives a resumed run's own settings, {@code known} the tokenizer a model already has. */
    private TrainingData data(GptConfig config, LoadedModel resumed, Tokenizer known) throws IOException {
        long dataSeed = resumed != null ? resumed.checkpoint().seed() : seed;
        int batchSize = resumed != null ? resumed.checkpoint().training().path("batchSize").asInt(batch) : batch;
        if (source.task != null) {
            SyntheticTask task = taskLength == null ? SyntheticTasks.byName(source.task) : SyntheticTasks.byName(source.task, taskLength);
            if (task.contextLength() > config.contextLength()) {
                throw new UserError("task " + task.name() + " needs a context of " + task.contextLength() + " tokens but the model has "
                        + config.contextLength() + "; use --context " + task.contextLength() + " or a shorter --task-length");
            }
            return TrainingData.fromTask(task, batchSize, dataSeed);
        }
        TokenizerKind kind = TokenizerKind.byKind(tokenizer)
                .orElseThrow(() -> new UserError("unknown --tokenizer '" + tokenizer + "'; use one of " + TokenizerKind.kinds()));
        double ratio = resumed != null ? resumed.checkpoint().training().path("trainRatio").asDouble(trainRatio) : trainRatio;
        return TrainingData.fromTextFile(source.text, kind, known, window(config, resumed),
                batchSize, ratio, dataSeed);
    }

    /**
     * The length of the training windows: the model's context, or for a fine-tuned GPT-2 folder the --context asked
     * for then (kept in the checkpoint's settings as "window", so a resumed run uses it too).
     */
    private int window(GptConfig config, LoadedModel resumed) {
        if (resumed != null) {
            return resumed.checkpoint().training().path("window").asInt(config.contextLength());
        }
        return context != null && resume != null ? context : config.contextLength();
    }

    private TrainingSettings resumedSettings(JsonNode saved) {
        TrainingSettings s;
        try {
            s = TrainingSettingsJson.fromJson(saved);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(resume.toString(), "metadata \"training\"", e.getMessage(), e);
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--steps")) {
            return s.withSteps(steps);
        }
        return s;
    }

    private TrainingSettings newSettings() {
        long warmupSteps = warmup != null ? warmup : Math.min(200, steps / 10);
        double min = minLearningRate != null ? minLearningRate : learningRate / 10;
        LearningRateSchedule lr = switch (schedule) {
            case "cosine" -> new LearningRateSchedule(learningRate, min, warmupSteps, steps, true);
            case "constant" -> new LearningRateSchedule(learningRate, learningRate, warmupSteps, steps, false);
            default -> throw new UserError("unknown --schedule '" + schedule + "'; use cosine or constant");
        };
        if (batch < 1) {
            throw new UserError("--batch must be at least 1");
        }
        return new TrainingSettings(steps, lr, weightDecay, 0.9, 0.95, gradClip, evalInterval, evalBatches, sampleInterval,
                samplePrompt, sampleTokens, checkpointInterval, seed);
    }

    private GptConfig config() {
        GptConfig base = GptConfig.preset(preset)
                .orElseThrow(() -> new UserError("unknown --preset '" + preset + "'; use one of " + String.join(", ", GptConfig.presetNames())));
        int contextLength = context != null ? context : base.contextLength();
        if (source.task != null && context == null) {
            SyntheticTask task = taskLength == null ? SyntheticTasks.byName(source.task) : SyntheticTasks.byName(source.task, taskLength);
            contextLength = task.contextLength();
        }
        return new GptConfig(base.vocabSize(), contextLength, emb != null ? emb : base.embDim(), heads != null ? heads : base.numHeads(),
                layers != null ? layers : base.numLayers(), dropout != null ? dropout : base.dropRate(),
                qkvBias != null ? qkvBias : base.qkvBias(), tiedHead != null ? tiedHead : base.tiedHead());
    }
}
