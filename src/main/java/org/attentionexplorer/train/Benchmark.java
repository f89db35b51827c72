package org.attentionexplorer.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.attentionexplorer.model.ComputeThreads;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.model.GptInit;
import org.attentionexplorer.generate.Generator;
import org.attentionexplorer.generate.SamplingSettings;
import org.attentionexplorer.model.GptModel;
import org.attentionexplorer.model.ModelTracer;
import org.attentionexplorer.text.Tokenizer;
import org.attentionexplorer.text.WordTokenizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures training speed: whole steps (forward, backward, clipping, AdamW) on random tokens, timed after
 * warm-up, and an sgemm of the same process as the yardstick, so the achieved GFLOP/s can be read as a share
 * of what this machine's matrix product reaches right now.
 */
public final class Benchmark {
    private Benchmark() {
    }

    /**
     * @param msPerStep         median, min and max milliseconds per training step
     * @param tokensPerSecond   batch x context / median step time
     * @param flopsPerStep      B T (6 N + 12 L T C), N = parameters without the position embedding (llm.c's count)
     * @param achievedGflops    flopsPerStep / median step time
     * @param sgemmGflops       float32 1024 x 1024 matrix product of this process, best of several
     * @param peakResidentBytes the process's peak resident memory (VmHWM), or -1 where it cannot be read
     */
    public record Result(GptConfig config, int batchSize, int steps, double[] msPerStep, double tokensPerSecond,
            double flopsPerStep, double achievedGflops, double sgemmGflops, long parameters, long peakResidentBytes) {
        public double medianMs() {
            return msPerStep[0];
        }

        public double minMs() {
            return msPerStep[1];
        }

        public double maxMs() {
            return msPerStep[2];
        }

        public double shareOfSgemm() {
            return achievedGflops / sgemmGflops;
        }
    }

    public static Result run(GptConfig config, int batchSize, int warmupSteps, int steps, long seed) {
        GptModel model = GptInit.GPT2.create(config, seed, DataType.FLOAT);
        AdamW optimizer = AdamW.withDefaults();
        SplittableRandom random = new SplittableRandom(seed);
        int t = config.contextLength();
        double[] times = new double[steps];
        try (StepMemory memory = new StepMemory()) {   // as the trainer: one reused workspace for a step's arrays
            for (int s = 0; s < warmupSteps + steps; s++) {
                int[][] inputs = randomTokens(random, batchSize, t, config.vocabSize());
                int[][] targets = randomTokens(random, batchSize, t, config.vocabSize());
                long dropoutSeed = s;
                long start = System.nanoTime();
                memory.inside(() -> {
                    GptModel.StepResult result = model.lossAndGradients(inputs, targets, dropoutSeed);
                    AdamW.clipGradients(result.gradients(), 1.0);
                    optimizer.update(model.parameters(), result.gradients(), 1e-4);
                    return result.loss();
                });
                double ms = (System.nanoTime() - start) / 1e6;
                if (s >= warmupSteps) {
                    times[s - warmupSteps] = ms;
                }
            }
        }
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        long n = model.parameterCount(true);
        double flops = (double) batchSize * t * (6.0 * n + 12.0 * config.numLayers() * t * config.embDim());
        return new Result(config, batchSize, steps, new double[] {median, sorted[0], sorted[sorted.length - 1]},
                batchSize * t / (median / 1000), flops, flops / (median / 1000) / 1e9, sgemmGflops(1024, 5), n, peakResidentBytes());
    }

    private static int[][] randomTokens(SplittableRandom random, int rows, int cols, int vocab) {
        int[][] ids = new int[rows][cols];
        for (int[] row : ids) {
            for (int i = 0; i < cols; i++) {
                row[i] = random.nextInt(vocab);
            }
        }
        return ids;
    }

    /**
     * Inference speed of a fresh model of {@code config}: the median milliseconds to trace {@code tokens} tokens
     * with every internal captured, and the tokens per second of greedy generation with the key/value cache.
     *
     * @param traceMs            median of {@code repeats} traces
     * @param generatedPerSecond tokens per second generating {@code tokens} tokens after a one-token prompt
     * @param pastContextPerSecond tokens per second generating {@link #PAST_CONTEXT_TOKENS} tokens after a prompt that
     *                           fills the context, so that every token refills the key/value cache
     */
    public record InferenceResult(int tokens, double traceMs, double generatedPerSecond, double pastContextPerSecond) {
    }

    /** Tokens generated past a full context for {@link InferenceResult#pastContextPerSecond}. */
    public static final int PAST_CONTEXT_TOKENS = 16;

    public static InferenceResult inference(GptConfig config, int tokens, int repeats, long seed) {
        GptModel model = GptInit.GPT2.create(config, seed, DataType.FLOAT);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < config.vocabSize() - 2; i++) {
            words.add("w" + i);   // a word vocabulary of the model's size; the two specials complete it
        }
        Tokenizer tokenizer = WordTokenizer.fromVocabulary(words);
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        int n = Math.min(tokens, config.contextLength());
        for (int i = 0; i < n; i++) {
            text.append('w').append(random.nextInt(words.size())).append(' ');
        }
        double[] times = new double[repeats];
        for (int r = -1; r < repeats; r++) {
            long start = System.nanoTime();
            ModelTracer.trace(model, tokenizer, text.toString(), 5);
            if (r >= 0) {
                times[r] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(times);
        SamplingSettings greedy = new SamplingSettings(n - 1, true, 1.0, 0, 1.0, seed, false, 5);
        Generator.generate(model, tokenizer, "w1", new SamplingSettings(4, true, 1.0, 0, 1.0, seed, false, 5), s -> { }, () -> false);
        long start = System.nanoTime();
        int generated = Generator.generate(model, tokenizer, "w1", greedy, s -> { }, () -> false).steps().size();
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder full = new StringBuilder();
        for (int i = 0; i < config.contextLength(); i++) {
            full.append('w').append(random.nextInt(words.size())).append(' ');
        }
        SamplingSettings past = new SamplingSettings(PAST_CONTEXT_TOKENS, true, 1.0, 0, 1.0, seed, false, 5);
        start = System.nanoTime();
        int pastGenerated = Generator.generate(model, tokenizer, full.toString(), past, s -> { }, () -> false).steps().size();
        double pastSeconds = (System.nanoTime() - start) / 1e9;
        return new InferenceResult(n, times[repeats / 2], generated / seconds, pastGenerated / pastSeconds);
    }

    /** Best-of-{@code repeats} GFLOP/s of an n x n float32 matrix product. */
    public static double sgemmGflops(int n, int repeats) {
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.zeros(DataType.FLOAT, n, n);
        a.mmuli(b, c); // warm-up
        double best = Double.MAX_VALUE;
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            a.mmuli(b, c);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return 2.0 * n * n * n / best / 1e9;
    }

    /** Which ND4J backend runs the numbers, e.g. "CpuBackend, threads 1 (BLAS 1)". */
    public static String backendDescription() {
        return Nd4j.getBackend().getClass().getSimpleName() + ", threads " + ComputeThreads.describe();
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg, e.g. "1.28 1.23 2.67", or "n/a". */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** VmHWM from /proc/self/status, or -1 where the file does not exist. */
    public static long peakResidentBytes() {
        return procStatusKilobytes("VmHWM:");
    }

    /** VmRSS from /proc/self/status, or -1 where the file does not exist. */
    public static long residentBytes() {
        return procStatusKilobytes("VmRSS:");
    }

    private static long procStatusKilobytes(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
