package com.kameleoon.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.KameleoonException;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Data;
import com.kameleoon.data.PageView;
import com.kameleoon.types.RemoteVisitorDataFilter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference sections on remote data: getRemoteVisitorData with and without a filter (futures, as documented),
 * RemoteVisitorDataFilter's builder and constructors, and getVisitorWarehouseAudience. {@code getRemoteData} is the
 * one documented difference (a Jackson {@code JsonNode} instead of a JSON-P {@code JsonObject}); it is shown in this
 * project's form.
 */
@Timeout(60)
class RemoteDataReferenceTest {
    private static final String SITE = "compat-remote";
    private static final String VISITOR_DATA = "{\"currentVisit\": {\"visitorCode\": \"%s\", \"timeStarted\": 1000,"
            + " \"customDataEvents\": [{\"time\": 1001, \"data\": {\"index\": 1, \"valuesCountMap\": {\"vip\": 1}}}],"
            + " \"pageEvents\": [{\"time\": 1002, \"data\": {\"href\": \"https://x/a\", \"title\": \"A\"}}]}}";

    @TempDir
    static Path directory;
    private static CompatBackend backend;
    private static KameleoonClient kameleoonClient;

    @BeforeAll
    static void start() throws Exception {
        backend = CompatBackend.start(SITE, directory);
        kameleoonClient = KameleoonClientFactory.create(SITE, backend.configPath());
        kameleoonClient.waitInit().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        KameleoonClientFactory.forget(SITE);
        backend.close();
    }

    @Test
    void visitorDataIsFetchedAndAddedToTheVisitor() throws Exception {
        String visitorCode = "compatremotevis1";
        backend.server().setVisitorData(SITE, visitorCode, String.format(VISITOR_DATA, visitorCode));

        List<Data> remoteData = kameleoonClient.getRemoteVisitorData(visitorCode).get();

        assertThat(remoteData).contains(new CustomData(1, "vip"));
        assertThat(kameleoonClient.getVariation(visitorCode, "vip_free_shipping", false).getKey()).isEqualTo("on");
    }

    @Test
    void aFilterChoosesWhatIsFetched() throws Exception {
        String visitorCode = "compatremotevis2";
        backend.server().setVisitorData(SITE, visitorCode, String.format(VISITOR_DATA, visitorCode));
        RemoteVisitorDataFilter filter = RemoteVisitorDataFilter.builder()
                .previousVisitAmount(5)
                .currentVisit(true)
                .customData(true)
                .pageViews(true)
                .conversion(true)
                .build();

        List<Data> remoteData = kameleoonClient.getRemoteVisitorData(visitorCode, filter, false).get();

        assertThat(remoteData).contains(new PageView("https://x/a", "A", null));
        assertThat(kameleoonClient.getVariation(visitorCode, "vip_free_shipping", false).getKey())
                .as("addData=false: the visitor is unchanged").isEqualTo("off");
        @SuppressWarnings("deprecation")
        RemoteVisitorDataFilter constructed = new RemoteVisitorDataFilter(1, true, true, false, false, false, false,
                false, false, false);
        assertThat(constructed.isCustomData()).isTrue();
        assertThat(new RemoteVisitorDataFilter().getPreviousVisitAmount()).isEqualTo(1);
    }

    @Test
    void aWarehouseAudienceBecomesCustomData() throws Exception {
        backend.server().setRemoteData(SITE, "wh-key", "{\"warehouseAudiences\": {\"aud1\": 1}}");

        CustomData audience = kameleoonClient.getVisitorWarehouseAudience("compatremotevis3", "wh-key", 4).get();

        assertThat(audience.getId()).isEqualTo(4);
        assertThat(audience.getValues()).containsExactly("aud1");
    }

    @Test
    void remoteDataInThisProjectsForm() throws Exception {
        backend.server().setRemoteData(SITE, "settings", "{\"plan\": \"pro\"}");

        assertThat(kameleoonClient.getRemoteData("settings").get("plan").asText()).isEqualTo("pro");
        assertThat(kameleoonClient.getRemoteDataAsync("settings").get().get("plan").asText()).isEqualTo("pro");
    }

    @Test
    void aFailedFetchCompletesTheFutureExceptionally() {
        backend.server().setVisitorData(SITE, "compatremotevis4", "[1, 2]");

        try {
            kameleoonClient.getRemoteVisitorData("compatremotevis4").get();
            throw new AssertionError("failure expected");
        } catch (java.util.concurrent.ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(KameleoonException.class);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
