package com.kameleoon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kameleoon.exceptions.ConfigCredentialsInvalid;
import com.kameleoon.exceptions.ConfigException;
import com.kameleoon.exceptions.ConfigFileNotFound;
import com.kameleoon.internal.config.LogCapture;
import com.kameleoon.logging.LogLevel;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code fromFile} and {@code fromProperties}: formats, key spellings, value errors. Fixtures in {@code config/}. */
class KameleoonClientConfigFileTest {
    private final LogCapture log = new LogCapture();

    @TempDir
    Path tempDir;

    @AfterEach
    void closeLog() {
        log.close();
    }

    private static Path fixture(String name) {
        try {
            return Path.of(KameleoonClientConfigFileTest.class.getResource("/config/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tempDir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"client.properties", "client.yaml"})
    void readsEverySetting(String file) {
        KameleoonClientConfig config = KameleoonClientConfig.fromFile(fixture(file));
        assertThat(config.getClientId()).isEqualTo("my-client-id");
        assertThat(config.getClientSecret()).isEqualTo("my-client-secret");
        assertThat(config.getDataFile()).isNull();
        assertThat(config.getRefreshIntervalMinute()).isEqualTo(15);
        assertThat(config.getSessionDurationMinute()).isEqualTo(45);
        assertThat(config.getDefaultTimeoutMillisecond()).isEqualTo(2_500);
        assertThat(config.getTrackingIntervalMillisecond()).isEqualTo(2_000);
        assertThat(config.getEnvironment()).isEqualTo("staging");
        assertThat(config.getTopLevelDomain()).isEqualTo("example.com");
        assertThat(config.getNetworkDomain()).isEqualTo("my.proxy.example.org");
        assertThat(config.getDataApiUrl()).isEqualTo(URI.create("http://127.0.0.1:8099"));
        assertThat(config.getSdkConfigUrl()).isEqualTo(URI.create("http://127.0.0.1:8099/config"));
        assertThat(config.getEventsUrl()).isEqualTo(URI.create("http://127.0.0.1:8099/events"));
        assertThat(config.getAccessTokenUrl()).isEqualTo(URI.create("http://127.0.0.1:8099/oauth/token"));
        assertThat(config.isCookieSecure()).isTrue();
        assertThat(config.isCookieHttpOnly()).isFalse();
        assertThat(config.getCookieSameSite()).isEqualTo("Strict");
        assertThat(config.getMaxVisitors()).isEqualTo(5_000);
        assertThat(config.getTrackingQueueCapacity()).isEqualTo(700);
        assertThat(config.getTimeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(log.lines(LogLevel.ERROR)).isEmpty();
    }

    @Test
    void propertiesAndYamlGiveTheSameConfiguration() {
        assertThat(KameleoonClientConfig.fromFile(fixture("client.yaml")))
                .isEqualTo(KameleoonClientConfig.fromFile(fixture("client.properties")));
    }

    @Test
    void ymlWithNestedPrefixQuotesAndRelativeDataFile() {
        Path file = fixture("client.yml");
        KameleoonClientConfig config = KameleoonClientConfig.fromFile(file);
        assertThat(config.getClientId()).isEqualTo("yml-id\twith" + "A" + "tab");
        assertThat(config.getClientSecret()).isEqualTo("it's # not a comment");
        assertThat(config.getDataFile()).isEqualTo(file.getParent().resolve("data").resolve("datafile.json"));
        assertThat(config.getDataFile()).isAbsolute();
    }

    @Test
    void relativeDataFileIsResolvedAgainstTheConfigurationDirectory() {
        Path file = fixture("offline.properties");
        KameleoonClientConfig config = KameleoonClientConfig.fromFile(file);
        assertThat(config.getDataFile())
                .isEqualTo(file.getParent().getParent().resolve("datafiles").resolve("offline.json"));
        assertThat(config.getClientId()).isNull();
    }

    @Test
    void absoluteDataFileIsKept() throws IOException {
        Path dataFile = tempDir.resolve("elsewhere").resolve("datafile.json").toAbsolutePath();
        Path file = write("absolute.yaml", "data_file: '" + dataFile + "'\n");
        assertThat(KameleoonClientConfig.fromFile(file).getDataFile()).isEqualTo(dataFile);
    }

    @Test
    void extensionIsCaseInsensitive() throws IOException {
        Path file = write("CLIENT.YML", "client_id: a\nclient_secret: b\n");
        assertThat(KameleoonClientConfig.fromFile(file).getClientId()).isEqualTo("a");
    }

    @Test
    void missingFileIsConfigFileNotFoundNamingThePath() {
        Path missing = tempDir.resolve("nowhere.yaml");
        assertThatThrownBy(() -> KameleoonClientConfig.fromFile(missing))
                .isInstanceOf(ConfigFileNotFound.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void directoryIsConfigFileNotFound() throws IOException {
        Path directory = Files.createDirectory(tempDir.resolve("dir.properties"));
        assertThatThrownBy(() -> KameleoonClientConfig.fromFile(directory))
                .isInstanceOf(ConfigFileNotFound.class)
                .hasMessageContaining(directory.toString());
    }

    @Test
    void unknownExtensionIsRejected() throws IOException {
        Path file = write("client.json", "{\"client_id\": \"a\"}");
        assertThatThrownBy(() -> KameleoonClientConfig.fromFile(file))
                .isInstanceOf(ConfigException.class)
                .isNotInstanceOf(ConfigFileNotFound.class)
                .hasMessageContaining(".properties, .conf, .yaml or .yml");
    }

    @Test
    void theOfficialSdksConfFileIsReadAsProperties() throws IOException {
        Path file = write("client-java.conf", "client_id=a\nclient_secret=b\nrefresh_interval_minute=5\n");

        KameleoonClientConfig config = KameleoonClientConfig.readFromFile(file.toString());

        assertThat(config.getClientId()).isEqualTo("a");
        assertThat(config.getRefreshIntervalMinute()).isEqualTo(5);
    }

    @Test
    void badIntegerNamesTheKeyAndTheValue() {
        assertThatThrownBy(() -> KameleoonClientConfig.fromFile(fixture("bad-int.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("refresh_interval_minute")
                .hasMessageContaining("'abc'");
    }

    @Test
    void badBooleanNamesTheKeyAndTheValue() throws IOException {
        Path file = write("bad-bool.properties", "client_id=a\nclient_secret=b\ncookie_secure=maybe\n");
        assertThatThrownBy(() -> KameleoonClientConfig.fromFile(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cookie_secure")
                .hasMessageContaining("'maybe'");
    }

    @Test
    void badTimeZoneNamesTheKey() {
        assertThatThrownBy(() -> KameleoonClientConfig.fromProperties(
                Map.of("client_id", "a", "client_secret", "b", "time_zone", "Mars/Olympus")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("time_zone")
                .hasMessageContaining("Mars/Olympus");
    }

    @Test
    void badUrlNamesTheKey() {
        assertThatThrownBy(() -> KameleoonClientConfig.fromProperties(
                Map.of("data_file", "d.json", "events_url", "not a url")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("events_url");
        assertThatThrownBy(() -> KameleoonClientConfig.fromProperties(
                Map.of("data_file", "d.json", "sdk_config_url", "ftp://example.com")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sdk_config_url");
    }

    @Test
    void listInYamlIsRejectedNamingTheLine() {
        assertThatThrownBy(() -> KameleoonClientConfig.fromFile(fixture("list.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("list.yaml line 4")
                .hasMessageContaining("lists are not supported");
    }

    @Test
    void unknownKeyIsWarnedAboutAndIgnored() {
        KameleoonClientConfig config = KameleoonClientConfig.fromFile(fixture("unknown-key.properties"));
        assertThat(config.getClientId()).isEqualTo("id");
        assertThat(log.lines(LogLevel.WARNING)).singleElement().asString()
                .contains("unknown configuration key 'kameleoon_work_dir'")
                .doesNotContain("/tmp/kameleoon");
    }

    @Test
    void credentialsRuleAppliesToFiles() throws IOException {
        Path file = write("no-credentials.yaml", "client_id: only-the-id\ntop_level_domain: example.com\n");
        assertThatThrownBy(() -> KameleoonClientConfig.fromFile(file))
                .isInstanceOf(ConfigCredentialsInvalid.class)
                .hasMessageContaining("data_file");
    }

    @Test
    void blankValuesLeaveTheDefault() throws IOException {
        Path file = write("blank.properties",
                "client_id=a\nclient_secret=b\nrefresh_interval_minute=\ncookie_same_site=  \nenvironment=\n");
        KameleoonClientConfig config = KameleoonClientConfig.fromFile(file);
        assertThat(config.getRefreshIntervalMinute()).isEqualTo(60);
        assertThat(config.getCookieSameSite()).isEqualTo("Lax");
        assertThat(config.getEnvironment()).isNull();
    }

    @Test
    void propertiesFilesMayBeLatin1() throws IOException {
        Path file = tempDir.resolve("latin1.properties");
        Files.write(file, "client_id=caf\u00e9\nclient_secret=s\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(KameleoonClientConfig.fromFile(file).getClientId()).isEqualTo("caf\u00e9");
    }

    @Test
    void fromPropertiesAcceptsEverySpelling() {
        Map<String, String> values = new HashMap<>();
        values.put("KAMELEOON_CLIENT_ID", "env-id");
        values.put("kameleoon.clientSecret", "env-secret");
        values.put("refresh-interval-minute", " 5 ");
        values.put("trackingIntervalMillisecond", "10000");
        values.put("COOKIE_OPTIONS_SAMESITE", "none");
        values.put("cookie_options.domain", "Example.com");
        values.put("data_file", "relative/datafile.json");
        values.put("environment", null);
        KameleoonClientConfig config = KameleoonClientConfig.fromProperties(values);
        assertThat(config.getClientId()).isEqualTo("env-id");
        assertThat(config.getClientSecret()).isEqualTo("env-secret");
        assertThat(config.getRefreshIntervalMinute()).isEqualTo(5);
        assertThat(config.getTrackingIntervalMillisecond()).isEqualTo(5_000);
        assertThat(config.getCookieSameSite()).isEqualTo("None");
        assertThat(config.getTopLevelDomain()).isEqualTo("example.com");
        assertThat(config.getDataFile()).isEqualTo(Path.of("relative/datafile.json"));
        assertThat(config.getEnvironment()).isNull();
    }

    @Test
    void noErrorMessageOrLogShowsTheSecret() throws IOException {
        Path file = write("secret.yaml", "client_id: a\nclient_secret: hunter2\nmax_visitors: many\n");
        assertThatThrownBy(() -> KameleoonClientConfig.fromFile(file))
                .hasMessageContaining("max_visitors")
                .hasMessageNotContaining("hunter2");
        assertThat(String.join("\n", log.lines())).doesNotContain("hunter2");
    }
}
