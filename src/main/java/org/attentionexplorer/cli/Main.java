package org.attentionexplorer.cli;

import org.attentionexplorer.model.ComputeThreads;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code attention-explorer <command> ...}; without a command, the desktop application. */
@Command(name = "attention-explorer",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "See how self-attention works, step by step (chapter 3 of \"Build a Large Language Model (From Scratch)\").",
        subcommands = {AppCommand.class, TraceCommand.class, RenderCommand.class, TokenizeCommand.class, TrainCommand.class, GenerateCommand.class, ExportCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit status for a user error (a bad lesson, a bad option): the message says what and where. */
    static final int USER_ERROR = 2;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Main.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Without arguments: the desktop application. With arguments: the command line. */
    public static void main(String[] args) {
        try {
            ComputeThreads.apply();   // before ND4J's first operation; process-wide, for the app and every command
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(USER_ERROR);
        }
        if (args.length == 0) {
            org.attentionexplorer.ui.app.Launcher.main(args);
            return;
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (for tests and launchers). */
    public static int run(String... args) {
        return run(commandLine(), args);
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::unexpected);
    }

    /**
     * What a command did not handle itself: one line for the user (with a hint for running out of memory), the
     * stack trace in the log at debug level, exit status 1.
     */
    private static int unexpected(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        LOG.debug("{} failed", commandLine.getCommandName(), e);
        commandLine.getErr().println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage()
                + " (run with AE_LOG_LEVEL=DEBUG for details)");
        return 1;
    }

    /** OutOfMemoryError is an Error, not an Exception: say what to do instead of printing a stack trace. */
    private static int run(CommandLine commandLine, String... args) {
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            commandLine.getErr().println("error: out of memory: lower --batch or --context, or give Java more with "
                    + "java -Xmx<size> -jar ...");
            return 1;
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
