package dev.orgpulse.query.readmodel;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.eventlog.FeedItem;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The activity feed: the newest items of the window, and items by id for the live stream. */
@ApplicationScoped
public class FeedReadModel {

    private static final String SELECT_ITEMS = "SELECT id, " + Rows.epochSeconds("occurred_at")
            + " AS ts, kind, dev, repo, message FROM feed_item ";

    private final Pool pool;
    private final ReadWindows windows;

    public FeedReadModel(Pool pool, ReadWindows windows) {
        this.pool = pool;
        this.windows = windows;
    }

    /** The newest {@code limit} items of the window, newest first. */
    @CacheResult(cacheName = ReadModelCaches.FEED)
    public Uni<List<FeedItem>> recent(int limit) {
        ReadWindow window = windows.current();
        return pool.preparedQuery(SELECT_ITEMS + "WHERE " + Rows.IN_WINDOW + " ORDER BY occurred_at DESC, id DESC LIMIT $3")
                .execute(Tuple.of(window.since(), window.includeBots(), limit))
                .map(rows -> Rows.map(rows, FeedReadModel::item));
    }

    /** What a reconnecting stream client missed: items after the id it last saw, oldest first, at most {@code limit}. */
    public Uni<List<FeedItem>> after(long lastSeenId, int limit) {
        return pool.preparedQuery(SELECT_ITEMS + "WHERE id > $1 AND ($2 OR NOT is_bot) ORDER BY id LIMIT $3")
                .execute(Tuple.of(lastSeenId, windows.includeBots(), limit))
                .map(rows -> Rows.map(rows, FeedReadModel::item));
    }

    /** Of the given items, those the stream shows (bots only when included), in id order. */
    public Uni<List<FeedItem>> shown(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery(SELECT_ITEMS + "WHERE id = ANY($1) AND ($2 OR NOT is_bot) ORDER BY id")
                .execute(Tuple.of(ids.toArray(Long[]::new), windows.includeBots()))
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
