package org.attentionexplorer.model;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many threads ND4J computes with. Its default (OpenMP and OpenBLAS on every core) hands each small operation
 * between threads, which on a 2-core machine made small operations several times slower than one thread, and left
 * no core for the window. The choice, first match wins: the system property {@code ae.threads}, the environment
 * variable {@code AE_THREADS}, {@code OMP_NUM_THREADS} (ND4J reads it itself), otherwise all cores but one (at
 * least one). Applied once at start by the entry points; ND4J's settings are process-wide.
 */
public final class ComputeThreads {
    private static final Logger LOG = LoggerFactory.getLogger(ComputeThreads.class);

    /** The system property that sets the thread count. */
    public static final String PROPERTY = "ae.threads";
    /** The environment variable that sets the thread count. */
    public static final String VARIABLE = "AE_THREADS";

    private ComputeThreads() {
    }

    /**
     * The thread count for these settings (each may be null or blank when not set).
     *
     * @throws IllegalArgumentException when a setting is not a positive whole number, naming the setting
     */
    public static int choose(String property, String variable, String ompNumThreads, int cores) {
        if (isSet(property)) {
            return parse("-D" + PROPERTY, property);
        }
        if (isSet(variable)) {
            return parse(VARIABLE, variable);
        }
        if (isSet(ompNumThreads)) {
            return parse("OMP_NUM_THREADS", ompNumThreads);
        }
        return Math.max(1, cores - 1);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static int parse(String name, String value) {
        try {
            int threads = Integer.parseInt(value.trim());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wrong
        }
        throw new IllegalArgumentException(name + " is '" + value + "' but must be a whole number of threads, at least 1");
    }

    /** Chooses from this process's settings and applies the count to ND4J's operations and its BLAS; returns it. */
    public static int apply() {
        int threads = choose(System.getProperty(PROPERTY), System.getenv(VARIABLE), System.getenv("OMP_NUM_THREADS"),
                Runtime.getRuntime().availableProcessors());
        set(threads);
        return threads;
    }

    /**
     * Sets the thread count of ND4J's operations, of its BLAS and of OpenMP for the calling thread. OpenMP keeps its
     * count per thread (a thread it did not make starts from OMP_NUM_THREADS, or all cores), so a thread that
     * computes calls {@link #applyToThisThread()} first; the launchers also set OMP_NUM_THREADS, which covers all.
     */
    public static void set(int threads) {
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        LOG.debug("ND4J threads: {} (operations {}, BLAS {})", threads, Nd4j.getEnvironment().maxMasterThreads(),
                Nd4j.factory().blas().getMaxThreads());
    }

    /** Gives the calling thread's OpenMP the count {@link #apply()} chose (a no-op before it ran). */
    public static void applyToThisThread() {
        int threads = Nd4j.getEnvironment().maxMasterThreads();
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }

    /** What ND4J uses now on this thread, e.g. "1 (BLAS 1, OpenMP 1)". */
    public static String describe() {
        return Nd4j.getEnvironment().maxMasterThreads() + " (BLAS " + Nd4j.factory().blas().getMaxThreads() + ", OpenMP "
                + NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads() + ")";
    }
}
