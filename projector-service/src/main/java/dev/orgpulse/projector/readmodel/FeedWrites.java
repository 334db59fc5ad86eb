package dev.orgpulse.projector.readmodel;

import static dev.orgpulse.projector.readmodel.ReadModelTable.column;
import static dev.orgpulse.projector.readmodel.ReadModelTable.Type.BIGINT;
import static dev.orgpulse.projector.readmodel.ReadModelTable.Type.BOOLEAN;
import static dev.orgpulse.projector.readmodel.ReadModelTable.Type.DATE;
import static dev.orgpulse.projector.readmodel.ReadModelTable.Type.INT;
import static dev.orgpulse.projector.readmodel.ReadModelTable.Type.TEXT;
import static dev.orgpulse.projector.readmodel.ReadModelTable.Type.TIMESTAMPTZ;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.IntStream;

import dev.orgpulse.eventlog.ReadModel;
import dev.orgpulse.projector.fold.FeedEntry;
import dev.orgpulse.projector.fold.FeedKind;
import dev.orgpulse.projector.fold.LogRecord;

/**
 * The feed's tables. A fact new to {@code feed_fact} counts in the totals ({@code daily_activity},
 * {@code last_active}, {@code hourly_commits}) and becomes a feed item ({@code feed_item}); a fact seen before has no
 * second effect, even when its item has been trimmed from the feed since. Which read models change is told by what
 * was new (see {@link BatchTally}).
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

    /** One count to add to a day's activities of one kind by a person: what the leaderboard scores. */
    record DailyKindActivity(LocalDate day, String dev, String kind, boolean bot, int items) {

        static DailyKindActivity of(FeedEntry entry) {
            return new DailyKindActivity(LocalDate.ofInstant(entry.occurredAt(), ZoneOffset.UTC), entry.dev(),
                    entry.kind().wireName(), entry.bot(), 1);
        }

        DailyKindActivity plus(DailyKindActivity other) {
            return new DailyKindActivity(day, dev, kind, bot, items + other.items);
        }
    }

    /** When a person was first active (an activity fact): since when the organisation knows them. */
    record FirstActive(String dev, boolean bot, Instant at) {

        static FirstActive of(FeedEntry entry) {
            return new FirstActive(entry.dev(), entry.bot(), entry.occurredAt());
        }

        FirstActive earlier(FirstActive other) {
            return other.at.isBefore(at) ? other : this;
        }
    }

    /** When a repository or a person was last active (an activity fact), by people or by bots. */
    record LastActive(String subjectKind, String subject, boolean bot, Instant at) {

        static final String REPOSITORY = "repo";
        static final String PERSON = "dev";

        static Stream<LastActive> of(FeedEntry entry) {
            return Stream.of(new LastActive(REPOSITORY, Long.toString(entry.repoId()), entry.bot(), entry.occurredAt()),
                    new LastActive(PERSON, entry.dev(), entry.bot(), entry.occurredAt()));
        }

        LastActive later(LastActive other) {
            return other.at.isAfter(at) ? other : this;
        }
    }

    /** One commit to add to its hour's count. */
    record HourlyCommits(Instant hour, boolean bot, int commits) {

        static Stream<HourlyCommits> of(FeedEntry entry) {
            return entry.kind() == FeedKind.COMMIT
                    ? Stream.of(new HourlyCommits(entry.occurredAt().truncatedTo(ChronoUnit.HOURS), entry.bot(), 1))
                    : Stream.empty();
        }

        HourlyCommits plus(HourlyCommits other) {
            return new HourlyCommits(hour, bot, commits + other.commits);
        }
    }

    /** A table of totals that the activity facts new to {@code feed_fact} add to. */
    record Totals<T>(ReadModelTable<T> table, Function<FeedEntry, Stream<T>> rows) {

        List<T> of(List<Item> newFacts) {
            return newFacts.stream().map(Item::entry).filter(FeedEntry::activity).flatMap(rows).toList();
        }

        ReadModelTable.Prepared<T> prepared(List<Item> newFacts) {
            return table.prepared(of(newFacts));
        }
    }

    /**
     * A batch's feed entries as its transaction writes them, prepared without a connection: the first item of each
     * fact (in log order) and their {@code feed_fact} arrays (in natural key order), and what they add when every fact
     * is new to {@code feed_fact}, as it is unless the log tells a fact twice.
     */
    record Batch(List<Item> facts, List<Object> factArrays, NewFacts ifAllNew) {

        /** @param items the feed entries of the batch's new deliveries, in log order */
        static Batch of(List<Item> items) {
            List<Item> facts = FACTS.mergedInBatch(items);
            List<Item> sorted = new ArrayList<>(facts);
            sorted.sort(Comparator.comparing(Item::naturalKey));
            return new Batch(facts, FACTS.arrays(sorted), NewFacts.of(facts));
        }

        /** What the facts {@code feed_fact} took add, given the natural keys it returned. */
        NewFacts newFacts(List<String> inserted) {
            List<Item> fresh = FeedWrites.newFacts(facts, inserted);
            return fresh.size() == facts.size() ? ifAllNew : NewFacts.of(fresh);
        }
    }

    /**
     * The facts new to {@code feed_fact}: the rows they add to each table of totals that has any, and the feed items
     * they become (in log order, so that the ids grow with it; {@code itemArrays} is {@code null} without any).
     */
    record NewFacts(List<Item> items, List<ReadModelTable.Prepared<?>> totals, List<Object> itemArrays) {

        static NewFacts of(List<Item> items) {
            List<ReadModelTable.Prepared<?>> totals = new ArrayList<>();
            for (Totals<?> table : TOTALS) {
                ReadModelTable.Prepared<?> rows = table.prepared(items);
                if (!rows.rows().isEmpty()) {
                    totals.add(rows);
                }
            }
            return new NewFacts(items, totals, items.isEmpty() ? null : ITEMS.arrays(items));
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
            Set.of(ReadModel.HEATMAP), 4,
            List.of(column("day", DATE, DailyActivity::day), column("repo_id", BIGINT, DailyActivity::repoId),
                    column("dev", TEXT, DailyActivity::dev), column("is_bot", BOOLEAN, DailyActivity::bot),
                    column("items", INT, DailyActivity::items)),
            "DO UPDATE SET items = t.items + EXCLUDED.items", DailyActivity::plus);

    /**
     * What {@code /api/stats} counts, kept up to date so that its cost per change notice does not grow with the
     * window: active repositories and people are those last active since the window's start, commits are summed by
     * hour.
     */
    static final ReadModelTable<LastActive> LAST_ACTIVE = ReadModelTable.ruled("last_active", LastActive.class,
            Set.of(ReadModel.STATS), 3,
            List.of(column("subject_kind", TEXT, LastActive::subjectKind), column("subject", TEXT, LastActive::subject),
                    column("is_bot", BOOLEAN, LastActive::bot), column("at", TIMESTAMPTZ, LastActive::at)),
            "DO UPDATE SET at = EXCLUDED.at WHERE EXCLUDED.at > t.at", LastActive::later);

    static final ReadModelTable<HourlyCommits> HOURLY_COMMITS = ReadModelTable.ruled("hourly_commits",
            HourlyCommits.class, Set.of(ReadModel.STATS), 2,
            List.of(column("hour", TIMESTAMPTZ, HourlyCommits::hour), column("is_bot", BOOLEAN, HourlyCommits::bot),
                    column("commits", INT, HourlyCommits::commits)),
            "DO UPDATE SET commits = t.commits + EXCLUDED.commits", HourlyCommits::plus);

    /**
     * The leaderboard multiplies these counts by the point rules in force when it is read, so a rule change applies to
     * all history at once. A new count is a change of the heatmap's read model (its days, counted by kind).
     */
    static final ReadModelTable<DailyKindActivity> KIND_ACTIVITY = ReadModelTable.ruled("daily_kind_activity",
            DailyKindActivity.class, Set.of(ReadModel.HEATMAP), 4,
            List.of(column("day", DATE, DailyKindActivity::day), column("dev", TEXT, DailyKindActivity::dev),
                    column("kind", TEXT, DailyKindActivity::kind), column("is_bot", BOOLEAN, DailyKindActivity::bot),
                    column("items", INT, DailyKindActivity::items)),
            "DO UPDATE SET items = t.items + EXCLUDED.items", DailyKindActivity::plus);

    /** {@code /api/members}' {@code member_since} of people no membership event names. */
    static final ReadModelTable<FirstActive> FIRST_ACTIVE = ReadModelTable.ruled("first_active", FirstActive.class,
            Set.of(ReadModel.CONTRIBUTORS), 2,
            List.of(column("dev", TEXT, FirstActive::dev), column("is_bot", BOOLEAN, FirstActive::bot),
                    column("at", TIMESTAMPTZ, FirstActive::at)),
            "DO UPDATE SET at = EXCLUDED.at WHERE EXCLUDED.at < t.at", FirstActive::earlier);

    /** The totals of activity facts: the heatmap's days, the top-line stats, the leaderboard's counts. */
    static final List<Totals<?>> TOTALS = List.of(new Totals<>(ACTIVITY, entry -> Stream.of(DailyActivity.of(entry))),
            new Totals<>(LAST_ACTIVE, LastActive::of), new Totals<>(HOURLY_COMMITS, HourlyCommits::of),
            new Totals<>(KIND_ACTIVITY, entry -> Stream.of(DailyKindActivity.of(entry))),
            new Totals<>(FIRST_ACTIVE, entry -> Stream.of(FirstActive.of(entry))));

    /**
     * The feed, in log order, with its log positions; written with its ids returned for the change notice. An item is
     * written only for a fact {@code feed_fact} took in the same transaction, so it is new: its natural key needs no
     * conflict rule, nor an index of its own.
     */
    static final ReadModelTable<Item> ITEMS = ReadModelTable.appended("feed_item", Item.class,
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
