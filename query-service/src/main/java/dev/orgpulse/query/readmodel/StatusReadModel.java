package dev.orgpulse.query.readmodel;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.query.api.Healthz;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/** Which read-model version is served and when the projector last changed it; read fresh, never cached. */
@ApplicationScoped
public class StatusReadModel {

    private final Pool pool;

    public StatusReadModel(Pool pool) {
        this.pool = pool;
    }

    public Uni<Healthz> health() {
        return pool.query("SELECT version, updated_at FROM read_model_status WHERE id = 1").execute()
                .map(rows -> healthz(rows.iterator().next()));
    }

    /** The read-model version served now. */
    public Uni<String> version() {
        return pool.query("SELECT version FROM read_model_status WHERE id = 1").execute()
                .map(rows -> rows.iterator().next().getString("version"));
    }

    private static Healthz healthz(Row row) {
        OffsetDateTime updatedAt = row.getOffsetDateTime("updated_at");
        return new Healthz("UP", updatedAt == null ? null : updatedAt.toInstant(), row.getString("version"));
    }
}
