package com.kameleoon.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every exception the SDK throws can be caught by this project's short name and by the official SDK's nested name,
 * at every level of the hierarchy, and is unchecked.
 */
class ExceptionNamesTest {
    @Test
    void aFeatureErrorIsCaughtByEveryNameOfItsChain() {
        FeatureNotFound thrown = new FeatureNotFound("Feature not found: x");

        assertThat(thrown).isInstanceOf(com.kameleoon.KameleoonException.FeatureNotFound.class)
                .isInstanceOf(FeatureException.class)
                .isInstanceOf(com.kameleoon.KameleoonException.FeatureException.class)
                .isInstanceOf(KameleoonException.class).isInstanceOf(com.kameleoon.KameleoonException.class)
                .isInstanceOf(RuntimeException.class);
        assertThat(thrown.getMessage()).isEqualTo("Kameleoon SDK: Feature Exception: Feature not found: x");
    }

    @Test
    void aConfigurationErrorIsCaughtByEveryNameOfItsChain() {
        assertThat(new ConfigCredentialsInvalid("no client id"))
                .isInstanceOf(com.kameleoon.KameleoonException.ConfigCredentialsInvalid.class)
                .isInstanceOf(ConfigException.class)
                .isInstanceOf(com.kameleoon.KameleoonException.ConfigException.class)
                .isInstanceOf(KameleoonException.class);
        assertThat(new SiteCodeIsEmpty("empty")).isInstanceOf(com.kameleoon.KameleoonException.SiteCodeIsEmpty.class)
                .isInstanceOf(ConfigException.class);
        assertThat(new DataFileInvalid("bad", new IllegalStateException()))
                .isInstanceOf(com.kameleoon.KameleoonException.DataFileInvalid.class);
    }

    @Test
    void siblingsStayApartSoThatAMultiCatchOfThemCompiles() {
        assertThat(com.kameleoon.KameleoonException.FeatureNotFound.class
                .isAssignableFrom(com.kameleoon.KameleoonException.FeatureEnvironmentDisabled.class)).isFalse();
        assertThat(com.kameleoon.KameleoonException.FeatureEnvironmentDisabled.class
                .isAssignableFrom(com.kameleoon.KameleoonException.FeatureNotFound.class)).isFalse();
        assertThat(com.kameleoon.KameleoonException.VisitorCodeInvalid.class
                .isAssignableFrom(FeatureNotFound.class)).isFalse();
        assertThat(new VisitorCodeInvalid("empty"))
                .isInstanceOf(com.kameleoon.KameleoonException.VisitorCodeInvalid.class)
                .isNotInstanceOf(com.kameleoon.KameleoonException.FeatureException.class);
    }
}
