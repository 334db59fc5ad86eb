package dev.orgpulse.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import dev.orgpulse.eventlog.Topics;

class KafkaBrokerResourceTest {

    @Test
    void startsABrokerWithTheContractTopics() throws Exception {
        var resource = new KafkaBrokerResource();
        try {
            var config = resource.start();
            assertEquals(resource.bootstrapServers(), config.get("kafka.bootstrap.servers"));
            try (Admin admin = resource.admin()) {
                var events = admin.describeTopics(List.of(Topics.EVENTS)).allTopicNames().get(10, TimeUnit.SECONDS)
                        .get(Topics.EVENTS);
                assertEquals(Topics.EVENTS_PARTITIONS, events.partitions().size());
                var topicConfig = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.EVENTS)))
                        .all().get(10, TimeUnit.SECONDS).values().iterator().next();
                assertEquals("-1", topicConfig.get("retention.ms").value());
            }
            assertEquals(0L, resource.recordCount(Topics.EVENTS));
        } finally {
            resource.stop();
        }
    }
}
