package com.kameleoon.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {
    @Test
    void infersTheDriverFromTheUrlPrefix() {
        assertThat(JdbcUrls.driverClassName("jdbc:h2:file:/tmp/x")).isEqualTo("org.h2.Driver");
        assertThat(JdbcUrls.driverClassName("jdbc:postgresql://db/shop")).isEqualTo("org.postgresql.Driver");
        assertThat(JdbcUrls.driverClassName("jdbc:mariadb://db/shop")).isEqualTo("org.mariadb.jdbc.Driver");
        assertThat(JdbcUrls.driverClassName("JDBC:MySQL://db/shop")).isEqualTo("com.mysql.cj.jdbc.Driver");
        assertThatThrownBy(() -> JdbcUrls.driverClassName("jdbc:oracle:thin:@db?password=hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("driverClassName")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void findsTheDriverPropertiesAUrlSets() {
        assertThat(JdbcUrls.setsProperty("jdbc:postgresql://db/shop?socketTimeout=5", "socketTimeout")).isTrue();
        assertThat(JdbcUrls.setsProperty("jdbc:mariadb://db/shop?a=1&SOCKETTIMEOUT=5", "socketTimeout")).isTrue();
        assertThat(JdbcUrls.setsProperty("jdbc:h2:tcp://db/k;socketTimeout=5", "socketTimeout")).isTrue();
        assertThat(JdbcUrls.setsProperty("jdbc:postgresql://db/shop?loginTimeout=5", "socketTimeout")).isFalse();
        assertThat(JdbcUrls.setsProperty("jdbc:postgresql://db/shop?xsocketTimeout=5", "socketTimeout")).isFalse();
        assertThat(JdbcUrls.setsProperty("jdbc:postgresql://db/socketTimeout=5", "socketTimeout")).isFalse();
        assertThat(JdbcUrls.setsProperty(null, "socketTimeout")).isFalse();
    }

    @Test
    void masksPasswordsInUrls() {
        assertThat(JdbcUrls.mask("jdbc:postgresql://db/shop?user=a&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/shop?user=a&password=****&ssl=true");
        assertThat(JdbcUrls.mask("jdbc:h2:file:/x;USER=sa;PASSWORD=hunter2")).isEqualTo("jdbc:h2:file:/x;USER=sa;PASSWORD=****");
        assertThat(JdbcUrls.mask("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(JdbcUrls.mask(null)).isNull();
        assertThat(JdbcUrls.mask("jdbc:mysql://shop:hunter2@db:3306/shop?useSSL=true"))
                .isEqualTo("jdbc:mysql://shop:****@db:3306/shop?useSSL=true");
        assertThat(JdbcUrls.mask("jdbc:mariadb://db:3306/shop?user=shop&password=hunter2"))
                .isEqualTo("jdbc:mariadb://db:3306/shop?user=shop&password=****");
    }

    @Test
    void countsUtf8Bytes() {
        assertThat(SchemaLimits.utf8Length("abc")).isEqualTo(3);
        assertThat(SchemaLimits.utf8Length("é")).isEqualTo(2);
        assertThat(SchemaLimits.utf8Length("€")).isEqualTo(3);
        assertThat(SchemaLimits.utf8Length("😀")).isEqualTo(4);
        assertThat(SchemaLimits.utf8Length("a😀é€")).isEqualTo(10);
    }
}
