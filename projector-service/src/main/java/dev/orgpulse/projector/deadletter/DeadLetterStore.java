package dev.orgpulse.projector.deadletter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** The {@code dead_letter} table as the admin endpoints read it: plain JDBC, blocking, oldest first. */
@ApplicationScoped
public class DeadLetterStore {

    private static final String COLUMNS = "id, topic, partition_id, record_offset, event_type, delivery_id, reason, "
            + "recorded_at";
    private static final String PAGE = "SELECT " + COLUMNS + " FROM dead_letter ORDER BY id LIMIT ? OFFSET ?";
    private static final String COUNT = "SELECT count(*) FROM dead_letter";
    private static final String ONE = "SELECT " + COLUMNS + " FROM dead_letter WHERE id = ?";
    private static final String IDS = "SELECT id FROM dead_letter ORDER BY id";

    private final AgroalDataSource dataSource;

    public DeadLetterStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    DeadLetterPage page(int page, int size) {
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = connection.prepareStatement(COUNT); ResultSet rows = count.executeQuery()) {
                rows.next();
                total = rows.getLong(1);
            }
            List<DeadLetter> items = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(PAGE)) {
                select.setInt(1, size);
                select.setLong(2, (long) page * size);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        items.add(deadLetter(rows));
                    }
                }
            }
            return new DeadLetterPage(total, page, size, items);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the dead letters", e);
        }
    }

    Optional<DeadLetter> find(long id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(ONE)) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(deadLetter(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read dead letter " + id, e);
        }
    }

    List<Long> ids() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(IDS);
                ResultSet rows = select.executeQuery()) {
            List<Long> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the dead letters", e);
        }
    }

    private static DeadLetter deadLetter(ResultSet row) throws SQLException {
        Timestamp recordedAt = row.getTimestamp("recorded_at");
        return new DeadLetter(row.getLong("id"), row.getString("topic"), row.getInt("partition_id"),
                row.getLong("record_offset"), row.getString("event_type"), row.getString("delivery_id"),
                row.getString("reason"), recordedAt == null ? null : recordedAt.toInstant());
    }
}
