package org.attentionexplorer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.attentionexplorer.train.LossPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistoryJsonTest {

    @Test
    void pointsAreObjectsWithTheRecordsFieldNames() {
        String json = Json.write(HistoryJson.toJson(List.of(new LossPoint(10, 5120, 3.5, 3.75, 4.0e-4))));
        assertThat(json).isEqualTo("[{\"step\":10,\"tokensSeen\":5120,\"trainLoss\":3.5,\"valLoss\":3.75,\"learningRate\":4.0E-4}]");
    }

    @Test
    void lossesThatAreNotFiniteAreWrittenAsStringsAndReadBack() {
        List<LossPoint> history = List.of(
                new LossPoint(0, 0, 4.17, Double.NaN, 0.0),
                new LossPoint(100, 51_200, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-3));
        String json = Json.write(HistoryJson.toJson(history));
        assertThat(json).contains("\"valLoss\":\"NaN\"", "\"trainLoss\":\"Infinity\"", "\"valLoss\":\"-Infinity\"");
        assertThat(HistoryJson.fromJson(Json.parse(json))).isEqualTo(history);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        not an array        | {"step": 1}                                                                                  | must be a JSON array of loss points
        point not an object | [3]                                                                                          | point 0: must be an object with step, tokensSeen, trainLoss, valLoss and learningRate, got 3
        missing field       | [{"step": 1, "tokensSeen": 2, "trainLoss": 3, "valLoss": 4}]                                  | point 0: learningRate is missing
        negative step       | [{"step": -1, "tokensSeen": 2, "trainLoss": 3, "valLoss": 4, "learningRate": 0.1}]            | point 0: step must be a whole number of at least 0, got -1
        fractional tokens   | [{"step": 1, "tokensSeen": 2.5, "trainLoss": 3, "valLoss": 4, "learningRate": 0.1}]           | point 0: tokensSeen must be a whole number of at least 0, got 2.5
        text for a loss     | [{"step": 1, "tokensSeen": 2, "trainLoss": 3, "valLoss": 4, "learningRate": 0.1}, {"step": 2, "tokensSeen": 4, "trainLoss": "high", "valLoss": 4, "learningRate": 0.1}] | point 1: trainLoss must be a number, "NaN", "Infinity" or "-Infinity", got "high"
        negative rate       | [{"step": 1, "tokensSeen": 2, "trainLoss": 3, "valLoss": 4, "learningRate": -0.1}]            | point 0: learningRate must be a finite number of at least 0, got -0.1
        """)
    void badHistoriesAreRefusedNamingThePoint(String what, String json, String message) {
        assertThatThrownBy(() -> HistoryJson.fromJson(Json.parse(json))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
