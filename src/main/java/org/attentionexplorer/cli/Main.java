package org.attentionexplorer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code attention-explorer <command> ...}. */
@Command(name = "attention-explorer",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "See how self-attention works, step by step (chapter 3 of \"Build a Large Language Model (From Scratch)\").",
        subcommands = {TraceCommand.class, TokenizeCommand.class, TrainCommand.class, GenerateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit status for a user error (a bad lesson, a bad option): the message says what and where. */
    static final int USER_ERROR = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (for tests and launchers). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
