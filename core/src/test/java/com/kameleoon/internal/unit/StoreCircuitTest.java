package com.kameleoon.internal.unit;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.internal.config.LogCapture;
import com.kameleoon.logging.LogLevel;
import com.kameleoon.spi.StoreException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The circuit on a test clock: it opens on a failure (logged once per opening, counted), schedules one probe per
 * interval from the latest failure, and closes on a success (logged once).
 */
class StoreCircuitTest {
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final StoreCircuit circuit = new StoreCircuit(clock::get, 500);

    @Test
    void aNewCircuitIsClosedWithAProbeDueAtOnce() {
        assertThat(circuit.isOpen()).isFalse();
        assertThat(circuit.openings()).isZero();
        assertThat(circuit.untilProbe()).isZero();
    }

    @Test
    void openingSchedulesTheProbeOneIntervalLater() {
        circuit.open(new StoreException("connection refused", true, null));
        assertThat(circuit.isOpen()).isTrue();
        assertThat(circuit.untilProbe()).isEqualTo(500);
        clock.addAndGet(499);
        assertThat(circuit.untilProbe()).isEqualTo(1);
        clock.addAndGet(1);
        assertThat(circuit.untilProbe()).as("due now").isZero();
        clock.addAndGet(10_000);
        assertThat(circuit.untilProbe()).as("overdue is still 0, never negative").isZero();
    }

    @Test
    void aFailedProbeSchedulesTheNextOneAnIntervalFromNow() {
        circuit.open(new StoreException("connection refused", true, null));
        clock.addAndGet(700);
        circuit.probeFailed();
        assertThat(circuit.untilProbe()).isEqualTo(500);
        assertThat(circuit.isOpen()).as("a failed probe leaves the circuit open").isTrue();
    }

    @Test
    void openingAgainWhileOpenReschedulesButIsNotANewOpening() {
        try (LogCapture log = new LogCapture()) {
            circuit.open(new StoreException("connection refused", true, null));
            clock.addAndGet(300);
            circuit.open(new IllegalStateException("socket closed"));
            assertThat(circuit.untilProbe()).isEqualTo(500);
            assertThat(circuit.openings()).isEqualTo(1);
            assertThat(log.lines(LogLevel.ERROR)).filteredOn(line -> line.contains("unavailable")).singleElement()
                    .asString()
                    .contains("visitor store unavailable (StoreException: connection refused)")
                    .contains("retrying every 500 ms");
        }
    }

    @Test
    void closingLogsOnceAndAnotherFailureIsANewOpening() {
        try (LogCapture log = new LogCapture()) {
            circuit.open(new StoreException("connection refused", true, null));
            circuit.close();
            circuit.close();
            assertThat(circuit.isOpen()).isFalse();
            assertThat(log.lines(LogLevel.INFO)).filteredOn(line -> line.contains("answers again")).hasSize(1);
            circuit.open(new StoreException("connection refused", true, null));
            assertThat(circuit.isOpen()).isTrue();
            assertThat(circuit.openings()).isEqualTo(2);
            assertThat(log.lines(LogLevel.ERROR)).filteredOn(line -> line.contains("unavailable")).hasSize(2);
        }
    }

    @Test
    void closingAClosedCircuitSaysNothing() {
        try (LogCapture log = new LogCapture()) {
            circuit.close();
            assertThat(circuit.isOpen()).isFalse();
            assertThat(log.lines()).filteredOn(line -> line.contains("visitor store")).isEmpty();
        }
    }
}
