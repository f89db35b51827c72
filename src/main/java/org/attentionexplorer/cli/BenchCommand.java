package org.attentionexplorer.cli;

import java.util.Locale;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.train.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: training speed of a preset on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures training speed: ms per step (median of repeated steps after warm-up), tokens/s,",
            "achieved GFLOP/s and its share of a float32 sgemm measured in the same process, and peak resident memory."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--shape", description = {"One of issue 6's reference shapes, in place of --preset, --batch and --context:",
        "a = char-small, batch 16 x 128; c = GPT-2 124M (tied head, query/key/value biases), batch 4 x 64."})
    private String shape;

    @Option(names = "--preset", defaultValue = "char-small", description = "Model preset: tiny, char-small, gpt2-124m (default: ${DEFAULT-VALUE}).")
    private String preset;

    @Option(names = "--batch", defaultValue = "16", description = "Batch size (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--context", description = "Context length (default: the preset's).")
    private Integer context;

    @Option(names = "--vocab", description = "Vocabulary size (default: the preset's).")
    private Integer vocab;

    @Option(names = "--steps", defaultValue = "10", description = "Measured steps (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--warmup", defaultValue = "3", description = "Warm-up steps, not measured (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--inference-tokens", defaultValue = "64",
            description = "Also time a trace and cached generation of this many tokens, 0 to skip (default: ${DEFAULT-VALUE}).")
    private int inferenceTokens;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (shape != null) {
            switch (shape) {
                case "a" -> {
                    preset = "char-small";
                    batch = 16;
                    context = 128;
                }
                case "c" -> {
                    preset = "gpt2-124m";
                    batch = 4;
                    context = 64;
                }
                default -> {
                    err.println("error: unknown --shape '" + shape + "'; use a (char-small, 16 x 128) or c (GPT-2 124M, 4 x 64)");
                    return Main.USER_ERROR;
                }
            }
        }
        GptConfig config = GptConfig.preset(preset).orElse(null);
        if (config != null && "c".equals(shape)) {
            config = new GptConfig(config.vocabSize(), config.contextLength(), config.embDim(), config.numHeads(),
                    config.numLayers(), config.dropRate(), true, true);   // GPT-2 itself: 124M parameters, as llm.c's figures
        }
        if (config == null) {
            err.println("error: unknown preset '" + preset + "'; use one of " + String.join(", ", GptConfig.presetNames()));
            return Main.USER_ERROR;
        }
        if (batch < 1 || steps < 1 || warmup < 0 || (vocab != null && vocab < 3)) {
            err.println("error: --batch and --steps must be at least 1, --warmup at least 0 and --vocab at least 3");
            return Main.USER_ERROR;
        }
        try {
            config = config.withDropRate(0.0);
            if (context != null) {
                config = config.withContextLength(context);
            }
            if (vocab != null) {
                config = config.withVocabSize(vocab);
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Main.USER_ERROR;
        }
        String loadBefore = Benchmark.loadAverage();
        Benchmark.Result r = Benchmark.run(config, batch, warmup, steps, 1);
        String loadAfterTraining = Benchmark.loadAverage();
        out.printf(Locale.ROOT, "preset %s: vocab %d, context %d, emb %d, %d heads, %d layers; %,d parameters (without positions)%n",
                preset, config.vocabSize(), config.contextLength(), config.embDim(), config.numHeads(), config.numLayers(),
                r.parameters());
        out.printf(Locale.ROOT, "backend: %s%n", Benchmark.backendDescription());
        out.printf(Locale.ROOT, "batch %d x %d, %d steps after %d warm-up; load average %s before, %s after%n", batch,
                config.contextLength(), steps, warmup, loadBefore, loadAfterTraining);
        out.printf(Locale.ROOT, "ms/step: median %.1f, min %.1f, max %.1f%n", r.medianMs(), r.minMs(), r.maxMs());
        out.printf(Locale.ROOT, "tokens/s: %,.0f%n", r.tokensPerSecond());
        out.printf(Locale.ROOT, "GFLOP/step: %.2f; achieved %.1f GFLOP/s = %.1f%% of this process's sgemm (%.1f GFLOP/s)%n",
                r.flopsPerStep() / 1e9, r.achievedGflops(), 100 * r.shareOfSgemm(), r.sgemmGflops());
        if (inferenceTokens > 0) {
            Benchmark.InferenceResult inference = Benchmark.inference(config, inferenceTokens, 9, 1);
            out.printf(Locale.ROOT, "trace of %d tokens (every layer and head): %.1f ms (median of 9)%n", inference.tokens(), inference.traceMs());
            out.printf(Locale.ROOT, "generation with the key/value cache: %.1f tokens/s (batch 1, %d tokens)%n", inference.generatedPerSecond(),
                    inference.tokens() - 1);
            out.printf(Locale.ROOT, "generation past a full context (a cache refill per token): %.1f tokens/s (%d tokens); load average %s%n",
                    inference.pastContextPerSecond(), Benchmark.PAST_CONTEXT_TOKENS, Benchmark.loadAverage());
        }
        out.printf(Locale.ROOT, "peak resident memory: %s%n", r.peakResidentBytes() < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", r.peakResidentBytes() / 1e6));
        out.flush();
        return 0;
    }
}
