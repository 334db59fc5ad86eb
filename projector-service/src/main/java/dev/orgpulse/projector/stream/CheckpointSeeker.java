package dev.orgpulse.projector.stream;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import dev.orgpulse.projector.config.ProjectorConfig;
import dev.orgpulse.projector.readmodel.CheckpointReader;

/**
 * On partition assignment, moves the consumer to the checkpoints stored with the read models: the database,
 * not Kafka's committed offsets, says where the fold stands. Runs on the polling thread, so it reads with
 * JDBC. Should the database not answer, the consumer keeps Kafka's position and the fold skips whatever is
 * below the checkpoint when it writes: slower, never wrong.
 */
@ApplicationScoped
public class CheckpointSeeker {

    private static final Logger LOG = Logger.getLogger(CheckpointSeeker.class);

    private final CheckpointReader checkpoints;
    private final String consumerGroup;

    public CheckpointSeeker(CheckpointReader checkpoints, ProjectorConfig config) {
        this.checkpoints = checkpoints;
        this.consumerGroup = config.projector().consumerGroup();
    }

    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<String, List<TopicPartition>> byTopic = partitions.stream()
                .collect(Collectors.groupingBy(TopicPartition::topic));
        byTopic.forEach((topic, assigned) -> {
            try {
                seek(consumer, assigned, checkpoints.nextOffsets(consumerGroup, topic));
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not read the checkpoints of %s on %s; starting from Kafka's position, records "
                        + "folded before are skipped when written", consumerGroup, topic);
            }
        });
    }

    /** Seeks each partition to its checkpoint, or to the beginning of the log when it was never folded. */
    public static void seek(Consumer<?, ?> consumer, Collection<TopicPartition> partitions, Map<Integer, Long> nextOffsets) {
        for (TopicPartition partition : partitions) {
            Long next = nextOffsets.get(partition.partition());
            if (next == null) {
                consumer.seekToBeginning(List.of(partition));
                LOG.infof("Assigned %s: no checkpoint, folding from the beginning of the log", partition);
            } else {
                consumer.seek(partition, next);
                LOG.infof("Assigned %s: resuming at checkpoint %d", partition, next);
            }
        }
    }
}
