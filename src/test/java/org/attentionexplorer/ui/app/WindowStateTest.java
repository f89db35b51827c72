package org.attentionexplorer.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowStateTest {
    private final Preferences node = Preferences.userRoot().node("org/attentionexplorer/test/" + System.nanoTime());
    private final WindowState state = new WindowState(node);

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void theWindowComesBackWhereItWas() {
        assertThat(state.bounds()).isEmpty();
        state.setBounds(10, 20, 1300, 900);
        state.setMaximized(true);
        WindowState again = new WindowState(node);
        assertThat(again.bounds()).hasValueSatisfying(b -> assertThat(b).containsExactly(10, 20, 1300, 900));
        assertThat(again.maximized()).isTrue();
    }

    @Test
    void aTinyWindowIsNotRemembered() {
        state.setBounds(0, 0, 120, 80);
        assertThat(state.bounds()).isEmpty();
    }

    @Test
    void theFontSizeStaysReadable() {
        assertThat(state.fontSize()).isEqualTo(15);
        state.setFontSize(100);
        assertThat(state.fontSize()).isEqualTo(40);
        state.setFontSize(2);
        assertThat(state.fontSize()).isEqualTo(11);
    }

    @Test
    void aLastFileThatWasDeletedIsForgotten(@TempDir Path dir) throws Exception {
        Path lesson = Files.writeString(dir.resolve("l.json"), "{}");
        state.setLastLesson(lesson);
        state.setLastModel(dir.resolve("gone.safetensors"));
        assertThat(state.lastLesson()).contains(lesson.toAbsolutePath());
        assertThat(state.lastModel()).isEmpty();
        Files.delete(lesson);
        assertThat(state.lastLesson()).isEmpty();
    }
}
