package org.attentionexplorer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.attentionexplorer.ui.app.AppOptions;
import org.attentionexplorer.ui.app.Launcher;
import org.attentionexplorer.ui.lesson.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** {@code app}: the desktop application with start options (what runs without any arguments, plus choices). */
@Command(name = "app", mixinStandardHelpOptions = true,
        description = {"Opens the desktop application (the same as running without arguments), optionally on a given",
                "lesson, model and step; --snapshot and --exit-after-start are for screenshots and smoke tests."})
final class AppCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--lesson", paramLabel = "FILE", description = "Open this lesson instead of the last one.")
    private Path lesson;

    @Option(names = "--model", paramLabel = "CKPT", description = "Open this model (a checkpoint, or a GPT-2 folder) instead of the last one.")
    private Path model;

    @Option(names = "--step", paramLabel = "STEP", description = "Open on this step: ${COMPLETION-CANDIDATES}.",
            completionCandidates = StepIds.class)
    private String step;

    @Option(names = "--snapshot", paramLabel = "FILE.png", description = "Write a PNG of the window once its first views are drawn.")
    private Path snapshot;

    @Option(names = "--exit-after-start", description = "Close the app after the first frame (and the snapshot).")
    private boolean exitAfterStart;

    @Override
    public Integer call() {
        if (lesson != null && !Files.isRegularFile(lesson)) {
            spec.commandLine().getErr().println("error: " + lesson + ": no such file");
            return Main.USER_ERROR;
        }
        if (model != null && !Files.isRegularFile(model) && !Files.isDirectory(model)) {
            spec.commandLine().getErr().println("error: " + model + ": no such file or folder");
            return Main.USER_ERROR;
        }
        if (step != null && Step.byId(step).isEmpty()) {
            spec.commandLine().getErr().println("error: --step " + step + ": not a step; one of " + String.join(", ", StepIds.ids()));
            return Main.USER_ERROR;
        }
        AppOptions options = new AppOptions(Optional.ofNullable(lesson), Optional.ofNullable(model), Optional.ofNullable(step),
                Optional.ofNullable(snapshot), exitAfterStart);
        Launcher.main(options.toArgs().toArray(String[]::new));
        return 0;
    }

    /** The step ids, for the help text. */
    static final class StepIds implements Iterable<String> {
        static java.util.List<String> ids() {
            return java.util.Arrays.stream(Step.values()).map(Step::id).toList();
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return ids().iterator();
        }
    }
}
