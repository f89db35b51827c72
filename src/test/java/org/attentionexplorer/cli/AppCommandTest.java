package org.attentionexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The app's start options are checked before a window opens (the window itself is tested in ui.app). */
class AppCommandTest {

    private final CommandRunner cli = new CommandRunner();

    @Test
    void anUnknownStepIsNamedWithTheStepsThereAre() {
        assertThat(cli.run("app", "--step", "attention")).isEqualTo(Main.USER_ERROR);
        assertThat(cli.err()).contains("--step attention: not a step").contains("tokens, scores, normalize");
    }

    @Test
    void aMissingLessonFileIsNamed() {
        assertThat(cli.run("app", "--lesson", "no/such/lesson.json")).isEqualTo(Main.USER_ERROR);
        assertThat(cli.err()).contains("no/such/lesson.json: no such file");
    }
}
