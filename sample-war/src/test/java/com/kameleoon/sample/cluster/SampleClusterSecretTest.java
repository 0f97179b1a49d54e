package com.kameleoon.sample.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cluster closes its collector by default: every member gets the same secret, the nodes' relays post with it. */
class SampleClusterSecretTest {
    private static final SampleCluster.Settings SETTINGS = new SampleCluster.Settings(Path.of("tomcat"),
            Path.of("shop.war"), ClusterDatabase.named("kameleoon_sample_unit"), 8090, List.of(8081, 8082), Map.of());

    @Test
    void nodesPostToTheCollectorWithTheSecretItExpects() {
        SampleCluster cluster = SampleCluster.unstarted(SETTINGS);
        Map<String, String> node = cluster.nodeParameters();
        Map<String, String> collector = cluster.collectorParameters();

        String secret = collector.get("sample.collector_secret");
        assertThat(secret).as("collector secret").isNotBlank().hasSizeGreaterThanOrEqualTo(32)
                .matches("[A-Za-z0-9_-]+");
        assertThat(node.get("sample.collector_secret")).isEqualTo(secret);
        assertThat(node.get("kameleoon.data_api_url")).isEqualTo("http://127.0.0.1:8090/collector/" + secret);
    }

    @Test
    void eachClusterDrawsItsOwnSecret() {
        assertThat(SampleCluster.unstarted(SETTINGS).collectorParameters().get("sample.collector_secret"))
                .isNotEqualTo(SampleCluster.unstarted(SETTINGS).collectorParameters().get("sample.collector_secret"));
    }
}
