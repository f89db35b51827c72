package org.attentionexplorer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ComputeThreadsTest {
    @Test
    void leavesOneCoreForTheWindowByDefault() {
        assertThat(ComputeThreads.choose(null, null, null, 2)).isEqualTo(1);
        assertThat(ComputeThreads.choose(null, "", " ", 8)).isEqualTo(7);
        assertThat(ComputeThreads.choose(null, null, null, 1)).as("never fewer than one").isEqualTo(1);
    }

    @Test
    void thePropertyComesFirstThenOursThenOpenMps() {
        assertThat(ComputeThreads.choose("3", "2", "4", 8)).isEqualTo(3);
        assertThat(ComputeThreads.choose(null, "2", "4", 8)).isEqualTo(2);
        assertThat(ComputeThreads.choose(null, null, "4", 8)).isEqualTo(4);
    }

    @Test
    void aBadSettingIsNamedInTheMessage() {
        assertThatThrownBy(() -> ComputeThreads.choose(null, "two", null, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AE_THREADS is 'two' but must be a whole number of threads, at least 1");
        assertThatThrownBy(() -> ComputeThreads.choose("0", null, null, 2)).hasMessageStartingWith("-Dae.threads is '0'");
    }
}
