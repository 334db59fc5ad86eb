package dev.orgpulse.query.readmodel;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.query.metrics.ReviewerLoad;
import dev.orgpulse.query.metrics.Spotlights;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Hot streaks (from the daily activity counts), fastest reviewers (from the pull requests' reviews) and top commenters
 * (from the feed) of the window, bots left out unless included; cached until a change notice names the heatmap, the
 * feed or the pull requests.
 */
@ApplicationScoped
public class SpotlightsReadModel {

    private static final String ACTIVE_DAYS = """
            SELECT a.dev, array_agg(DISTINCT a.day ORDER BY a.day) AS days FROM daily_activity a
            WHERE a.day >= $1 AND ($2 OR NOT a.is_bot) AND a.items > 0 GROUP BY a.dev""";

    private static final String COMMENTERS = """
            SELECT f.dev, count(*) AS comments FROM feed_item f
            WHERE %s AND f.kind IN ('comment', 'review_comment')
            GROUP BY f.dev ORDER BY comments DESC, f.dev LIMIT %d""".formatted(Rows.IN_WINDOW, Spotlights.SHOWN);

    private final Pool pool;
    private final ReadWindows windows;
    private final PullRequestFactsQuery pullRequests;

    public SpotlightsReadModel(Pool pool, ReadWindows windows, PullRequestFactsQuery pullRequests) {
        this.pool = pool;
        this.windows = windows;
        this.pullRequests = pullRequests;
    }

    @CacheResult(cacheName = ReadModelCaches.SPOTLIGHTS)
    public Uni<Spotlights> current() {
        ReadWindow window = windows.current();
        Uni<Map<String, List<LocalDate>>> activeDays = pool.preparedQuery(ACTIVE_DAYS)
                .execute(Tuple.of(window.firstDay(), window.includeBots()))
                .map(rows -> {
                    Map<String, List<LocalDate>> days = new LinkedHashMap<>();
                    rows.forEach(row -> days.put(row.getString("dev"),
                            Arrays.asList(row.getArrayOfLocalDates("days"))));
                    return days;
                });
        Uni<List<ReviewerLoad>> loads = pullRequests
                .openOrActiveSince(window.since().toInstant(), Optional.empty(), window.includeBots())
                .map(prs -> ReviewerLoad.of(prs, window.since().toInstant()));
        Uni<List<Spotlights.TopCommenter>> commenters = pool.preparedQuery(COMMENTERS)
                .execute(Tuple.of(window.since(), window.includeBots()))
                .map(rows -> Rows.map(rows, SpotlightsReadModel::commenter));
        return Uni.combine().all().unis(activeDays, loads, commenters)
                .with((days, reviewers, top) -> Spotlights.of(days, window.today(), reviewers, top));
    }

    private static Spotlights.TopCommenter commenter(Row row) {
        return new Spotlights.TopCommenter(row.getString("dev"), row.getLong("comments"));
    }
}
