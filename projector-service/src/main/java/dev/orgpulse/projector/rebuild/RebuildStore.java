package dev.orgpulse.projector.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.projector.version.ReadModelVersion;
import io.agroal.api.AgroalDataSource;

/**
 * The rebuilds in {@code orgpulse.rebuild}, shared by every replica: any of them answers the admin endpoints, the one
 * running a rebuild writes its progress there about once a second. Plain JDBC: called from worker and rebuild threads.
 */
@ApplicationScoped
public class RebuildStore {

    /** PostgreSQL's unique_violation: the partial index {@code rebuild_one_active} refused a second active rebuild. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String COLUMNS = """
            id, version, state, folded, remaining, rate_per_s, started_at, switched_at, error, resumed""";

    private final AgroalDataSource dataSource;

    public RebuildStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @throws RebuildConflict when a rebuild is active already */
    public void insert(String id, ReadModelVersion version, boolean resumed) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO orgpulse.rebuild (id, version, state, resumed, started_at) VALUES (?, ?, 'running', ?, now())")) {
            statement.setString(1, id);
            statement.setString(2, version.name());
            statement.setBoolean(3, resumed);
            statement.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new RebuildConflict(active().orElse(null));
            }
            throw failed("start a rebuild", e);
        }
    }

    public Optional<Rebuild> find(String id) {
        return select("SELECT " + COLUMNS + " FROM orgpulse.rebuild WHERE id = ?", id).stream().findFirst();
    }

    public Optional<Rebuild> active() {
        return select("SELECT " + COLUMNS + " FROM orgpulse.rebuild WHERE state IN ('running', 'switching')")
                .stream().findFirst();
    }

    /** Newest first. */
    public List<Rebuild> all() {
        return select("SELECT " + COLUMNS + " FROM orgpulse.rebuild ORDER BY started_at DESC");
    }

    /** Progress of an active rebuild; a rebuild that ended meanwhile (cancelled) is left as it is. */
    public void progress(String id, RebuildState state, long folded, Long remaining, double ratePerSecond) {
        update("""
                UPDATE orgpulse.rebuild SET state = ?, folded = ?, remaining = ?, rate_per_s = ?
                WHERE id = ? AND state IN ('running', 'switching')""", statement -> {
            statement.setString(1, state.json());
            statement.setLong(2, folded);
            statement.setObject(3, remaining);
            statement.setDouble(4, ratePerSecond);
            statement.setString(5, id);
        });
    }

    /**
     * Ends an active rebuild ({@code failed} or {@code cancelled}).
     *
     * @return whether it was active: {@code false} when it had ended already (switched, or ended by someone else)
     */
    public boolean end(String id, RebuildState state, String error) {
        return update("""
                UPDATE orgpulse.rebuild SET state = ?, error = ?, ended_at = now()
                WHERE id = ? AND state IN ('running', 'switching')""", statement -> {
            statement.setString(1, state.json());
            statement.setString(2, error);
            statement.setString(3, id);
        }) > 0;
    }

    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private int update(String sql, Parameters parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.set(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failed("record a rebuild's progress", e);
        }
    }

    private List<Rebuild> select(String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<Rebuild> rebuilds = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rebuilds.add(rebuild(rows));
                }
            }
            return rebuilds;
        } catch (SQLException e) {
            throw failed("read the rebuilds", e);
        }
    }

    private static Rebuild rebuild(ResultSet row) throws SQLException {
        RebuildState state = RebuildState.fromJson(row.getString("state"));
        Long remaining = (Long) row.getObject("remaining");
        Double rate = state.active() ? (Double) row.getObject("rate_per_s") : null;
        return new Rebuild(row.getString("id"), row.getString("version"), state.json(), row.getLong("folded"),
                remaining, rate, state.active() ? RebuildRate.etaSeconds(remaining, rate) : null,
                instant(row.getTimestamp("started_at")), instant(row.getTimestamp("switched_at")),
                row.getString("error"), row.getBoolean("resumed"));
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException("could not " + what + ": " + e.getMessage(), e);
    }
}
