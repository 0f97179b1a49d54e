package com.kameleoon.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.KameleoonException;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.logging.LogLevel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reference sections on logging (KameleoonLogger's level and custom logger) and on errors (the
 * KameleoonException hierarchy: feature errors under FeatureException, configuration errors under ConfigException,
 * everything under KameleoonException).
 */
class LoggingAndExceptionsReferenceTest {
    private final List<String> logged = new ArrayList<>();

    @AfterEach
    void restore() {
        KameleoonLogger.setLogger(null);
        KameleoonLogger.setLogLevel(LogLevel.WARNING);
    }

    @Test
    void theLevelsAndTheCustomLoggerAreTheDocumentedOnes() {
        assertThat(LogLevel.values()).containsExactly(LogLevel.NONE, LogLevel.ERROR, LogLevel.WARNING,
                LogLevel.INFO, LogLevel.DEBUG);
        assertThat(KameleoonLogger.getLogLevel()).isEqualTo(LogLevel.WARNING);

        KameleoonLogger.setLogger((level, message) -> logged.add(level + " " + message));
        KameleoonLogger.setLogLevel(LogLevel.DEBUG);
        KameleoonLogger.debug("custom debug line");
        KameleoonLogger.setLogLevel(LogLevel.NONE);
        KameleoonLogger.error("not written");

        assertThat(logged).containsExactly("DEBUG Kameleoon SDK: custom debug line");
    }

    @Test
    void theHierarchyIsTheDocumentedOne() {
        assertThat(KameleoonException.FeatureException.class).isAssignableFrom(KameleoonException.FeatureNotFound.class)
                .isAssignableFrom(KameleoonException.FeatureVariationNotFound.class)
                .isAssignableFrom(KameleoonException.FeatureVariableNotFound.class)
                .isAssignableFrom(KameleoonException.FeatureEnvironmentDisabled.class);
        assertThat(KameleoonException.ConfigException.class)
                .isAssignableFrom(KameleoonException.ConfigCredentialsInvalid.class);
        assertThat(KameleoonException.class).isAssignableFrom(KameleoonException.VisitorCodeInvalid.class)
                .isAssignableFrom(KameleoonException.SiteCodeIsEmpty.class)
                .isAssignableFrom(KameleoonException.SDKNotReady.class);
    }

    @Test
    void aMethodMayDeclareTheCheckedStyleExceptions() throws KameleoonException.ConfigCredentialsInvalid,
            KameleoonException.SiteCodeIsEmpty {
        try {
            KameleoonClientFactory.create(null, new KameleoonClientConfig.Builder().clientId("id")
                    .clientSecret("secret").build());
            throw new AssertionError("SiteCodeIsEmpty expected");
        } catch (KameleoonException e) {
            assertThat(e).isInstanceOf(KameleoonException.SiteCodeIsEmpty.class);
            assertThat(e.getMessage()).startsWith("Kameleoon SDK: ");
        }
    }
}
