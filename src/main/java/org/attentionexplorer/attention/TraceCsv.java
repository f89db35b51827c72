package org.attentionexplorer.attention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.attentionexplorer.math.Matrix;

/**
 * The trace as CSV: one file per matrix, named after its key ({@code simplified.attnScores.csv},
 * {@code heads[1].keys.csv}). The first row holds the column labels, the first column the row labels;
 * values are written in full precision, masked scores as {@code -inf}.
 */
public final class TraceCsv {
    private TraceCsv() {
    }

    /** Writes every matrix into {@code directory} (created if needed) and returns the files written. */
    public static List<Path> write(LessonTrace trace, Path directory) throws IOException {
        List<TraceEntry> entries = new ArrayList<>();
        entries.add(TraceEntries.inputs(trace.lesson()));
        entries.addAll(TraceEntries.of(trace));
        return write(entries, directory);
    }

    /** Writes one CSV file per entry into {@code directory} (created if needed), named after its key. */
    public static List<Path> write(List<TraceEntry> entries, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        for (TraceEntry entry : entries) {
            Path file = directory.resolve(entry.key() + ".csv");
            Files.writeString(file, toCsv(entry));
            written.add(file);
        }
        return written;
    }

    public static String toCsv(TraceEntry entry) {
        Matrix m = entry.matrix();
        StringBuilder out = new StringBuilder();
        out.append(quote(""));
        for (String label : entry.colLabels()) {
            out.append(',').append(quote(label));
        }
        out.append('\n');
        for (int r = 0; r < m.rows(); r++) {
            out.append(quote(entry.rowLabels().get(r)));
            for (int c = 0; c < m.cols(); c++) {
                out.append(',').append(number(m.get(r, c)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String number(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%s", v);
    }

    /** RFC 4180 quoting where needed (a token may hold a comma or a quote). */
    private static String quote(String text) {
        if (text.isEmpty() || text.matches("[^,\"\\r\\n]*") && !text.startsWith(" ") && !text.endsWith(" ")) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
