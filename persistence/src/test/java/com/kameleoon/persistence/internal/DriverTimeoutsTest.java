package com.kameleoon.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DriverTimeoutsTest {
    private static final Duration SOCKET = Duration.ofSeconds(2);
    private static final Duration CONNECT = Duration.ofSeconds(1);

    @Test
    void postgreSqlTakesWholeSecondsAndALoginTimeoutCoveringConnectAndFirstRead() {
        assertThat(DriverTimeouts.properties("jdbc:postgresql://db:5432/shop", SOCKET, CONNECT))
                .containsExactly(entry("connectTimeout", "1"), entry("socketTimeout", "2"), entry("loginTimeout", "3"));
    }

    @Test
    void postgreSqlSecondsAreRoundedUpAndNeverZero() {
        assertThat(DriverTimeouts.properties("jdbc:postgresql://db/shop", Duration.ofMillis(1500),
                Duration.ofMillis(1)))
                .containsExactly(entry("connectTimeout", "1"), entry("socketTimeout", "2"), entry("loginTimeout", "2"));
        assertThat(DriverTimeouts.seconds(Duration.ofMillis(2000))).isEqualTo("2");
        assertThat(DriverTimeouts.seconds(Duration.ofMillis(2001))).isEqualTo("3");
        assertThat(DriverTimeouts.seconds(Duration.ofNanos(1))).isEqualTo("1");
    }

    @Test
    void mariaDbAndMySqlTakeMilliseconds() {
        assertThat(DriverTimeouts.properties("jdbc:mariadb://db:3306/shop", Duration.ofMillis(1500), CONNECT))
                .containsExactly(entry("connectTimeout", "1000"), entry("socketTimeout", "1500"));
        assertThat(DriverTimeouts.properties("JDBC:MySQL://db:3306/shop", SOCKET, CONNECT))
                .containsExactly(entry("connectTimeout", "1000"), entry("socketTimeout", "2000"));
    }

    @Test
    void h2AndUnknownDriversGetNothing() {
        assertThat(DriverTimeouts.properties("jdbc:h2:file:/tmp/k;DB_CLOSE_ON_EXIT=FALSE", SOCKET, CONNECT)).isEmpty();
        assertThat(DriverTimeouts.properties("jdbc:h2:tcp://db/k", SOCKET, CONNECT)).isEmpty();
        assertThat(DriverTimeouts.properties("jdbc:p6spy:postgresql://db/shop", SOCKET, CONNECT)).isEmpty();
        assertThat(DriverTimeouts.properties(null, SOCKET, CONNECT)).isEmpty();
    }

    @Test
    void whatTheUrlSetsIsLeftToTheUrl() {
        assertThat(DriverTimeouts.properties("jdbc:postgresql://db/shop?ssl=true&socketTimeout=30", SOCKET, CONNECT))
                .containsExactly(entry("connectTimeout", "1"), entry("loginTimeout", "3"));
        assertThat(DriverTimeouts.properties("jdbc:mariadb://db/shop?connecttimeout=5000", SOCKET, CONNECT))
                .containsExactly(entry("socketTimeout", "2000"));
    }
}
