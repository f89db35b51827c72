package org.attentionexplorer.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.attentionexplorer.train.LossPoint;
import org.attentionexplorer.train.TrainingEvent;
import org.attentionexplorer.train.TrainingListener;

/**
 * Shows a run's progress in a terminal: a progress bar redrawn in place (step, loss, validation loss, tokens/s,
 * ETA) when the output is a terminal, and a plain line per evaluation otherwise (logs, CI).
 */
final class ProgressPrinter implements TrainingListener {
    private static final int BAR = 24;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final boolean quiet;
    private double lastValLoss = Double.NaN;
    private long lastDrawn;

    ProgressPrinter(PrintWriter out, PrintWriter err, boolean terminal, boolean quiet) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.quiet = quiet;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.Step s) {
            long now = System.nanoTime();
            if (terminal && !quiet && (now - lastDrawn > 100_000_000L || s.step() == s.totalSteps())) {
                lastDrawn = now;
                out.print("\r" + bar(s) + " ");
            }
        } else if (event instanceof TrainingEvent.Evaluation e) {
            LossPoint p = e.point();
            lastValLoss = p.valLoss();
            if (!quiet) {
                endLine();
                out.printf(Locale.ROOT, "step %d: train loss %.4f, val loss %s, lr %.2e, %,d tokens seen%n", p.step(), p.trainLoss(),
                        Double.isNaN(p.valLoss()) ? "n/a" : String.format(Locale.ROOT, "%.4f", p.valLoss()), p.learningRate(), p.tokensSeen());
            }
        } else if (event instanceof TrainingEvent.Sample s) {
            if (!quiet) {
                endLine();
                out.printf(Locale.ROOT, "sample at step %d: %s%n", s.step(), s.text().replace('\n', ' '));
            }
        } else if (event instanceof TrainingEvent.CheckpointSaved c) {
            endLine();
            out.printf(Locale.ROOT, "saved %s (step %d)%n", c.path(), c.step());
        } else if (event instanceof TrainingEvent.Finished f) {
            endLine();
            out.printf(Locale.ROOT, "finished at step %d%n", f.step());
        } else if (event instanceof TrainingEvent.Cancelled c) {
            endLine();
            out.printf(Locale.ROOT, "stopped at step %d%n", c.step());
        } else if (event instanceof TrainingEvent.Failed f) {
            endLine();
            out.flush();
            err.printf("error: %s%n", f.message());
            err.flush();
        }
        out.flush();
    }

    private void endLine() {
        if (terminal && !quiet) {
            out.print("\r" + " ".repeat(100) + "\r");
        }
    }

    private String bar(TrainingEvent.Step s) {
        int filled = (int) (BAR * s.step() / Math.max(1, s.totalSteps()));
        return String.format(Locale.ROOT, "step %d/%d [%s%s] loss %.4f | val %s | %,.0f tok/s | ETA %s", s.step(), s.totalSteps(),
                "#".repeat(filled), ".".repeat(BAR - filled), s.loss(),
                Double.isNaN(lastValLoss) ? "-" : String.format(Locale.ROOT, "%.4f", lastValLoss), s.tokensPerSecond(), duration(s.etaSeconds()));
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
