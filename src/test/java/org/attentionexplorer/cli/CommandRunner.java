package org.attentionexplorer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The command line as the tests run it: each run starts with empty output and error text. */
final class CommandRunner {
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    /** Runs the command line on {@code args}; returns its exit code. */
    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** What the last run printed. */
    String out() {
        return out.toString();
    }

    /** What the last run printed as errors. */
    String err() {
        return err.toString();
    }
}
