package com.kameleoon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.it.VariationTable.Consent;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The committed table of the container scenarios stays usable without a container: computed on the current
 * {@code it-datafile.json} (else loading fails, asking for a regeneration), enough distinct codes, answers that
 * exercise the experiment.
 */
class VariationTableTest {
    private final VariationTable table =
            VariationTable.load("/oracle/pricing_page-variations.json", "/it-datafile.json", "pricing_page");

    @Test
    void codesAreHandedOutOnceThenTheTableSaysItIsExhausted() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 16; i++) {
            assertThat(codes.add(table.nextCode())).isTrue();
        }

        assertThatThrownBy(table::nextCode).hasMessageContaining("regenerate");
    }

    @Test
    void everyVariationOfTheExperimentOccursAndARefusedConsentGetsTheDefault() {
        assertThat(table.keys(Consent.GIVEN)).containsExactlyInAnyOrder("control", "variant_a", "variant_b");
        assertThat(table.keys(Consent.REFUSED)).containsExactly("off");
    }

    @Test
    void aTableOfAnotherDatafileIsRefused() {
        assertThatThrownBy(() -> VariationTable.load("/oracle/pricing_page-variations.json", "/bench-datafile.json",
                "pricing_page")).hasMessageContaining("regenerate");
    }
}
