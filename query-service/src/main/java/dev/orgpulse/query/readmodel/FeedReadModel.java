package dev.orgpulse.query.readmodel;

import java.util.Collection;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.eventlog.FeedItem;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The feed: the newest items of the window (every kind, activities or not), and items by id for the live stream.
 * Only items of the window are ever shown, also to a stream resuming from an old id after a rebuild.
 */
@ApplicationScoped
public class FeedReadModel {

    private static final String SELECT_ITEMS = "SELECT f.id, " + Rows.epochSeconds("f.occurred_at")
            + " AS ts, f.kind, f.dev, " + Rows.REPO_NAME + " AS repo, f.message FROM " + Rows.FEED_ITEMS + " ";

    private final Pool pool;
    private final ReadWindows windows;

    public FeedReadModel(Pool pool, ReadWindows windows) {
        this.pool = pool;
        this.windows = windows;
    }

    /**
     * The newest {@code limit} items of the window, newest first: of one person or repository when asked, and of the
     * given kinds ({@code commit}, {@code opened}, ...) when any are named (a kind no item has matches nothing).
     *
     * @param kinds sorted and without repeats, so that one choice is one cache entry; empty for every kind
     */
    @CacheResult(cacheName = ReadModelCaches.FEED)
    public Uni<List<FeedItem>> recent(int limit, Filter filter, List<String> kinds) {
        ReadWindow window = windows.current();
        return pool.preparedQuery(SELECT_ITEMS + "WHERE " + Rows.IN_WINDOW + " AND " + Rows.DEV_AND_REPO_FILTER
                        + " AND (cardinality($6::text[]) = 0 OR f.kind = ANY($6))"
                        + " ORDER BY f.occurred_at DESC, f.id DESC LIMIT $5")
                .execute(Tuple.from(Arrays.asList(window.since(), window.includeBots(), filter.dev().orElse(null),
                        filter.repo().orElse(null), limit, kinds.toArray(String[]::new))))
                .map(rows -> Rows.map(rows, FeedReadModel::item));
    }

    /** What a reconnecting stream client missed: items after the id it last saw, oldest first, at most {@code limit}. */
    public Uni<List<FeedItem>> after(long lastSeenId, int limit) {
        ReadWindow window = windows.current();
        return pool.preparedQuery(SELECT_ITEMS + "WHERE " + Rows.IN_WINDOW + " AND f.id > $3 ORDER BY f.id LIMIT $4")
                .execute(Tuple.of(window.since(), window.includeBots(), lastSeenId, limit))
                .map(rows -> Rows.map(rows, FeedReadModel::item));
    }

    /** Of the given items, those the stream shows (bots only when included), in id order. */
    public Uni<List<FeedItem>> shown(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        ReadWindow window = windows.current();
        return pool.preparedQuery(SELECT_ITEMS + "WHERE " + Rows.IN_WINDOW + " AND f.id = ANY($3) ORDER BY f.id")
                .execute(Tuple.of(window.since(), window.includeBots(), ids.toArray(Long[]::new)))
                .map(rows -> Rows.map(rows, FeedReadModel::item));
    }

    /** The highest feed id written so far (0 for an empty feed): where a client that saw everything stands. */
    public Uni<Long> highestId() {
        return pool.query("SELECT coalesce(max(id), 0) AS highest FROM feed_item").execute()
                .map(rows -> rows.iterator().next().getLong("highest"));
    }

    private static FeedItem item(Row row) {
        return new FeedItem(row.getLong("id"), row.getLong("ts"), row.getString("kind"), row.getString("dev"),
                row.getString("repo"), row.getString("message"));
    }
}
