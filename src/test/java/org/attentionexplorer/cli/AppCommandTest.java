package org.attentionexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The app's start options are checked before a window opens (the window itself is tested in ui.app). */
class AppCommandTest {
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void anUnknownStepIsNamedWithTheStepsThereAre() {
        assertThat(run("app", "--step", "attention")).isEqualTo(Main.USER_ERROR);
        assertThat(err.toString()).contains("--step attention: not a step").contains("tokens, scores, normalize");
    }

    @Test
    void aMissingLessonFileIsNamed() {
        assertThat(run("app", "--lesson", "no/such/lesson.json")).isEqualTo(Main.USER_ERROR);
        assertThat(err.toString()).contains("no/such/lesson.json: no such file");
    }
}
