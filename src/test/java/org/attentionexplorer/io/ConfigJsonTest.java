package org.attentionexplorer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.attentionexplorer.model.GptConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigJsonTest {

    @Test
    void theTinyPresetIsWrittenFieldByField() {
        assertThat(Json.write(ConfigJson.toJson(GptConfig.TINY))).isEqualTo("{\"vocabSize\":65,\"contextLength\":12,"
                + "\"embDim\":32,\"numHeads\":4,\"numLayers\":2,\"dropRate\":0.0,\"qkvBias\":false,\"tiedHead\":false}");
    }

    /** Fails when GptConfig gains, loses or renames a component and ConfigJson is not updated. */
    @Test
    void theFieldsAreTheRecordComponentsByName() {
        List<String> components = Arrays.stream(GptConfig.class.getRecordComponents()).map(RecordComponent::getName).toList();
        List<String> written = new ArrayList<>();
        ConfigJson.toJson(GptConfig.TINY).fieldNames().forEachRemaining(written::add);
        assertThat(written).isEqualTo(components);
        assertThat(ConfigJson.FIELDS).isEqualTo(components);
    }

    @Test
    void everyPresetAndAGpt2LikeConfigSurviveTheRoundTrip() {
        List<GptConfig> configs = new ArrayList<>();
        GptConfig.presetNames().forEach(name -> configs.add(GptConfig.preset(name).orElseThrow()));
        configs.add(new GptConfig(50257, 1024, 768, 12, 12, 0.1, true, true));
        for (GptConfig config : configs) {
            assertThat(ConfigJson.fromJson(Json.parse(Json.write(ConfigJson.toJson(config))))).isEqualTo(config);
        }
    }

    private static final String VALID = "\"vocabSize\": 65, \"contextLength\": 12, \"embDim\": 32, \"numHeads\": 4,"
            + " \"numLayers\": 2, \"dropRate\": 0.0, \"qkvBias\": false, \"tiedHead\": false";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        missing field          | "numHeads": 4,                 |                     | numHeads: missing
        text for a number      | "embDim": 32,                  | "embDim": "32",     | embDim: must be a whole number, got "32"
        fraction for a count   | "embDim": 32,                  | "embDim": 32.5,     | embDim: must be a whole number, got 32.5
        count beyond int       | "vocabSize": 65,               | "vocabSize": 3000000000, | vocabSize: must be a whole number, got 3000000000
        text for a boolean     | "qkvBias": false,              | "qkvBias": "no",    | qkvBias: must be true or false, got "no"
        number for dropRate    | "dropRate": 0.0,               | "dropRate": "low",  | dropRate: must be a number, got "low"
        unknown field          | "numLayers": 2,                | "numLayers": 2, "layers": 2, | layers: unknown field; the fields are vocabSize, contextLength
        heads do not divide    | "embDim": 32,                  | "embDim": 30,       | embDim 30 is not divisible by numHeads 4
        dropRate of one        | "dropRate": 0.0,               | "dropRate": 1.0,    | dropRate 1.0 must be at least 0 and below 1
        zero layers            | "numLayers": 2,                | "numLayers": 0,     | numLayers must be positive, got 0
        """)
    void badConfigsAreRefusedNamingTheField(String what, String replaced, String replacement, String message) {
        String json = "{" + (VALID + ",").replace(replaced, replacement == null ? "" : replacement) + "}";
        json = json.replace(",}", "}").replace(", }", "}");
        String text = json;
        assertThatThrownBy(() -> ConfigJson.fromJson(Json.parse(text))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void aConfigIsAnObject() {
        assertThatThrownBy(() -> ConfigJson.fromJson(Json.parse("[65, 12]"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a config is a JSON object with vocabSize, contextLength, embDim, numHeads, numLayers, dropRate,"
                        + " qkvBias, tiedHead");
    }
}
