package dev.orgpulse.projector.readmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orgpulse.projector.fold.FeedEntry;
import dev.orgpulse.projector.fold.FeedKind;
import dev.orgpulse.projector.readmodel.FeedWrites.DailyKindActivity;
import dev.orgpulse.projector.readmodel.FeedWrites.FirstActive;
import dev.orgpulse.projector.readmodel.FeedWrites.HourlyCommits;
import dev.orgpulse.projector.readmodel.FeedWrites.LastActive;

/** What the new activity facts of a batch add to the totals {@code /api/stats} reads. */
class FeedTotalsTest {

    private static final Instant NINE = Instant.parse("2026-11-30T09:10:00Z");
    private static final Instant NINE_LATER = Instant.parse("2026-11-30T09:50:00Z");
    private static final Instant TEN = Instant.parse("2026-11-30T10:05:00Z");

    @Test
    void commitsAreCountedPerHourByPeopleAndBotsApart() {
        List<FeedEntry> facts = List.of(entry("c1", FeedKind.COMMIT, "ada", NINE, false),
                entry("c2", FeedKind.COMMIT, "ada", NINE_LATER, false), entry("c3", FeedKind.COMMIT, "bot", NINE, true),
                entry("c4", FeedKind.COMMIT, "ada", TEN, false), entry("r1", FeedKind.REVIEW, "ada", NINE, false));
        FeedWrites.Totals<HourlyCommits> hourly = totals(FeedWrites.HOURLY_COMMITS);

        assertEquals(List.of(new HourlyCommits(Instant.parse("2026-11-30T09:00:00Z"), false, 2),
                new HourlyCommits(Instant.parse("2026-11-30T09:00:00Z"), true, 1),
                new HourlyCommits(Instant.parse("2026-11-30T10:00:00Z"), false, 1)),
                FeedWrites.HOURLY_COMMITS.mergedInBatch(hourly.of(items(facts))));
    }

    @Test
    void aRepositoryAndAPersonAreLastActiveAtTheirLatestActivityInEitherOrder() {
        FeedEntry early = entry("r1", FeedKind.REVIEW, "ada", NINE, false);
        FeedEntry late = entry("c1", FeedKind.COMMIT, "ada", TEN, false);
        List<LastActive> expected = List.of(new LastActive("repo", "7", false, TEN),
                new LastActive("dev", "ada", false, TEN));
        FeedWrites.Totals<LastActive> lastActive = totals(FeedWrites.LAST_ACTIVE);

        assertEquals(expected, FeedWrites.LAST_ACTIVE.mergedInBatch(lastActive.of(items(List.of(early, late)))));
        assertEquals(expected, FeedWrites.LAST_ACTIVE.mergedInBatch(lastActive.of(items(List.of(late, early)))));
    }

    @Test
    void theLeaderboardsCountsAreKeptPerDayPersonAndKindAndAPersonIsFirstActiveAtTheirEarliestActivity() {
        FeedEntry late = entry("c1", FeedKind.COMMIT, "ada", TEN, false);
        List<FeedEntry> facts = List.of(late, entry("c2", FeedKind.COMMIT, "ada", NINE, false),
                entry("r1", FeedKind.REVIEW, "ada", NINE_LATER, false),
                entry("c3", FeedKind.COMMIT, "ada", Instant.parse("2026-12-01T00:00:00Z"), false));
        LocalDate day = LocalDate.parse("2026-11-30");

        assertEquals(List.of(new DailyKindActivity(day, "ada", "commit", false, 2),
                new DailyKindActivity(day, "ada", "review", false, 1),
                new DailyKindActivity(day.plusDays(1), "ada", "commit", false, 1)),
                FeedWrites.KIND_ACTIVITY.mergedInBatch(totals(FeedWrites.KIND_ACTIVITY).of(items(facts))));
        assertEquals(List.of(new FirstActive("ada", false, NINE)),
                FeedWrites.FIRST_ACTIVE.mergedInBatch(totals(FeedWrites.FIRST_ACTIVE).of(items(facts))));
    }

    @Test
    void factsThatAreNotActivitiesCountNowhere() {
        FeedEntry failedRun = entry("ci", FeedKind.CI_FAILED, "ada", NINE, false);

        FeedWrites.TOTALS.forEach(totals -> assertEquals(List.of(), totals.of(items(List.of(failedRun))), totals.table().name()));
    }

    @SuppressWarnings("unchecked")
    private static <T> FeedWrites.Totals<T> totals(ReadModelTable<T> table) {
        return (FeedWrites.Totals<T>) FeedWrites.TOTALS.stream().filter(totals -> totals.table() == table).findFirst()
                .orElseThrow();
    }

    private static List<FeedWrites.Item> items(List<FeedEntry> entries) {
        return entries.stream().map(entry -> new FeedWrites.Item(entry, 0, 0, 0)).toList();
    }

    private static FeedEntry entry(String key, FeedKind kind, String dev, Instant at, boolean bot) {
        return new FeedEntry(key, at, kind, dev, 7, "acme/api", "message", bot);
    }
}
