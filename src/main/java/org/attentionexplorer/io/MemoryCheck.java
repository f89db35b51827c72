package org.attentionexplorer.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Whether a model fits in memory before it is loaded. The weights live in ND4J's native memory as float32 (outside the
 * Java heap), and while a tensor is read its float32 copy is on the heap. So a model needs, natively, its weights plus
 * working memory for the arrays of a forward pass (a quarter of the weights, at least 512 MB), and on the heap twice
 * its largest tensor.
 *
 * @param availableNative bytes the process can still get from the machine: the smaller of MemAvailable
 *                        ({@code /proc/meminfo}) and what its cgroup (container) limit leaves; empty when unknown
 * @param availableHeap   bytes the Java heap can still grow by ({@code -Xmx} less what is in use)
 */
public record MemoryCheck(OptionalLong availableNative, long availableHeap) {
    static final long MIN_WORKING_BYTES = 512L << 20;

    /** The figures of this process and machine now. */
    public static MemoryCheck current() {
        Runtime runtime = Runtime.getRuntime();
        long heap = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        return new MemoryCheck(machineAvailable(), heap);
    }

    /** Native bytes a model of {@code weightBytes} (float32) needs: its weights and the working memory. */
    static long nativeNeeded(long weightBytes) {
        return weightBytes + Math.max(MIN_WORKING_BYTES, weightBytes / 4);
    }

    /**
     * Null when the model fits, else a sentence saying what is missing and what to do.
     *
     * @param parameters        the model's parameter count (float32 each once loaded)
     * @param largestTensorElements elements of the largest tensor (read through the heap)
     */
    public String shortfall(long parameters, long largestTensorElements) {
        long weights = parameters * 4;
        long nativeBytes = nativeNeeded(weights);
        if (availableNative.isPresent() && availableNative.getAsLong() < nativeBytes) {
            return String.format(Locale.ROOT, "not enough memory: the model's %,d parameters take %s as float32, and with working memory"
                    + " it needs about %s, but only %s of memory is free on this machine. Close other programs, or open a smaller model",
                    parameters, gb(weights), gb(nativeBytes), gb(availableNative.getAsLong()));
        }
        long heapBytes = 2 * 4 * largestTensorElements;
        if (availableHeap < heapBytes) {
            return String.format(Locale.ROOT, "not enough Java heap: reading the model's largest tensor needs about %s of heap, but only %s"
                    + " is left (-Xmx). Start Java with a larger -Xmx, e.g. -Xmx%dg", gb(heapBytes), gb(availableHeap),
                    Math.max(2, (heapBytes >> 30) + 2));
        }
        return null;
    }

    static String gb(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    private static OptionalLong machineAvailable() {
        OptionalLong meminfo = memAvailable(Path.of("/proc/meminfo"));
        OptionalLong cgroup = cgroupLeft(Path.of("/sys/fs/cgroup/memory.max"), Path.of("/sys/fs/cgroup/memory.current"));
        if (meminfo.isPresent() && cgroup.isPresent()) {
            return OptionalLong.of(Math.min(meminfo.getAsLong(), cgroup.getAsLong()));
        }
        return meminfo.isPresent() ? meminfo : cgroup;
    }

    /** MemAvailable of a /proc/meminfo file, in bytes. */
    static OptionalLong memAvailable(Path meminfo) {
        try {
            List<String> lines = Files.readAllLines(meminfo);
            for (String line : lines) {
                if (line.startsWith("MemAvailable:")) {
                    String[] parts = line.substring("MemAvailable:".length()).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or unreadable: unknown
        }
        return OptionalLong.empty();
    }

    /** A cgroup v2 limit less its current use, in bytes; empty without a limit ("max") or off Linux. */
    static OptionalLong cgroupLeft(Path max, Path current) {
        try {
            String limit = Files.readString(max).trim();
            if (limit.equals("max")) {
                return OptionalLong.empty();
            }
            long used = Long.parseLong(Files.readString(current).trim());
            return OptionalLong.of(Math.max(0, Long.parseLong(limit) - used));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
