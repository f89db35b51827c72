package org.attentionexplorer.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.attentionexplorer.files.AtomicFiles;

/** The loss history as CSV (step, tokens seen, train loss, validation loss, learning rate), rewritten whole each time. */
public final class HistoryCsv {
    public static final String HEADER = "step,tokens_seen,train_loss,val_loss,learning_rate";

    private HistoryCsv() {
    }

    public static String format(List<LossPoint> history) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (LossPoint p : history) {
            out.append(String.format(Locale.ROOT, "%d,%d,%.6f,%s,%.6g%n", p.step(), p.tokensSeen(), p.trainLoss(),
                    Double.isNaN(p.valLoss()) ? "" : String.format(Locale.ROOT, "%.6f", p.valLoss()), p.learningRate()));
        }
        return out.toString();
    }

    /** Writes the file through a temporary file and a rename, so a reader never sees half of it. */
    public static void write(Path file, List<LossPoint> history) throws IOException {
        AtomicFiles.writeString(file, format(history));
    }
}
