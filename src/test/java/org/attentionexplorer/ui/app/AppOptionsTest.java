package org.attentionexplorer.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppOptionsTest {
    @Test
    void optionsSurviveTheTripThroughNamedParameters() {
        AppOptions options = new AppOptions(Optional.of(Path.of("a b.json")), Optional.of(Path.of("m.safetensors")),
                Optional.of("mask"), Optional.of(Path.of("/tmp/x.png")), true);
        Map<String, String> named = new HashMap<>();
        for (String arg : options.toArgs()) {
            int eq = arg.indexOf('=');
            named.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        assertThat(AppOptions.of(named)).isEqualTo(options);
    }

    @Test
    void noOptionsIsTheAppAsAUserStartsIt() {
        assertThat(AppOptions.none().toArgs()).isEmpty();
        assertThat(AppOptions.of(Map.of())).isEqualTo(AppOptions.none());
    }
}
