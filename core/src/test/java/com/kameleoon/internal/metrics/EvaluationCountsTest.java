package com.kameleoon.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.integration.EvaluationCounter;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.datafile.DataFileParser;
import com.kameleoon.internal.datafile.FlagDef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Counting by flag and variation: off until enabled, bounded by the datafile in force, kept across installs. */
class EvaluationCountsTest {
    private static Configuration configuration() throws Exception {
        return DataFileParser.parse(Files.readString(Path.of("src/test/resources/conformance/public/datafile.json")));
    }

    @Test
    void nothingIsCountedBeforeCountingIsEnabled() throws Exception {
        Configuration config = configuration();
        EvaluationCounts counts = new EvaluationCounts();
        FlagDef flag = config.flags().get(0);
        counts.count(flag, flag.defaultVariation());
        counts.countUnknownFlag();
        assertThat(counts.enabled()).isFalse();
        assertThat(counts.counters()).isEmpty();
        assertThat(counts.unknownFlags()).isZero();
    }

    @Test
    void eachPairOfTheDatafileHasOneCounterThatAnInstallKeeps() throws Exception {
        Configuration config = configuration();
        EvaluationCounts counts = new EvaluationCounts();
        counts.enable(() -> config);
        long pairs = config.flags().stream().mapToLong(flag -> flag.variations().size()).sum();
        assertThat(counts.counters()).hasSizeGreaterThanOrEqualTo((int) pairs);

        FlagDef flag = config.flags().get(0);
        counts.count(flag, flag.defaultVariation());
        counts.count(flag, flag.defaultVariation());
        counts.countUnknownFlag();
        assertThat(count(counts, flag.key(), flag.defaultVariation().getKey())).isEqualTo(2);
        assertThat(counts.unknownFlags()).isEqualTo(1);

        AtomicInteger told = new AtomicInteger();
        counts.onChange(told::incrementAndGet);
        Configuration next = configuration();
        counts.installed(next);
        assertThat(told).hasValue(1);
        assertThat(count(counts, flag.key(), flag.defaultVariation().getKey())).as("kept across installs").isEqualTo(2);
        counts.count(next.flag(flag.key()), next.flag(flag.key()).defaultVariation());
        assertThat(count(counts, flag.key(), flag.defaultVariation().getKey())).isEqualTo(3);
    }

    private static long count(EvaluationCounts counts, String flag, String variation) {
        return counts.counters().stream().filter(c -> c.flagKey().equals(flag) && c.variationKey().equals(variation))
                .mapToLong(EvaluationCounter::count).sum();
    }
}
