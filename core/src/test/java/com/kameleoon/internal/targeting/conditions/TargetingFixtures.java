package com.kameleoon.internal.targeting.conditions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.datafile.DataFileParser;
import com.kameleoon.internal.targeting.Condition;
import com.kameleoon.internal.targeting.ConditionFactory;
import com.kameleoon.internal.targeting.TargetingContext;
import com.kameleoon.internal.visitor.Visitor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Builds conditions from datafile JSON and evaluation contexts at a fixed instant, the way the engine does. */
final class TargetingFixtures {
    /** 2025-01-01T12:00:00Z: "today" starts at {@link #MIDNIGHT} in UTC. */
    static final long NOW = 1_735_732_800_000L;
    static final long MIDNIGHT = 1_735_689_600_000L;
    static final ZoneId ZONE = ZoneOffset.UTC;
    static final String VISITOR_CODE = "visitor-1";
    static final String SDK_VERSION = "4.2.1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TargetingFixtures() {
    }

    static Condition condition(String json) {
        try {
            return ConditionFactory.create(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TargetingContext context(Visitor visitor) {
        return new TargetingContext(VISITOR_CODE, visitor, TargetingContext.NO_EXPERIMENT, null, NOW, ZONE, "JAVA",
                SDK_VERSION);
    }

    static TargetingContext context(Visitor visitor, int currentExperimentId) {
        return new TargetingContext(VISITOR_CODE, visitor, currentExperimentId, null, NOW, ZONE, "JAVA", SDK_VERSION);
    }

    static TargetingContext context(String visitorCode, Visitor visitor) {
        return new TargetingContext(visitorCode, visitor, TargetingContext.NO_EXPERIMENT, null, NOW, ZONE, "JAVA",
                SDK_VERSION);
    }

    static TargetingContext context(Visitor visitor, Configuration configuration) {
        return context(visitor, configuration, TargetingContext.NO_EXPERIMENT);
    }

    static TargetingContext context(Visitor visitor, Configuration configuration, int currentExperimentId) {
        return new TargetingContext(VISITOR_CODE, visitor, currentExperimentId, configuration, NOW, ZONE, "JAVA",
                SDK_VERSION);
    }

    /** The datafile next to these tests: segments 601-611 and flags 1101-1103 (see configuration.json). */
    static Configuration configuration() {
        try (InputStream in = TargetingFixtures.class.getResourceAsStream("configuration.json")) {
            return DataFileParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean check(String conditionJson, Visitor visitor) {
        return condition(conditionJson).check(context(visitor));
    }

    static Visitor visitor() {
        return new Visitor(NOW);
    }
}
