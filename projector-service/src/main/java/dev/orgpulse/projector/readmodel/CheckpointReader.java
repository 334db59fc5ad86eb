package dev.orgpulse.projector.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.projector.version.ReadModelVersion;
import io.agroal.api.AgroalDataSource;

/**
 * Reads the stored checkpoints with plain JDBC, for callers that run outside a Vert.x context: the Kafka
 * rebalance listener runs on the polling thread, where Hibernate Reactive must not be used (quarkus#24067).
 */
@ApplicationScoped
public class CheckpointReader {

    private static final String NEXT_OFFSETS = """
            SELECT partition_id, next_offset FROM %s WHERE consumer_group = ? AND topic = ?""";

    private final AgroalDataSource dataSource;

    public CheckpointReader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The next offset to fold per partition of the topic in the current read-model version (partitions never folded
     * are absent). Blocking.
     */
    public Map<Integer, Long> nextOffsets(String consumerGroup, String topic) {
        return nextOffsets("checkpoint", consumerGroup, topic);
    }

    /** The same in one version, current or not. */
    public Map<Integer, Long> nextOffsets(ReadModelVersion version, String consumerGroup, String topic) {
        return nextOffsets(version.schema() + ".checkpoint", consumerGroup, topic);
    }

    private Map<Integer, Long> nextOffsets(String table, String consumerGroup, String topic) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(NEXT_OFFSETS.formatted(table))) {
            statement.setString(1, consumerGroup);
            statement.setString(2, topic);
            Map<Integer, Long> offsets = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    offsets.put(rows.getInt("partition_id"), rows.getLong("next_offset"));
                }
            }
            return offsets;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the checkpoints of " + consumerGroup + " on " + topic, e);
        }
    }
}
