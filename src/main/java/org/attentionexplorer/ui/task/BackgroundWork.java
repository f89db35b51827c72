package org.attentionexplorer.ui.task;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.attentionexplorer.model.ComputeThreads;

/**
 * Runs work off the UI thread and hands the result back on it. The two executors are injected: the app uses a
 * daemon background thread and {@code Platform::runLater}; tests use a same-thread executor for both, so a view
 * model can be tested without a UI. Only the latest submission of a given {@link Slot} delivers its result, so
 * a fast stream of edits never shows a stale result.
 */
public final class BackgroundWork {
    private final Executor background;
    private final Executor ui;

    public BackgroundWork(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    /** A background thread for computation and {@code ui} for results. */
    public static BackgroundWork withDaemonThread(Executor ui) {
        ExecutorService service = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(() -> {
                ComputeThreads.applyToThisThread();   // OpenMP keeps its thread count per thread
                runnable.run();
            }, "attention-explorer-work");
            thread.setDaemon(true);
            return thread;
        });
        return new BackgroundWork(service, ui);
    }

    /** Everything on the calling thread: for tests. */
    public static BackgroundWork sameThread() {
        return new BackgroundWork(Runnable::run, Runnable::run);
    }

    /** A sequence of submissions of which only the newest may deliver. */
    public final class Slot {
        private long latest;
        private Future<?> running;

        /** Runs {@code work} in the background; {@code onResult} or {@code onError} runs on the UI executor, if still the latest. */
        public synchronized <T> void submit(Callable<T> work, Consumer<T> onResult, Consumer<Exception> onError) {
            long ticket = ++latest;
            if (running != null) {
                running.cancel(false);
            }
            Runnable task = () -> {
                try {
                    T result = work.call();
                    ui.execute(() -> {
                        if (isLatest(ticket)) {
                            onResult.accept(result);
                        }
                    });
                } catch (Exception e) {
                    ui.execute(() -> {
                        if (isLatest(ticket)) {
                            onError.accept(e);
                        }
                    });
                }
            };
            if (background instanceof ExecutorService service) {
                running = service.submit(task);
            } else {
                background.execute(task);
            }
        }

        private synchronized boolean isLatest(long ticket) {
            return ticket == latest;
        }
    }

    public Slot newSlot() {
        return new Slot();
    }
}
