package dev.orgpulse.projector.readmodel;

import static dev.orgpulse.projector.readmodel.ReadModelTable.column;
import static dev.orgpulse.projector.readmodel.ReadModelTable.Type.BIGINT;
import static dev.orgpulse.projector.readmodel.ReadModelTable.Type.BOOLEAN;
import static dev.orgpulse.projector.readmodel.ReadModelTable.Type.DATE;
import static dev.orgpulse.projector.readmodel.ReadModelTable.Type.INT;
import static dev.orgpulse.projector.readmodel.ReadModelTable.Type.TEXT;
import static dev.orgpulse.projector.readmodel.ReadModelTable.Type.TIMESTAMPTZ;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import dev.orgpulse.projector.fold.FeedEntry;
import dev.orgpulse.projector.fold.LogRecord;

/**
 * The feed's three tables. A fact new to {@code feed_fact} counts in its day's activity ({@code daily_activity})
 * and becomes a feed item ({@code feed_item}); a fact seen before has no second effect, even when its item has been
 * trimmed from the feed since. Which read models change is told by what was new (see {@link BatchTally}).
 */
final class FeedWrites {

    /** One count to add to a day's activity of a person in a repository. */
    record DailyActivity(LocalDate day, long repoId, String dev, boolean bot, int items) {

        static DailyActivity of(Item item) {
            FeedEntry entry = item.entry();
            return new DailyActivity(LocalDate.ofInstant(entry.occurredAt(), ZoneOffset.UTC), entry.repoId(),
                    entry.dev(), entry.bot(), 1);
        }

        DailyActivity plus(DailyActivity other) {
            return new DailyActivity(day, repoId, dev, bot, items + other.items);
        }
    }

    /**
     * A feed entry with the place of its record in the log, and its own place among that record's entries: the
     * position a stream client resumes from.
     */
    record Item(FeedEntry entry, int partition, long offset, int index) {

        /** The feed entries of a record, at its position. */
        static List<Item> of(LogRecord record, List<FeedEntry> entries) {
            return IntStream.range(0, entries.size())
                    .mapToObj(index -> new Item(entries.get(index), record.partition(), record.offset(), index))
                    .toList();
        }

        String naturalKey() {
            return entry.naturalKey();
        }
    }

    /** Every fact the feed was given, kept for good; the first of a batch is the one kept. */
    static final ReadModelTable<Item> FACTS = ReadModelTable.insertOnce("feed_fact", Item.class, Set.of(), 1,
            List.of(column("natural_key", TEXT, Item::naturalKey),
                    column("kind", TEXT, item -> item.entry().kind().wireName()),
                    column("occurred_at", TIMESTAMPTZ, item -> item.entry().occurredAt()),
                    column("dev", TEXT, item -> item.entry().dev()),
                    column("repo_id", BIGINT, item -> item.entry().repoId()),
                    column("is_bot", BOOLEAN, item -> item.entry().bot()),
                    column("is_activity", BOOLEAN, item -> item.entry().activity())));

    /** Counts add up, in a batch as across batches. */
    static final ReadModelTable<DailyActivity> ACTIVITY = ReadModelTable.ruled("daily_activity", DailyActivity.class,
            Set.of(), 4,
            List.of(column("day", DATE, DailyActivity::day), column("repo_id", BIGINT, DailyActivity::repoId),
                    column("dev", TEXT, DailyActivity::dev), column("is_bot", BOOLEAN, DailyActivity::bot),
                    column("items", INT, DailyActivity::items)),
            "DO UPDATE SET items = t.items + EXCLUDED.items", DailyActivity::plus);

    /** The feed, in log order, with its log positions; written with its ids returned for the change notice. */
    static final ReadModelTable<Item> ITEMS = ReadModelTable.insertOnce("feed_item", Item.class, Set.of(), 1,
            List.of(column("natural_key", TEXT, Item::naturalKey),
                    column("occurred_at", TIMESTAMPTZ, item -> item.entry().occurredAt()),
                    column("kind", TEXT, item -> item.entry().kind().wireName()),
                    column("dev", TEXT, item -> item.entry().dev()),
                    column("repo_id", BIGINT, item -> item.entry().repoId()),
                    column("repo", TEXT, item -> item.entry().repo()),
                    column("message", TEXT, item -> item.entry().message()),
                    column("is_bot", BOOLEAN, item -> item.entry().bot()),
                    column("is_activity", BOOLEAN, item -> item.entry().activity()),
                    column("log_partition", INT, Item::partition), column("log_offset", BIGINT, Item::offset),
                    column("log_index", INT, Item::index)));

    static final String RETURNING_ITEM_IDS = "t.natural_key, t.id";

    private FeedWrites() {
    }

    /** The items whose fact was new, in log order, given the natural keys {@code feed_fact} took. */
    static List<Item> newFacts(List<Item> firstOfEachFact, List<String> inserted) {
        Set<String> isNew = new HashSet<>(inserted);
        return firstOfEachFact.stream().filter(item -> isNew.contains(item.naturalKey())).toList();
    }
}
