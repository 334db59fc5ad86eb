package dev.orgpulse.projector.rebuild;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.jboss.logging.Logger;

import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.projector.config.ProjectorConfig;
import dev.orgpulse.projector.readmodel.CheckpointReader;
import dev.orgpulse.projector.stream.BatchWriter;
import dev.orgpulse.projector.version.ReadModelVersion;
import dev.orgpulse.projector.version.ReadModelVersions;
import dev.orgpulse.projector.version.VersionCatalog;
import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Identifier;

/** What a {@link RebuildRunner} works with, and what follows a switch. */
@ApplicationScoped
class RebuildContext {

    private static final Logger LOG = Logger.getLogger(RebuildContext.class);

    /** Batches as large as the live fold's (see application.properties): the same cost per record in PostgreSQL. */
    private static final int MAX_POLL_RECORDS = 2000;
    private static final int MAX_PARTITION_FETCH_BYTES = 8 * 1024 * 1024;

    private final AgroalDataSource dataSource;
    private final RebuildStore store;
    private final VersionCatalog catalog;
    private final CheckpointReader checkpoints;
    private final BatchWriter writer;
    private final ReadModelVersions versions;
    private final Map<String, Object> kafkaConfig;
    private final String consumerGroup;
    private final int keep;

    RebuildContext(AgroalDataSource dataSource, RebuildStore store, VersionCatalog catalog,
            CheckpointReader checkpoints, BatchWriter writer, ReadModelVersions versions,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, ProjectorConfig config) {
        this.dataSource = dataSource;
        this.store = store;
        this.catalog = catalog;
        this.checkpoints = checkpoints;
        this.writer = writer;
        this.versions = versions;
        this.kafkaConfig = kafkaConfig;
        this.consumerGroup = config.projector().consumerGroup();
        this.keep = config.rebuild().keep();
    }

    AgroalDataSource dataSource() {
        return dataSource;
    }

    RebuildStore store() {
        return store;
    }

    VersionCatalog catalog() {
        return catalog;
    }

    CheckpointReader checkpoints() {
        return checkpoints;
    }

    BatchWriter writer() {
        return writer;
    }

    ReadModelVersions versions() {
        return versions;
    }

    /** The live consumer group: each version keeps its checkpoints under it (see FoldTransaction#apply). */
    String consumerGroup() {
        return consumerGroup;
    }

    /** Records per poll: the most a caught-up rebuild can be behind the log's end when it tries to switch. */
    int batchSize() {
        return MAX_POLL_RECORDS;
    }

    String topic() {
        return Topics.EVENTS;
    }

    /**
     * A consumer of the rebuild's own group ({@code <group>-rebuild-<version>}, for the broker's tools to show); it is
     * assigned every partition and seeks to the version's checkpoints, it commits nothing to Kafka.
     */
    Map<String, Object> consumerConfig(ReadModelVersion version) {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(ConsumerConfig.GROUP_ID_CONFIG, consumerGroup + "-rebuild-" + version.name());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_PARTITION_FETCH_BYTES);
        return config;
    }

    /** The live fold of this replica follows at once; versions beyond those kept are dropped. */
    void afterSwitch(ReadModelVersion current) {
        versions.follow(current);
        List<ReadModelVersion> dropped = catalog.dropBeyond(keep);
        dropped.forEach(versions::forget);
        LOG.infof("After the switch to %s: dropped %s, kept the %d version(s) before it (ORGPULSE_REBUILD_KEEP)",
                current, dropped, keep);
    }
}
