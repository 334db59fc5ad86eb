package dev.orgpulse.projector.admin;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;

import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.projector.config.ProjectorConfig;
import dev.orgpulse.projector.readmodel.CheckpointReader;
import dev.orgpulse.projector.readmodel.ReadModelReport;
import dev.orgpulse.projector.readmodel.ReadModelSummary;
import dev.orgpulse.projector.stream.FoldProgress;

/** Operator endpoints, behind {@link AdminKeyFilter}. Blocking (JDBC, Kafka admin): served on worker threads. */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private static final Logger LOG = Logger.getLogger(AdminResource.class);

    private final CheckpointReader checkpoints;
    private final ReadModelReport report;
    private final LogEndOffsets endOffsets;
    private final FoldProgress progress;
    private final String consumerGroup;

    public AdminResource(CheckpointReader checkpoints, ReadModelReport report, LogEndOffsets endOffsets,
            FoldProgress progress, ProjectorConfig config) {
        this.checkpoints = checkpoints;
        this.report = report;
        this.endOffsets = endOffsets;
        this.progress = progress;
        this.consumerGroup = config.projector().consumerGroup();
    }

    @GET
    @Path("/status")
    public AdminStatus status() {
        String topic = Topics.EVENTS;
        ReadModelSummary summary = report.summary();
        Map<Integer, Long> folded = checkpoints.nextOffsets(consumerGroup, topic);
        Map<Integer, Long> written = null;
        String lagError = null;
        try {
            written = endOffsets.endOffsets(topic);
        } catch (IllegalStateException e) {
            LOG.warnf("Admin status without lag: %s", e.getMessage());
            lagError = e.getMessage();
        }
        List<AdminStatus.PartitionStatus> partitions = AdminStatus.PartitionStatus.of(folded, written);
        Long totalLag = written == null ? null
                : partitions.stream().mapToLong(status -> status.lag() == null ? 0 : status.lag()).sum();
        FoldProgress.State fold = progress.state();
        return new AdminStatus(summary.version(), consumerGroup, topic, partitions, totalLag, lagError,
                summary.deadLetters(), summary.folded() + summary.ignored(), summary.folded(), summary.ignored(),
                summary.lastUpdate(), fold.lastBatchAt(), fold.failure(), report.meetSubscriptions());
    }
}
