package dev.orgpulse.query.readmodel;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.query.api.HeatmapDay;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Activities per UTC day over the window's whole days, ending today, from the daily aggregate the projector keeps:
 * it outlives the feed's trimmed items.
 */
@ApplicationScoped
public class HeatmapReadModel {

    private static final String PER_DAY = """
            SELECT a.day, sum(a.items) AS items FROM daily_activity a
            WHERE a.day >= $1 AND ($2 OR NOT a.is_bot) AND ($3::text IS NULL OR a.dev = $3)
              AND ($4::text IS NULL OR a.repo_id IN (SELECT id FROM repository WHERE full_name = $4
                                                     UNION SELECT repo_id FROM feed_item WHERE repo = $4))
            GROUP BY a.day""";

    private final Pool pool;
    private final ReadWindows windows;

    public HeatmapReadModel(Pool pool, ReadWindows windows) {
        this.pool = pool;
        this.windows = windows;
    }

    @CacheResult(cacheName = ReadModelCaches.HEATMAP)
    public Uni<List<HeatmapDay>> days(Filter filter) {
        ReadWindow window = windows.current();
        return pool.preparedQuery(PER_DAY)
                .execute(Tuple.of(window.firstDay(), window.includeBots(), filter.dev().orElse(null),
                        filter.repo().orElse(null)))
                .map(rows -> {
                    Map<LocalDate, Long> countsByDay = new HashMap<>();
                    rows.forEach(row -> countsByDay.put(row.getLocalDate("day"), row.getLong("items")));
                    return HeatmapCells.zeroFilled(countsByDay, window);
                });
    }
}
