package com.kameleoon.internal.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.spi.StoreException;
import com.kameleoon.spi.StoredVisitor;
import com.kameleoon.testing.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bounded loader: it answers what the repository answers, passes its failures on (opening the circuit only
 * for an unreachable repository), and gives up after the bound, counting the late load, when the repository
 * hangs, when the caller is interrupted or when it can no longer take loads; its idle threads end.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BoundedLoaderTest {
    private final AtomicLong clock = new AtomicLong(1_000);
    private final StoreCircuit circuit = new StoreCircuit(clock::get, 500);
    private final ScriptedRepository repository = new ScriptedRepository();
    private final CountDownLatch hang = new CountDownLatch(1);
    /** Generous: a test that expects an answer must not fail because a loaded machine was slow to give it. */
    private BoundedLoader loader = new BoundedLoader(repository, circuit, 10_000);

    @AfterEach
    void stop() {
        hang.countDown();
        loader.close();
        Thread.interrupted();
    }

    /** Every load waits until {@code hang} opens (or the load thread is interrupted), then answers nothing. */
    private void hangLoads() {
        repository.answerLoads(code -> {
            try {
                hang.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
    }

    @Test
    void itAnswersWhatTheRepositoryHolds() throws Exception {
        StoredVisitor known = new StoredVisitor("known", 123, "GIVEN", false, List.of());
        repository.answerLoads(code -> code.equals("known") ? known : null);
        assertThat(loader.load("known")).isSameAs(known);
        assertThat(loader.load("unknown")).isNull();
        assertThat(loader.lateLoads()).isZero();
    }

    @Test
    void anUnreachableRepositoryOpensTheCircuitAndItsFailureIsPassedOn() {
        IllegalStateException refused = new IllegalStateException("connection refused");
        repository.down(refused);
        assertThatThrownBy(() -> loader.load("a")).isSameAs(refused);
        assertThat(circuit.isOpen()).isTrue();
    }

    @Test
    void aRejectionIsPassedOnWithoutOpeningTheCircuit() {
        StoreException rejected = new StoreException("bad visitor code", false, null);
        repository.down(rejected);
        assertThatThrownBy(() -> loader.load("a")).isSameAs(rejected);
        assertThat(circuit.isOpen()).isFalse();
    }

    @Test
    void anErrorOfTheRepositoryIsWrapped() {
        AssertionError broken = new AssertionError("driver bug");
        repository.answerLoads(code -> {
            throw broken;
        });
        assertThatThrownBy(() -> loader.load("a")).isInstanceOf(IllegalStateException.class).hasCause(broken);
        assertThat(circuit.isOpen()).isFalse();
    }

    @Test
    void aRepositoryThatHangsIsGivenUpAfterTheBound() {
        loader.close();
        loader = new BoundedLoader(repository, circuit, 50);
        hangLoads();
        assertThatThrownBy(() -> loader.load("a")).isInstanceOf(BoundedLoader.Late.class)
                .hasMessage("no answer within 50 ms");
        assertThat(loader.lateLoads()).isEqualTo(1);
    }

    @Test
    void anInterruptedCallerGivesUpAndKeepsItsInterrupt() {
        hangLoads();
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> loader.load("a")).isInstanceOf(BoundedLoader.Late.class).hasMessage("interrupted");
        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        assertThat(loader.lateLoads()).as("not a late answer").isZero();
    }

    @Test
    void anIdleLoadThreadEndsAfterTheKeepAlive() throws Exception {
        loader.close();
        loader = new BoundedLoader(repository, circuit, 10_000, 1);
        AtomicReference<Thread> loadThread = new AtomicReference<>();
        repository.answerLoads(code -> {
            loadThread.set(Thread.currentThread());
            return null;
        });
        assertThat(loader.load("a")).isNull();
        Thread first = loadThread.get();
        // A thread kept for ever (core threads that never time out) would still be alive at the bound.
        Eventually.until("the idle load thread ends", Duration.ofSeconds(10), () -> !first.isAlive());
        assertThat(loader.load("b")).isNull();
        assertThat(loadThread.get()).as("a new thread takes the next load").isNotSameAs(first);
    }

    @Test
    void aClosedLoaderTakesNoMoreLoads() {
        loader.close();
        assertThatThrownBy(() -> loader.load("a")).isInstanceOf(BoundedLoader.Late.class)
                .hasMessage("too many loads waiting");
        assertThat(loader.lateLoads()).isEqualTo(1);
    }
}
