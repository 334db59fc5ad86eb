package dev.orgpulse.projector.readmodel;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** Counts for the admin status, read with plain JDBC (blocking; admin requests run on worker threads). */
@ApplicationScoped
public class ReadModelReport {

    private static final String SUMMARY = """
            SELECT s.version, s.updated_at,
                   (SELECT count(*) FROM dead_letter) AS dead_letters,
                   (SELECT count(*) FROM processed_delivery WHERE outcome = 'folded') AS folded,
                   (SELECT count(*) FROM processed_delivery WHERE outcome = 'ignored') AS ignored
            FROM read_model_status s""";

    private final AgroalDataSource dataSource;

    public ReadModelReport(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ReadModelSummary summary() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(SUMMARY)) {
            if (!row.next()) {
                throw new IllegalStateException("read_model_status has no row: the schema was not migrated");
            }
            Timestamp updatedAt = row.getTimestamp("updated_at");
            return new ReadModelSummary(row.getString("version"), updatedAt == null ? null : updatedAt.toInstant(),
                    row.getLong("dead_letters"), row.getLong("folded"), row.getLong("ignored"));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the read-model summary", e);
        }
    }
}
