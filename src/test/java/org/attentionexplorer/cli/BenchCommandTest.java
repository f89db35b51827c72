package org.attentionexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchCommandTest {

    private final CommandRunner cli = new CommandRunner();

    @Test
    void reportsEveryFigureTheIssueAsksFor() {
        assertThat(cli.run("bench", "--preset", "tiny", "--batch", "2", "--steps", "2", "--warmup", "1", "--inference-tokens", "6"))
                .isEqualTo(0);
        assertThat(cli.out())
                .containsPattern("ms/step: median [0-9.]+, min [0-9.]+, max [0-9.]+")
                .containsPattern("tokens/s: [0-9,]+")
                .containsPattern("achieved [0-9.]+ GFLOP/s = [0-9.]+% of this process's sgemm \\([0-9.]+ GFLOP/s\\)")
                .containsPattern("load average [0-9.]+ [0-9.]+ [0-9.]+ before")
                .containsPattern("generation past a full context \\(a cache refill per token\\): [0-9.]+ tokens/s")
                .containsPattern("peak resident memory: [0-9]+ MB")
                .contains("threads ");
    }

    @Test
    void anUnknownShapeIsNamed() {
        assertThat(cli.run("bench", "--shape", "b")).isEqualTo(Main.USER_ERROR);
        assertThat(cli.err()).startsWith("error: unknown --shape 'b'; use a (char-small, 16 x 128) or c");
    }
}
