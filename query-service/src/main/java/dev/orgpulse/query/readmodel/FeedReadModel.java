package dev.orgpulse.query.readmodel;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.eventlog.FeedItem;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The feed: the newest items of the window (every kind, activities or not), and for the live stream the items by their
 * position in the log. Only items of the window are ever shown, also to a stream resuming from an old position.
 */
@ApplicationScoped
public class FeedReadModel {

    private static final String SELECT_ITEMS = "SELECT f.id, " + Rows.epochSeconds("f.occurred_at")
            + " AS ts, f.kind, f.dev, " + Rows.REPO_NAME + " AS repo, f.message FROM " + Rows.FEED_ITEMS + " ";

    /** The partitions the feed has items of: 0 to the highest (items from before positions were kept have none). */
    private static final String PARTITIONS = "generate_series(0, (SELECT coalesce(max(log_partition), -1) FROM feed_item))"
            + " AS p(partition_id)";

    /**
     * The items of each bound {@code b} (a partition, a position from which, and one before which or null for no end),
     * in position order; {@code $1} and {@code $2} are the window's, the last parameter the limit (null for none).
     */
    private static String itemsWithin(String bounds, String limit) {
        return "SELECT i.* FROM " + bounds + " CROSS JOIN LATERAL (SELECT f.id, " + Rows.epochSeconds("f.occurred_at")
                + " AS ts, f.kind, f.dev, " + Rows.REPO_NAME + " AS repo, f.message, f.log_partition, f.log_offset,"
                + " f.log_index FROM " + Rows.FEED_ITEMS + " WHERE f.log_partition = b.partition_id"
                + " AND (f.log_offset, f.log_index) >= (b.from_offset, b.from_index)"
                + " AND (b.to_offset IS NULL OR (f.log_offset, f.log_index) < (b.to_offset, b.to_index))"
                + " AND " + Rows.IN_WINDOW + " ORDER BY f.log_offset, f.log_index LIMIT " + limit + ") i"
                + " ORDER BY i.log_partition, i.log_offset, i.log_index LIMIT " + limit;
    }

    private static final String ITEMS_AFTER = itemsWithin("(SELECT p.partition_id, coalesce(c.next_offset, 0) AS from_offset,"
            + " coalesce(c.next_index, 0) AS from_index, NULL::bigint AS to_offset, NULL::int AS to_index FROM " + PARTITIONS
            + " LEFT JOIN unnest($3::int[], $4::bigint[], $5::int[]) AS c(partition_id, next_offset, next_index)"
            + " USING (partition_id)) b", "$6::int");

    private static final String ITEMS_WITHIN = itemsWithin("unnest($3::int[], $4::bigint[], $5::int[], $6::bigint[],"
            + " $7::int[]) AS b(partition_id, from_offset, from_index, to_offset, to_index)", "$8::int");

    private static final String END = "SELECT p.partition_id, last.log_offset, last.log_index FROM " + PARTITIONS
            + " CROSS JOIN LATERAL (SELECT log_offset, log_index FROM feed_item WHERE log_partition = p.partition_id"
            + " ORDER BY log_offset DESC, log_index DESC LIMIT 1) last";

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

    /**
     * What a stream client has not been sent yet: the items of every partition at or after the position it has
     * reached there (from the start of a partition it has no position in), in position order, at most {@code limit}.
     */
    public Uni<List<FeedItemAt>> after(Map<Integer, FeedPosition> reached, int limit) {
        ReadWindow window = windows.current();
        List<Integer> partitions = List.copyOf(reached.keySet());
        return pool.preparedQuery(ITEMS_AFTER).execute(Tuple.from(Arrays.asList(window.since(), window.includeBots(),
                        partitions.toArray(Integer[]::new),
                        partitions.stream().map(partition -> reached.get(partition).offset()).toArray(Long[]::new),
                        partitions.stream().map(partition -> reached.get(partition).index()).toArray(Integer[]::new),
                        limit)))
                .map(rows -> Rows.map(rows, FeedReadModel::itemAt));
    }

    /** The items in the given ranges, in position order: all of them, or at most {@code limit} when one is given. */
    public Uni<List<FeedItemAt>> within(List<FeedRange> ranges, OptionalInt limit) {
        if (ranges.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        ReadWindow window = windows.current();
        return pool.preparedQuery(ITEMS_WITHIN).execute(Tuple.from(Arrays.asList(window.since(), window.includeBots(),
                        ranges.stream().map(FeedRange::partition).toArray(Integer[]::new),
                        ranges.stream().map(range -> range.from().offset()).toArray(Long[]::new),
                        ranges.stream().map(range -> range.from().index()).toArray(Integer[]::new),
                        ranges.stream().map(range -> range.to().offset()).toArray(Long[]::new),
                        ranges.stream().map(range -> range.to().index()).toArray(Integer[]::new),
                        limit.isPresent() ? limit.getAsInt() : null)))
                .map(rows -> Rows.map(rows, FeedReadModel::itemAt));
    }

    /**
     * Where the feed ends now, per partition: the position after its last item (a partition with none is not named).
     * Every item committed later lies beyond it, since a partition's items are committed in position order.
     */
    public Uni<Map<Integer, FeedPosition>> end() {
        return pool.query(END).execute().map(rows -> {
            Map<Integer, FeedPosition> end = new HashMap<>();
            rows.forEach(row -> end.put(row.getInteger("partition_id"),
                    new FeedPosition(row.getLong("log_offset"), row.getInteger("log_index")).following()));
            return end;
        });
    }

    private static FeedItemAt itemAt(Row row) {
        return new FeedItemAt(item(row), row.getInteger("log_partition"),
                new FeedPosition(row.getLong("log_offset"), row.getInteger("log_index")));
    }

    private static FeedItem item(Row row) {
        return new FeedItem(row.getLong("id"), row.getLong("ts"), row.getString("kind"), row.getString("dev"),
                row.getString("repo"), row.getString("message"));
    }
}
