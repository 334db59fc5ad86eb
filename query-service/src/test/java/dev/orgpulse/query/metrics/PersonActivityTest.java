package dev.orgpulse.query.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.orgpulse.query.metrics.PersonActivity.CommitDay;
import dev.orgpulse.query.metrics.PersonActivity.Day;
import dev.orgpulse.query.metrics.PersonActivity.RepositoryDay;

class PersonActivityTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final LocalDate THURSDAY = MONDAY.plusDays(3);

    @Test
    void eachDaySaysItsRepositoriesAndLanguagesAndEachRepositoryAndLanguageItsDays() {
        PersonActivity activity = PersonActivity.of(90,
                List.of(new RepositoryDay(TUESDAY, "acme/web"), new RepositoryDay(MONDAY, "acme/api"),
                        new RepositoryDay(TUESDAY, "acme/api"), new RepositoryDay(THURSDAY, "acme/docs")),
                List.of(new CommitDay(TUESDAY, List.of("TypeScript")), new CommitDay(MONDAY, List.of("Java")),
                        new CommitDay(TUESDAY, List.of("CSS", "TypeScript")), new CommitDay(MONDAY, List.of("Java"))));

        assertEquals(1, activity.version());
        assertEquals(90, activity.windowDays());
        assertEquals(new TreeMap<>(Map.of(
                "2026-11-30", new Day(List.of("acme/api"), List.of("Java")),
                "2026-12-01", new Day(List.of("acme/api", "acme/web"), List.of("CSS", "TypeScript")),
                "2026-12-03", new Day(List.of("acme/docs"), List.of()))), activity.days());
        assertEquals(List.of("2026-11-30", "2026-12-01", "2026-12-03"), List.copyOf(activity.days().keySet()));
        assertEquals(new TreeMap<>(Map.of(
                "acme/api", List.of("2026-11-30", "2026-12-01"),
                "acme/docs", List.of("2026-12-03"),
                "acme/web", List.of("2026-12-01"))), activity.repoDays());
        assertEquals(new TreeMap<>(Map.of(
                "CSS", List.of("2026-12-01"),
                "Java", List.of("2026-11-30"),
                "TypeScript", List.of("2026-12-01"))), activity.languageDays());
    }

    @Test
    void aCommitDayWithoutAnActivityCountedStillShowsItsLanguages() {
        PersonActivity activity = PersonActivity.of(7, List.of(), List.of(new CommitDay(MONDAY, List.of("Go"))));

        assertEquals(Map.of("2026-11-30", new Day(List.of(), List.of("Go"))), activity.days());
        assertEquals(Map.of(), activity.repoDays());
        assertEquals(Map.of("Go", List.of("2026-11-30")), activity.languageDays());
    }

    @Test
    void nobodysActivityIsEmpty() {
        PersonActivity activity = PersonActivity.of(90, List.of(), List.of());

        assertEquals(Map.of(), activity.days());
        assertEquals(Map.of(), activity.repoDays());
        assertEquals(Map.of(), activity.languageDays());
    }
}
