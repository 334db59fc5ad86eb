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

import dev.orgpulse.projector.fold.FeedEntry;

/**
 * The feed's three tables. A fact new to {@code feed_fact} counts in its day's activity ({@code daily_activity})
 * and becomes a feed item ({@code feed_item}); a fact seen before has no second effect, even when its item has been
 * trimmed from the feed since. Which read models change is told by what was new (see {@link BatchTally}).
 */
final class FeedWrites {

    /** One count to add to a day's activity of a person in a repository. */
    record DailyActivity(LocalDate day, long repoId, String dev, boolean bot, int items) {

        static DailyActivity of(FeedEntry entry) {
            return new DailyActivity(LocalDate.ofInstant(entry.occurredAt(), ZoneOffset.UTC), entry.repoId(),
                    entry.dev(), entry.bot(), 1);
        }

        DailyActivity plus(DailyActivity other) {
            return new DailyActivity(day, repoId, dev, bot, items + other.items);
        }
    }

    /** Every fact the feed was given, kept for good; the first of a batch is the one kept. */
    static final ReadModelTable<FeedEntry> FACTS = ReadModelTable.insertOnce("feed_fact", FeedEntry.class, Set.of(), 1,
            List.of(column("natural_key", TEXT, FeedEntry::naturalKey),
                    column("kind", TEXT, entry -> entry.kind().wireName()),
                    column("occurred_at", TIMESTAMPTZ, FeedEntry::occurredAt), column("dev", TEXT, FeedEntry::dev),
                    column("repo_id", BIGINT, FeedEntry::repoId), column("is_bot", BOOLEAN, FeedEntry::bot),
                    column("is_activity", BOOLEAN, FeedEntry::activity)));

    /** Counts add up, in a batch as across batches. */
    static final ReadModelTable<DailyActivity> ACTIVITY = ReadModelTable.ruled("daily_activity", DailyActivity.class,
            Set.of(), 4,
            List.of(column("day", DATE, DailyActivity::day), column("repo_id", BIGINT, DailyActivity::repoId),
                    column("dev", TEXT, DailyActivity::dev), column("is_bot", BOOLEAN, DailyActivity::bot),
                    column("items", INT, DailyActivity::items)),
            "DO UPDATE SET items = t.items + EXCLUDED.items", DailyActivity::plus);

    /** The feed, in log order (ids grow with it); written with its ids returned for the change notice. */
    static final ReadModelTable<FeedEntry> ITEMS = ReadModelTable.insertOnce("feed_item", FeedEntry.class, Set.of(), 1,
            List.of(column("natural_key", TEXT, FeedEntry::naturalKey),
                    column("occurred_at", TIMESTAMPTZ, FeedEntry::occurredAt),
                    column("kind", TEXT, entry -> entry.kind().wireName()), column("dev", TEXT, FeedEntry::dev),
                    column("repo_id", BIGINT, FeedEntry::repoId), column("repo", TEXT, FeedEntry::repo),
                    column("message", TEXT, FeedEntry::message), column("is_bot", BOOLEAN, FeedEntry::bot),
                    column("is_activity", BOOLEAN, FeedEntry::activity)));

    static final String RETURNING_ITEM_IDS = "t.natural_key, t.id";

    private FeedWrites() {
    }

    /** The entries whose fact was new, in log order, given the natural keys {@code feed_fact} took. */
    static List<FeedEntry> newFacts(List<FeedEntry> firstOfEachFact, List<String> inserted) {
        Set<String> isNew = new HashSet<>(inserted);
        return firstOfEachFact.stream().filter(entry -> isNew.contains(entry.naturalKey())).toList();
    }
}
