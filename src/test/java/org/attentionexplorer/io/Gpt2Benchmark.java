package org.attentionexplorer.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.attentionexplorer.generate.Generation;
import org.attentionexplorer.generate.Generator;
import org.attentionexplorer.generate.SamplingSettings;
import org.attentionexplorer.model.GptConfig;
import org.attentionexplorer.model.GptModel;
import org.attentionexplorer.model.ModelTrace;
import org.attentionexplorer.model.ModelTracer;

/**
 * GPT-2 124M through the import path, with random weights (there is no network here for the real ones): writes a
 * folder of GPT-2's exact shapes (vocab 50257, context 1024, width 768, 12 heads, 12 layers, qkv biases, tied head;
 * F32, with the transformer. prefix and the mask buffers as older exports have them) unless it exists, then reports
 * the load time, resident memory after loading (VmRSS), tracing 128 tokens with every layer x head captured, and
 * generating 50 tokens with the key/value cache. Arguments: [folder] (default /tmp/gpt2-124m-random), [runs] (3).
 * Run with {@code -Xmx3g} or more (the writer holds one tensor at a time; the trace holds 144 heads' matrices).
 */
public final class Gpt2Benchmark {
    static final GptConfig GPT2_124M = new GptConfig(50257, 1024, 768, 12, 12, 0.1, true, true);
    private static final String TEXT = "It was a bright cold day in April, and the clocks were striking thirteen. Winston Smith, his chin "
            + "nuzzled into his breast in an effort to escape the vile wind, slipped quickly through the glass doors of Victory "
            + "Mansions, though not quickly enough to prevent a swirl of gritty dust from entering along with him. The hallway "
            + "smelt of boiled cabbage and old rag mats. At one end of it a coloured poster, too large for indoor display, had "
            + "been tacked to the wall. It depicted simply an enormous face, more than a metre wide";

    private Gpt2Benchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "/tmp/gpt2-124m-random");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        if (!Files.isRegularFile(folder.resolve(Gpt2Folder.WEIGHTS_FILE))) {
            long start = System.nanoTime();
            writeRandomFolder(folder, GPT2_124M, 124);
            System.out.printf(Locale.ROOT, "wrote %s in %.1f s (%,d bytes)%n", folder, (System.nanoTime() - start) / 1e9,
                    Files.size(folder.resolve(Gpt2Folder.WEIGHTS_FILE)));
        }
        long nd4j = System.nanoTime();
        org.nd4j.linalg.factory.Nd4j.create(new float[] {1f}, new long[] {1}, org.nd4j.linalg.api.buffer.DataType.FLOAT).sumNumber();
        System.out.printf(Locale.ROOT, "ND4J started in %.2f s (not part of the load below)%n", (System.nanoTime() - nd4j) / 1e9);
        System.out.printf(Locale.ROOT, "before load: VmRSS %s, heap used %s%n", rss(), heapUsed());
        long start = System.nanoTime();
        LoadedModel loaded = LoadedModel.read(folder);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "load: %.2f s, %,d parameters; VmRSS after load %s (heap used %s)%n", loadSeconds,
                loaded.model().parameterCount(false), rss(), heapUsed());
        System.gc();
        System.out.printf(Locale.ROOT, "after a GC: VmRSS %s (heap used %s)%n", rss(), heapUsed());

        SamplingSettings settings = new SamplingSettings(50, true, 1.0, 0, 1.0, 123, false, 5);
        Generator.generate(loaded.model(), loaded.tokenizer(), "Hello, I am", SamplingSettings.greedy(5), s -> { }, () -> false);
        System.out.printf(Locale.ROOT, "generate 50 tokens (greedy, key/value cache), before any trace: %s tokens/s; VmRSS %s%n",
                summary(generationSpeed(loaded, settings, runs)), rss());

        int[] ids = Arrays.copyOf(loaded.tokenizer().encode(TEXT + " " + TEXT), 128);
        String text = loaded.tokenizer().decode(ids);
        if (loaded.tokenizer().encode(text).length != 128) {
            throw new IllegalStateException("the text is not 128 tokens");
        }
        double[] trace = new double[runs];
        ModelTrace last = null;
        ModelTracer.trace(loaded.model(), loaded.tokenizer(), text, 5); // warm-up
        for (int r = 0; r < runs; r++) {
            start = System.nanoTime();
            last = ModelTracer.trace(loaded.model(), loaded.tokenizer(), text, 5);
            trace[r] = (System.nanoTime() - start) / 1e6;
        }
        int heads = last.layers().stream().mapToInt(l -> l.heads().size()).sum();
        System.out.printf(Locale.ROOT, "trace of %d tokens, %d layers x heads captured: %s ms; VmRSS %s%n", last.tokens().size(), heads,
                summary(trace), rss());

        System.out.printf(Locale.ROOT, "generate 50 tokens again, after the traces: %s tokens/s; VmRSS %s%n",
                summary(generationSpeed(loaded, settings, runs)), rss());
        System.out.printf(Locale.ROOT, "peak: %s%n", peakRss());
    }

    private static double[] generationSpeed(LoadedModel loaded, SamplingSettings settings, int runs) {
        double[] speed = new double[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            Generation generation = Generator.generate(loaded.model(), loaded.tokenizer(), "Hello, I am", settings, s -> { }, () -> false);
            speed[r] = generation.steps().size() / ((System.nanoTime() - start) / 1e9);
        }
        return speed;
    }

    /** Writes a GPT-2 folder with random weights (normal(0, 0.02), LayerNorm gains 1, biases 0), one tensor at a time. */
    static void writeRandomFolder(Path folder, GptConfig config, long seed) throws IOException {
        Files.createDirectories(folder);
        ObjectNode json = Gpt2ConfigJson.toJson(config);
        Files.writeString(folder.resolve(Gpt2Folder.CONFIG_FILE), json.toPrettyString());
        Map<String, int[]> shapes = new java.util.LinkedHashMap<>();
        GptModel.parameterShapes(config).forEach((name, shape) -> shapes.put(Gpt2Folder.PREFIX + name, shape));
        for (int i = 0; i < config.numLayers(); i++) {
            shapes.put(Gpt2Folder.PREFIX + "h." + i + ".attn.bias", new int[] {1, 1, config.contextLength(), config.contextLength()});
        }
        ObjectNode header = Json.MAPPER.createObjectNode();
        header.putObject("__metadata__").put("format", "pt");
        long offset = 0;
        for (Map.Entry<String, int[]> entry : shapes.entrySet()) {
            ObjectNode info = header.putObject(entry.getKey());
            info.put("dtype", "F32");
            var shape = info.putArray("shape");
            Arrays.stream(entry.getValue()).forEach(shape::add);
            long end = offset + 4 * Arrays.stream(entry.getValue()).asLongStream().reduce(1, (a, b) -> a * b);
            info.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] headerBytes = Json.write(header).getBytes(StandardCharsets.UTF_8);
        Random random = new Random(seed);
        Path file = folder.resolve(Gpt2Folder.WEIGHTS_FILE);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(headerBytes.length).flip();
            channel.write(prefix);
            channel.write(ByteBuffer.wrap(headerBytes));
            ByteBuffer chunk = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            for (Map.Entry<String, int[]> entry : shapes.entrySet()) {
                String name = entry.getKey();
                int[] shape = entry.getValue();
                long count = Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
                boolean gain = name.endsWith("ln_1.weight") || name.endsWith("ln_2.weight") || name.endsWith("ln_f.weight");
                boolean bias = name.endsWith(".bias") && shape.length == 1;
                boolean mask = name.endsWith(".attn.bias") && shape.length == 4;
                for (long k = 0; k < count; k++) {
                    if (!chunk.hasRemaining()) {
                        channel.write(chunk.flip());
                        chunk.clear();
                    }
                    float value;
                    if (mask) {
                        long row = (k / shape[3]) % shape[2];
                        value = (k % shape[3]) <= row ? 1 : 0;
                    } else {
                        value = gain ? 1 : bias ? 0 : (float) (random.nextGaussian() * 0.02);
                    }
                    chunk.putFloat(value);
                }
            }
            channel.write(chunk.flip());
        }
    }

    private static String summary(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "median %.1f (min %.1f, max %.1f)", sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }

    private static String rss() {
        return status("VmRSS:");
    }

    private static String peakRss() {
        return "VmHWM " + status("VmHWM:");
    }

    private static String status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    long kb = Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                    return String.format(Locale.ROOT, "%.2f GB", kb / 1e6 * 1.024);
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }

    private static String heapUsed() {
        Runtime r = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%.2f GB", (r.totalMemory() - r.freeMemory()) / 1e9);
    }
}
