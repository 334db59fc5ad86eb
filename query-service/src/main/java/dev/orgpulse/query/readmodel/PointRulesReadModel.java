package dev.orgpulse.query.readmodel;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.eventlog.PointRules;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** The point rules in force: the latest change folded from the log, the defaults before any; cached until a change. */
@ApplicationScoped
public class PointRulesReadModel {

    private static final String LATEST = """
            SELECT rules FROM point_rules_change ORDER BY changed_at DESC, delivery_id DESC LIMIT 1""";

    private final Pool pool;

    public PointRulesReadModel(Pool pool) {
        this.pool = pool;
    }

    @CacheResult(cacheName = ReadModelCaches.POINT_RULES)
    public Uni<List<PointRules.Rule>> current() {
        return pool.query(LATEST).execute().map(rows -> rows.size() == 0 ? PointRules.DEFAULTS
                : PointRules.read(rows.iterator().next().getString("rules").getBytes(StandardCharsets.UTF_8)));
    }
}
