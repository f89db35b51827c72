package org.attentionexplorer.ui.generate;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.attentionexplorer.generate.Generator;
import org.attentionexplorer.generate.SamplingSettings;
import org.attentionexplorer.io.LoadedModel;
import org.attentionexplorer.ui.task.BackgroundWork;

/**
 * How fast generation is on a real model, straight through the core and through the view model (with a
 * stand-in UI thread), and how many hand-overs to the UI thread streaming costs. Also the cost of checking the
 * prompt on a keystroke. Arguments: [checkpoint] [tokens] (defaults: the bundled lighthouse model, 100, which
 * stays within its context of 128).
 */
public final class GenerationBenchmark {
    private static final String PROMPT = "Monday, 1 January. Wind ";

    private GenerationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "samples/models/char-small-lighthouse.safetensors");
        int tokens = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        LoadedModel loaded = LoadedModel.read(file);
        SamplingSettings settings = new SamplingSettings(tokens, false, 0.8, 0, 1.0, 123, false, GenerationViewModel.CANDIDATES);
        Generator.generate(loaded.model(), loaded.tokenizer(), PROMPT, settings, s -> { }, () -> false); // warm-up

        double[] direct = new double[3];
        for (int r = 0; r < direct.length; r++) {
            long start = System.nanoTime();
            Generator.generate(loaded.model(), loaded.tokenizer(), PROMPT, settings, s -> { }, () -> false);
            direct[r] = tokens / ((System.nanoTime() - start) / 1e9);
        }

        ExecutorService uiThread = Executors.newSingleThreadExecutor();
        AtomicInteger handOvers = new AtomicInteger();
        BackgroundWork work = BackgroundWork.withDaemonThread(uiThread);
        GenerationViewModel model = new GenerationViewModel(work, r -> {
            handOvers.incrementAndGet();
            uiThread.execute(r);
        });
        double[] viaModel = new double[3];
        int[] flushes = new int[3];
        for (int r = 0; r < viaModel.length; r++) {
            CountDownLatch done = new CountDownLatch(1);
            uiThread.submit(() -> {
                model.setModel(loaded);
                model.promptProperty().set(PROMPT);
                model.maxTokensProperty().set(tokens);
                model.runningProperty().addListener((obs, was, running) -> {
                    if (!running) {
                        done.countDown();
                    }
                });
            }).get();
            handOvers.set(0);
            long start = System.nanoTime();
            uiThread.submit(model::generate).get();
            done.await();
            viaModel[r] = tokens / ((System.nanoTime() - start) / 1e9);
            flushes[r] = handOvers.get();
        }
        uiThread.shutdown();

        // step times before and after the sequence fills the context (the cache is then refilled for every token)
        int context = loaded.model().config().contextLength();
        String nearlyFull = "Monday, 1 January. Wind south-west, light. ".repeat(4).substring(0, context - 8);
        long[] stamps = new long[24];
        AtomicInteger at = new AtomicInteger();
        long begin = System.nanoTime();
        Generator.generate(loaded.model(), loaded.tokenizer(), nearlyFull, new SamplingSettings(stamps.length, true, 1, 0, 1, 0, false, 10),
                s -> stamps[at.getAndIncrement()] = System.nanoTime(), () -> false);
        double[] within = new double[7];
        double[] beyond = new double[15];
        for (int i = 1; i < stamps.length; i++) {
            double ms = (stamps[i] - stamps[i - 1]) / 1e6;
            if (i < 8) {
                within[i - 1] = ms;
            } else if (i >= 9) {
                beyond[i - 9] = ms;
            }
        }

        String longPrompt = "Monday, 1 January. Wind south-west, light. Lamp lit 4.12 p.m. ".repeat(32); // ~2,000 characters
        long[] check = new long[50];
        GenerationViewModel checking = new GenerationViewModel(BackgroundWork.sameThread(), Runnable::run);
        checking.setModel(loaded);
        for (int i = 0; i < check.length; i++) {
            long start = System.nanoTime();
            checking.promptProperty().set(longPrompt + i);
            check[i] = System.nanoTime() - start;
        }
        Arrays.sort(check);

        System.out.printf(Locale.ROOT, "model %s, %d tokens, prompt %d characters, %d candidates per step%n", file.getFileName(), tokens,
                PROMPT.length(), GenerationViewModel.CANDIDATES);
        System.out.printf(Locale.ROOT, "core Generator:        %s tokens/s (median %.1f)%n", format(direct), median(direct));
        System.out.printf(Locale.ROOT, "through the view model: %s tokens/s (median %.1f); UI hand-overs per run %s (flush interval %d ms)%n",
                format(viaModel), median(viaModel), Arrays.toString(flushes), GenerationViewModel.FLUSH_INTERVAL_MS);
        System.out.printf(Locale.ROOT, "ms per token with the sequence within the context: median %.1f; once it is full (%d): median %.1f (first token after a %d-token prompt: %.0f ms)%n",
                median(within), context, median(beyond), nearlyFull.length(), (stamps[0] - begin) / 1e6);
        System.out.printf(Locale.ROOT, "prompt check on a keystroke, %d characters: median %.3f ms, max %.3f ms%n", longPrompt.length() + 1,
                check[check.length / 2] / 1e6, check[check.length - 1] / 1e6);
    }

    private static String format(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.1f", v)).toList().toString();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
