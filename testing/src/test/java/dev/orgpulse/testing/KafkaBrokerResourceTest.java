package dev.orgpulse.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
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

    @Test
    void aRestartedBrokerComesBackOnTheSameAddressWithItsLog() throws Exception {
        var resource = new KafkaBrokerResource();
        try {
            resource.start();
            String address = resource.bootstrapServers();
            try (var producer = new KafkaProducer<>(Map.<String, Object> of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, address), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.EVENTS, "github:acme/api", "before the restart"))
                        .get(10, TimeUnit.SECONDS);
            }

            resource.stopBroker();
            resource.restartBroker();

            assertEquals(address, resource.bootstrapServers());
            assertEquals(1L, resource.recordCount(Topics.EVENTS));
        } finally {
            resource.stop();
        }
    }
}
