package dev.orgpulse.projector.rebuild;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgpulse.projector.config.ProjectorConfig;
import dev.orgpulse.projector.readmodel.CheckpointReader;
import dev.orgpulse.projector.stream.BatchWriter;
import dev.orgpulse.projector.stream.EventLogSettings;
import dev.orgpulse.projector.version.ReadModelVersion;
import dev.orgpulse.projector.version.ReadModelVersions;
import dev.orgpulse.projector.version.VersionCatalog;
import io.agroal.api.AgroalDataSource;

/** What a {@link RebuildRunner} works with, and what follows a switch. */
@ApplicationScoped
class RebuildContext {

    private static final Logger LOG = Logger.getLogger(RebuildContext.class);

    private final AgroalDataSource dataSource;
    private final RebuildStore store;
    private final VersionCatalog catalog;
    private final CheckpointReader checkpoints;
    private final BatchWriter writer;
    private final ReadModelVersions versions;
    private final EventLogSettings eventLog;
    private final String consumerGroup;
    private final int keep;

    RebuildContext(AgroalDataSource dataSource, RebuildStore store, VersionCatalog catalog,
            CheckpointReader checkpoints, BatchWriter writer, ReadModelVersions versions,
            EventLogSettings eventLog, ProjectorConfig config) {
        this.dataSource = dataSource;
        this.store = store;
        this.catalog = catalog;
        this.checkpoints = checkpoints;
        this.writer = writer;
        this.versions = versions;
        this.eventLog = eventLog;
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
        return eventLog.maxPollRecords();
    }

    String topic() {
        return eventLog.topic();
    }

    /**
     * A consumer of the rebuild's own group ({@code <group>-rebuild-<version>}, for the broker's tools to show), with
     * the live fold's settings (batches as large: the same cost per record in PostgreSQL); it is assigned every
     * partition and seeks to the version's checkpoints, it commits nothing to Kafka.
     */
    Map<String, Object> consumerConfig(ReadModelVersion version) {
        return eventLog.consumerConfig(consumerGroup + "-rebuild-" + version.name());
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
