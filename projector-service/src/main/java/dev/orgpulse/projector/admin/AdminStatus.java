package dev.orgpulse.projector.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.orgpulse.projector.readmodel.MeetSubscriptionStatus;

/**
 * {@code GET /admin/status}.
 *
 * @param totalLag   records on the log not folded yet; {@code null} when the brokers did not answer
 * @param lagError   why the lag is unknown, when it is
 * @param foldError  why the fold is retrying a batch, when it is
 * @param lastUpdate when a batch last changed a read model
 * @param meetSubscriptions the latest lifecycle event of each Workspace Events subscription, the first to expire first
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AdminStatus(String readModelVersion, String consumerGroup, String topic, List<PartitionStatus> partitions,
        Long totalLag, String lagError, long deadLetters, long processed, long folded, long ignored,
        Instant lastUpdate, Instant lastBatchAt, String foldError, List<MeetSubscriptionStatus> meetSubscriptions) {

    /**
     * @param checkpoint next offset the fold will read (0 when never folded)
     * @param endOffset  next offset the log will write; {@code null} when unknown
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PartitionStatus(int partition, long checkpoint, Long endOffset, Long lag) {

        /** Every partition known to either side; {@code endOffsets} is {@code null} when the brokers did not answer. */
        static List<PartitionStatus> of(Map<Integer, Long> checkpoints, Map<Integer, Long> endOffsets) {
            SortedSet<Integer> partitions = new TreeSet<>(checkpoints.keySet());
            if (endOffsets != null) {
                partitions.addAll(endOffsets.keySet());
            }
            return partitions.stream().map(partition -> {
                long checkpoint = checkpoints.getOrDefault(partition, 0L);
                Long end = endOffsets == null ? null : endOffsets.get(partition);
                return new PartitionStatus(partition, checkpoint, end, end == null ? null : Math.max(0, end - checkpoint));
            }).toList();
        }
    }
}
