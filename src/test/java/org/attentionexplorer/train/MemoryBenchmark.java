package org.attentionexplorer.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.model.GptInit;
import org.attentionexplorer.model.GptModel;
import org.attentionexplorer.text.TokenizerKind;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Where a training run's native memory goes: trains char-small on the bundled story and prints, after every step,
 * the step time, the resident set (VmRSS from /proc/self/status), the off-heap bytes javacpp counts as allocated
 * through it ({@code Pointer.totalBytes()}) and the Java heap in use. Not a unit test: memory and time on a shared
 * machine are for reading.
 *
 * <pre>java -cp target/classes:target/test-classes:target/lib/* org.attentionexplorer.train.MemoryBenchmark \
 *   [steps] [evalInterval] [batch]</pre>
 */
public final class MemoryBenchmark {
    private MemoryBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long steps = args.length > 0 ? Long.parseLong(args[0]) : 300;
        int evalInterval = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        Path text = Path.of("samples/texts/the-lighthouse-keepers-notebook.txt");
        GptConfig preset = GptConfig.CHAR_SMALL;
        TrainingData data = TrainingData.fromTextFile(text, TokenizerKind.CHAR, null, preset.contextLength(), batch, 0.9, 123);
        GptModel model = GptInit.GPT2.create(preset.withVocabSize(data.tokenizer().vocabSize()), 123, DataType.FLOAT);
        TrainingSettings d = TrainingSettings.defaults(steps, 123);
        TrainingSettings settings = new TrainingSettings(steps, d.schedule(), d.weightDecay(), d.beta1(), d.beta2(), d.gradClip(),
                evalInterval, 5, 0, "", 0, 0, 123);
        Trainer trainer = new Trainer(model, data.tokenizer(), data.train(), data.validation(), settings, null, null);
        System.out.printf(Locale.ROOT, "memory benchmark: char-small, batch %d, %d steps, eval every %d; %s%n", batch, steps,
                evalInterval, data.description());
        boolean nmt = Boolean.getBoolean("memory.nmt");
        System.out.println("step ms rssMB javacppMB heapMB heapCommittedMB" + (nmt ? " jvmCommittedMB" : "") + " event");
        long[] last = {System.nanoTime()};
        trainer.addListener(event -> {
            String kind = null;
            long step = 0;
            if (event instanceof TrainingEvent.Step s) {
                kind = "step";
                step = s.step();
            } else if (event instanceof TrainingEvent.Evaluation e) {
                kind = "eval";
                step = e.point().step();
            }
            if (kind != null) {
                long now = System.nanoTime();
                Runtime rt = Runtime.getRuntime();
                System.out.printf(Locale.ROOT, "%d %.0f %.0f %.0f %.0f %.0f%s %s%n", step, (now - last[0]) / 1e6, rssBytes() / 1e6,
                        Pointer.totalBytes() / 1e6, (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.totalMemory() / 1e6,
                        nmt ? String.format(Locale.ROOT, " %.0f", jvmCommittedBytes() / 1e6) : "", kind);
                last[0] = now;
            }
        });
        trainer.run();
        System.out.printf(Locale.ROOT, "done: rss %.0f MB, javacpp max %.0f MB%n", rssBytes() / 1e6, Pointer.maxBytes() / 1e6);
    }

    /**
     * What the JVM itself has committed (heap, metaspace, code cache, GC, threads, its own mallocs), from Native Memory
     * Tracking: run with {@code -XX:NativeMemoryTracking=summary -Dmemory.nmt=true}. RSS minus this is, roughly,
     * what native libraries (libnd4j, OpenBLAS) hold through the C allocator.
     */
    static long jvmCommittedBytes() {
        try {
            Object text = java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB").matcher(text.toString());
            return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
        } catch (javax.management.JMException e) {
            return -1;
        }
    }

    /** VmRSS of this process, in bytes (0 where /proc is missing). */
    static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }
}
