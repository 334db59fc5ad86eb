package dev.orgpulse.query.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.orgpulse.eventlog.PointRules;
import dev.orgpulse.eventlog.PointRules.Rule;
import dev.orgpulse.query.metrics.Leaderboard.Entry;
import dev.orgpulse.query.metrics.Leaderboard.Period;
import dev.orgpulse.query.metrics.Leaderboard.Person;

class LeaderboardTest {

    /** ada: 3 reviews, 2 commits, a merged PR; linus: 1 review, 12 commits; grace: 2 comments. */
    private static final Map<String, Map<String, Long>> COUNTS = Map.of(
            "ada", Map.of("review", 3L, "commit", 2L, "pr_merged", 1L),
            "linus", Map.of("review", 1L, "commit", 12L),
            "grace", Map.of("comment", 2L));
    private static final Map<String, Person> PEOPLE = Map.of("ada", new Person("ada", "Ada Lovelace", "https://a/ada"),
            "grace", new Person("grace", "Grace Hopper", "https://a/grace"));

    @Test
    void pointsAreTheCountsTimesTheRulesWithABreakdownPerEvent() {
        List<Entry> board = Leaderboard.of(PointRules.DEFAULTS, COUNTS, PEOPLE);

        assertEquals(List.of(
                new Entry(1, "ada", "Ada Lovelace", "https://a/ada", 27, Map.of("pr_merged", 10L, "review", 15L,
                        "commit", 2L)),
                new Entry(2, "linus", "linus", "", 17, Map.of("review", 5L, "commit", 12L)),
                new Entry(3, "grace", "Grace Hopper", "https://a/grace", 2, Map.of("comment", 2L))), board);
        assertEquals(List.of("pr_merged", "review", "commit"), List.copyOf(board.get(0).breakdown().keySet()),
                "in the order the rules are listed");
    }

    @Test
    void aRuleChangeDoublingReviewDoublesPastReviewPoints() {
        List<Rule> doubled = PointRules.read("[{\"event\": \"review\", \"points\": 10}]".getBytes());

        Entry ada = Leaderboard.of(doubled, COUNTS, PEOPLE).get(0);

        assertEquals(30, ada.breakdown().get("review"));
        assertEquals(42, ada.points());
    }

    @Test
    void theSamePointsShareARankAndTheNextRankCountsEveryoneAbove() {
        Map<String, Map<String, Long>> counts = Map.of("a", Map.of("commit", 5L), "b", Map.of("commit", 3L),
                "c", Map.of("commit", 3L), "d", Map.of("commit", 1L), "zero", Map.of("meeting_minute", 40L));

        assertEquals(List.of("1 a 5", "2 b 3", "2 c 3", "4 d 1"), Leaderboard.of(PointRules.DEFAULTS, counts, Map.of())
                .stream().map(entry -> entry.rank() + " " + entry.login() + " " + entry.points()).toList(),
                "no points, not on the board (meeting minutes score 0 by default)");
    }

    @Test
    void meetingMinutesAreCreditedToThePersonWhoseLoginOrOnlyNameMeetShowed() {
        Map<String, Person> people = Map.of("ada", new Person("ada", "Ada Lovelace", ""),
                "grace1", new Person("grace1", "Grace", ""), "grace2", new Person("grace2", "Grace", ""));

        Map<String, Map<String, Long>> counts = Leaderboard.withMeetingMinutes(Map.of("ada", Map.of("commit", 1L)),
                Map.of("ada lovelace", 41L, "ADA", 4L, "Grace", 30L, "Stranger", 10L), people);

        assertEquals(Map.of("ada", Map.of("commit", 1L, "meeting_minute", 45L)), counts,
                "two people are named Grace: nobody is credited");
    }

    @Test
    void periodsStartOnMondayOnTheFirstOfTheMonthAtTheWindowOrNever() {
        LocalDate thursday = LocalDate.parse("2026-12-03");
        LocalDate windowStart = LocalDate.parse("2026-09-05");

        assertEquals(List.of(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-01"), windowStart, LocalDate.EPOCH),
                List.of(Period.WEEK.firstDay(thursday, windowStart), Period.MONTH.firstDay(thursday, windowStart),
                        Period.WINDOW.firstDay(thursday, windowStart), Period.ALL.firstDay(thursday, windowStart)));
        assertEquals(List.of(Optional.of(Period.WINDOW), Optional.of(Period.MONTH), Optional.empty()),
                List.of(Period.of(null), Period.of("month"), Period.of("year")));
    }
}
