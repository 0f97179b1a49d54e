package com.kameleoon.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.types.Variable;
import com.kameleoon.types.Variation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A variable published with another type gives the page its default and the log one warning. */
class VariableValuesTest {
    private final Logger logger = Logger.getLogger(VariableValues.class.getName());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord entry) {
            records.add(entry);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
    }

    @Test
    void aNumberIsReadAsAnInt() {
        Variation control = variation("control", new Variable("num_recommended_products", "NUMBER", 3));
        assertThat(new VariableValues().intValue("recommended_products", control, "num_recommended_products", 0))
                .isEqualTo(3);
        assertThat(records).isEmpty();
    }

    @Test
    void aStringWhereANumberIsExpectedGivesTheDefaultAndOneWarning() {
        Variation changed = variation("control", new Variable("num_recommended_products", "STRING", "five"));
        VariableValues values = new VariableValues();
        for (int view = 0; view < 3; view++) {
            assertThat(values.intValue("recommended_products", changed, "num_recommended_products", 0)).isZero();
        }
        assertThat(records).as("one warning, not one per page view").hasSize(1);
        assertThat(records.get(0).getLevel()).isEqualTo(Level.WARNING);
        assertThat(records.get(0).getMessage()).contains("num_recommended_products", "recommended_products/control",
                "String", "default 0");
    }

    @Test
    void aMissingOrMistypedStringGivesTheDefault() {
        VariableValues values = new VariableValues();
        assertThat(values.stringValue("vip_banner", variation("on"), "message", "hello")).isEqualTo("hello");
        assertThat(values.stringValue("vip_banner", variation("on", new Variable("message", "NUMBER", 1)), "message",
                "hello")).isEqualTo("hello");
        assertThat(values.stringValue("vip_banner", variation("on", new Variable("message", "STRING", "hi")),
                "message", "hello")).isEqualTo("hi");
        assertThat(records).hasSize(2);
    }

    private static Variation variation(String key, Variable... variables) {
        Map<String, Variable> byKey = new java.util.LinkedHashMap<>();
        for (Variable variable : variables) {
            byKey.put(variable.getKey(), variable);
        }
        return new Variation(key, key, 1, 1, byKey);
    }
}
