package org.attentionexplorer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attentionexplorer.generate.Generation;
import org.attentionexplorer.generate.GenerationStep;
import org.attentionexplorer.generate.Generator;
import org.attentionexplorer.generate.SamplingSettings;
import org.attentionexplorer.io.CheckpointException;
import org.attentionexplorer.io.LoadedModel;
import org.attentionexplorer.model.Candidate;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.model.GptInit;
import org.attentionexplorer.model.GptModel;
import org.attentionexplorer.text.Gpt2Tokenizer;
import org.attentionexplorer.text.TokenLabels;
import org.attentionexplorer.text.Tokenizer;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: text from a trained model, or from a freshly initialised preset (the book's untrained GPT). */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generates text from a prompt, token by token (with a key/value cache), and shows the most",
            "probable candidates at each step. Use --model for a checkpoint, or --preset with --init and --seed for",
            "a new, untrained model (e.g. the book's: --preset gpt2-124m --init torch --seed 123)."})
final class GenerateCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "CKPT", description = "A checkpoint written by train, or a GPT-2 folder (config.json + model.safetensors).")
    private Path model;

    @Option(names = "--preset", description = "Instead of --model: a new model of this preset with the GPT-2 tokenizer.")
    private String preset;

    @Option(names = "--init", defaultValue = "torch", description = "How --preset draws its weights: torch (as the book) or gpt2 (default: ${DEFAULT-VALUE}).")
    private String init;

    @Option(names = "--seed", defaultValue = "123", description = "Seed of the weights (with --preset) and of sampling (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--prompt", required = true, description = "The text to continue.")
    private String prompt;

    @Option(names = "--max-tokens", defaultValue = "50", description = "Tokens to generate (default: ${DEFAULT-VALUE}).")
    private int maxTokens;

    @Option(names = "--greedy", description = "Always take the most probable token.")
    private boolean greedy;

    @Option(names = "--temperature", defaultValue = "1.0", description = "Sampling temperature (default: ${DEFAULT-VALUE}).")
    private double temperature;

    @Option(names = "--top-k", defaultValue = "0", description = "Sample among the k most probable tokens, 0 for all (default: ${DEFAULT-VALUE}).")
    private int topK;

    @Option(names = "--top-p", defaultValue = "1.0", description = "Nucleus sampling threshold (default: ${DEFAULT-VALUE}).")
    private double topP;

    @Option(names = "--candidates", defaultValue = "5", description = "Candidates reported per step (default: ${DEFAULT-VALUE}).")
    private int candidates;

    @Option(names = "--no-stop", description = "Go on past <|endoftext|> (by default generation stops there).")
    private boolean noStop;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    private String format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((model == null) == (preset == null)) {
            err.println("error: give either --model CKPT or --preset NAME");
            return Main.USER_ERROR;
        }
        if (!format.equals("text") && !format.equals("json")) {
            err.println("error: unknown --format '" + format + "'; use text or json");
            return Main.USER_ERROR;
        }
        GptModel gpt;
        Tokenizer tokenizer;
        SamplingSettings settings;
        try {
            settings = new SamplingSettings(maxTokens, greedy, temperature, topK, topP, seed, !noStop, candidates);
            if (model != null) {
                LoadedModel loaded = LoadedModel.read(model);
                gpt = loaded.model();
                tokenizer = loaded.tokenizer();
            } else {
                GptConfig config = GptConfig.preset(preset).orElseThrow(() -> new IllegalArgumentException(
                        "unknown --preset '" + preset + "'; use one of " + String.join(", ", GptConfig.presetNames())));
                tokenizer = new Gpt2Tokenizer();
                GptInit how = switch (init) {
                    case "torch" -> GptInit.TORCH;
                    case "gpt2" -> GptInit.GPT2;
                    default -> throw new IllegalArgumentException("unknown --init '" + init + "'; use torch or gpt2");
                };
                gpt = how.create(config.withVocabSize(tokenizer.vocabSize()), seed, DataType.FLOAT);
            }
        } catch (CheckpointException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Main.USER_ERROR;
        }
        Generation generation;
        try {
            generation = Generator.generate(gpt, tokenizer, prompt, settings, step -> { }, () -> false);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Main.USER_ERROR;
        }
        if (format.equals("json")) {
            out.println(json(generation, gpt.config()).toPrettyString());
        } else {
            out.println(generation.text());
            out.println();
            int position = generation.promptIds().length;
            for (GenerationStep step : generation.steps()) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%4d %-14s p=%.3f |", position++,
                        TokenLabels.quote(step.text()), step.probability()));
                for (Candidate c : step.candidates()) {
                    line.append(String.format(Locale.ROOT, " %s %.3f", TokenLabels.quote(c.text()), c.probability()));
                }
                out.println(line);
            }
            if (generation.promptCropped()) {
                out.println("(the prompt was longer than the context; only its last " + generation.promptIds().length + " tokens were used)");
            }
        }
        out.flush();
        return 0;
    }

    private static ObjectNode json(Generation generation, GptConfig config) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("config", MAPPER.valueToTree(config));
        ArrayNode promptIds = root.putArray("promptIds");
        for (int id : generation.promptIds()) {
            promptIds.add(id);
        }
        root.put("promptCropped", generation.promptCropped());
        ArrayNode ids = root.putArray("ids");
        ArrayNode all = root.putArray("allIds");
        for (int id : generation.promptIds()) {
            all.add(id);
        }
        ArrayNode steps = root.putArray("steps");
        for (GenerationStep step : generation.steps()) {
            ids.add(step.id());
            all.add(step.id());
            ObjectNode s = steps.addObject().put("id", step.id()).put("text", step.text()).put("probability", step.probability());
            ArrayNode list = s.putArray("candidates");
            step.candidates().forEach(c -> list.addObject().put("id", c.id()).put("text", c.text()).put("probability", c.probability()));
        }
        root.put("text", generation.text());
        root.put("stopReason", generation.stopReason().name().toLowerCase(Locale.ROOT));
        return root;
    }
}
