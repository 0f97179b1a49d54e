package com.kameleoon.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON health servlet's body: status, then the check with its data, strings escaped. */
class HealthJsonTest {
    @Test
    void upWithTypedData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("configurationLoaded", true);
        data.put("outboxDepth", 3L);
        data.put("lastFetch", "UPDATED");

        assertThat(HealthJson.of("kameleoon", true, data)).isEqualTo("{\"status\":\"UP\",\"checks\":{\"kameleoon\":"
                + "{\"status\":\"UP\",\"data\":{\"configurationLoaded\":true,\"outboxDepth\":3,"
                + "\"lastFetch\":\"UPDATED\"}}}}");
    }

    @Test
    void downWithoutDataAndEscapedStrings() {
        assertThat(HealthJson.of("kameleoon", false, Map.of())).isEqualTo("{\"status\":\"DOWN\",\"checks\":{"
                + "\"kameleoon\":{\"status\":\"DOWN\",\"data\":{}}}}");
        assertThat(HealthJson.of("k\"\\\n", false, Map.of("a", "x\ty"))).contains("\"k\\\"\\\\\\u000a\"")
                .contains("\"a\":\"x\\u0009y\"");
    }
}
