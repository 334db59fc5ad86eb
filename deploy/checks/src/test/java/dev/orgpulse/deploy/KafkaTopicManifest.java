package dev.orgpulse.deploy;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import dev.orgpulse.eventlog.Topics;

/**
 * Writes the Strimzi {@code KafkaTopic}s of deploy/k8s from the log contract ({@link Topics}): names, partitions and
 * settings come from there only. The replication (3, so that {@code acks=all} with {@code min.insync.replicas=2}
 * survives one lost broker) belongs to the cluster, not to the contract.
 */
final class KafkaTopicManifest {

    static final Path FILE = Path.of("deploy/k8s/base/kafka-topics.yaml");
    static final String KAFKA_CLUSTER = "orgpulse";
    static final int REPLICAS = 3;

    private KafkaTopicManifest() {
    }

    static String render() {
        StringBuilder yaml = new StringBuilder()
                .append("# Generated from event-log's dev.orgpulse.eventlog.Topics (the log contract) by deploy/checks; do not\n")
                .append("# edit. After a change of Topics: mvn -B -pl deploy/checks -am verify -Dorgpulse.manifests.write\n")
                .append("# Strimzi's topic operator refuses a change of partitions that would move keys; see docs/operations.md.\n");
        for (int i = 0; i < Topics.ALL.size(); i++) {
            if (i > 0) {
                yaml.append("---\n");
            }
            topic(yaml, Topics.ALL.get(i));
        }
        return yaml.toString();
    }

    private static void topic(StringBuilder yaml, Topics.Spec spec) {
        yaml.append("apiVersion: kafka.strimzi.io/v1beta2\n")
                .append("kind: KafkaTopic\n")
                .append("metadata:\n")
                .append("  name: ").append(spec.name()).append('\n')
                .append("  labels:\n")
                .append("    strimzi.io/cluster: ").append(KAFKA_CLUSTER).append('\n')
                .append("spec:\n")
                .append("  topicName: ").append(spec.name()).append('\n')
                .append("  partitions: ").append(spec.partitions()).append('\n')
                .append("  replicas: ").append(REPLICAS).append('\n')
                .append("  config:\n");
        new TreeMap<>(spec.config()).forEach((key, value) -> yaml.append("    ").append(key).append(": \"").append(value).append("\"\n"));
    }
}
