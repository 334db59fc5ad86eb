package dev.orgpulse.projector.readmodel;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** What the admin status reports, read with plain JDBC (blocking; admin requests run on worker threads). */
@ApplicationScoped
public class ReadModelReport {

    private static final String SUMMARY = """
            SELECT s.version, s.updated_at,
                   (SELECT count(*) FROM dead_letter) AS dead_letters,
                   (SELECT count(*) FROM processed_delivery WHERE outcome = 'folded') AS folded,
                   (SELECT count(*) FROM processed_delivery WHERE outcome = 'ignored') AS ignored
            FROM read_model_status s""";

    private static final String MEET_SUBSCRIPTIONS = """
            SELECT subscription, event_type, event_at, expire_time, state, suspension_reason
            FROM meet_subscription ORDER BY expire_time NULLS LAST, subscription""";

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
            return new ReadModelSummary(row.getString("version"), instant(row.getTimestamp("updated_at")),
                    row.getLong("dead_letters"), row.getLong("folded"), row.getLong("ignored"));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the read-model summary", e);
        }
    }

    /** Every Workspace Events subscription that sent a lifecycle event, the first to expire first. */
    public List<MeetSubscriptionStatus> meetSubscriptions() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(MEET_SUBSCRIPTIONS)) {
            List<MeetSubscriptionStatus> subscriptions = new ArrayList<>();
            while (rows.next()) {
                subscriptions.add(new MeetSubscriptionStatus(rows.getString("subscription"),
                        rows.getString("event_type"), instant(rows.getTimestamp("event_at")),
                        instant(rows.getTimestamp("expire_time")), rows.getString("state"),
                        rows.getString("suspension_reason")));
            }
            return subscriptions;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the Workspace subscriptions", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
