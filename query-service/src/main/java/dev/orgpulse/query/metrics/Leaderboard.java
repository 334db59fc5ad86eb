package dev.orgpulse.query.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.orgpulse.eventlog.PointRules;

/**
 * {@code GET /api/leaderboard}: each person's points, the counts of what they did times the point rules in force, so
 * a rule change applies to all history at once. Pure.
 */
public final class Leaderboard {

    /** The rule scored in minutes of Meet meetings; every other rule's event is a kind of feed item. */
    public static final String MEETING_MINUTE = "meeting_minute";

    /** The feed item kind each rule's event counts (docs/api.md, the kinds). */
    public static final Map<String, String> KIND_OF_EVENT = Map.of("pr_merged", "merged", "pr_opened", "opened",
            "review", "review", "review_comment", "review_comment", "comment", "comment", "commit", "commit",
            "issue_closed", "issue_closed");

    /** The stretch of time counted, each from its first UTC day to now. */
    public enum Period {
        /** This ISO week, from Monday. */
        WEEK,
        /** This calendar month. */
        MONTH,
        /** The rolling window's days ({@code ORGPULSE_WINDOW_DAYS}). */
        WINDOW,
        /** All history. */
        ALL;

        /** The first day the period counts. */
        public LocalDate firstDay(LocalDate today, LocalDate windowFirstDay) {
            return switch (this) {
                case WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> today.withDayOfMonth(1);
                case WINDOW -> windowFirstDay;
                case ALL -> LocalDate.EPOCH;
            };
        }

        /** {@code week}, {@code month}, {@code window} or {@code all}; none given is the window. */
        public static Optional<Period> of(String name) {
            if (name == null || name.isBlank()) {
                return Optional.of(WINDOW);
            }
            for (Period period : values()) {
                if (period.name().toLowerCase(Locale.ROOT).equals(name.strip())) {
                    return Optional.of(period);
                }
            }
            return Optional.empty();
        }
    }

    /** Who a login is, as shown. */
    public record Person(String login, String name, String avatar) {
    }

    /** One place of the board; {@code breakdown} gives the points of each event the person has any of. */
    public record Entry(int rank, String login, String name, String avatar, long points, Map<String, Long> breakdown) {
    }

    private Leaderboard() {
    }

    /**
     * The counts with each person's minutes in meetings added as {@link #MEETING_MINUTE}. Meet knows people by the
     * name it shows, GitHub by login: a name is credited to the person whose login it is, else to the one person whose
     * GitHub name it is (ignoring case); a name that is neither, or the name of several people, is credited to nobody.
     *
     * @param minutesByName minutes per name Meet showed
     */
    public static Map<String, Map<String, Long>> withMeetingMinutes(Map<String, Map<String, Long>> counts,
            Map<String, Long> minutesByName, Map<String, Person> people) {
        Map<String, Map<String, Long>> merged = new HashMap<>();
        counts.forEach((login, events) -> merged.put(login, new HashMap<>(events)));
        minutesByName.forEach((shown, minutes) -> loginShownAs(shown, people).ifPresent(login -> merged
                .computeIfAbsent(login, none -> new HashMap<>()).merge(MEETING_MINUTE, minutes, Long::sum)));
        return merged;
    }

    private static Optional<String> loginShownAs(String shown, Map<String, Person> people) {
        Optional<String> byLogin = people.keySet().stream().filter(login -> login.equalsIgnoreCase(shown)).findFirst();
        if (byLogin.isPresent()) {
            return byLogin;
        }
        List<String> byName = people.values().stream().filter(person -> shown.equalsIgnoreCase(person.name()))
                .map(Person::login).toList();
        return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
    }

    /**
     * @param counts per login, how many of each rule's event (minutes for {@link #MEETING_MINUTE})
     * @param people who the logins are; a login not among them is shown by itself
     * @return everyone with points, most first (then by login); the same points share a rank, the next rank counts
     *         everyone above it (1, 2, 2, 4)
     */
    public static List<Entry> of(List<PointRules.Rule> rules, Map<String, Map<String, Long>> counts,
            Map<String, Person> people) {
        List<Entry> unranked = new ArrayList<>();
        counts.forEach((login, events) -> {
            Map<String, Long> breakdown = new LinkedHashMap<>();
            long points = 0;
            for (PointRules.Rule rule : rules) {
                long count = events.getOrDefault(rule.event(), 0L);
                if (count > 0) {
                    breakdown.put(rule.event(), count * rule.points());
                    points += count * rule.points();
                }
            }
            if (points > 0) {
                Person person = people.getOrDefault(login, new Person(login, login, ""));
                unranked.add(new Entry(0, login, person.name(), person.avatar(), points, breakdown));
            }
        });
        unranked.sort(Comparator.comparingLong(Entry::points).reversed().thenComparing(Entry::login));
        List<Entry> ranked = new ArrayList<>(unranked.size());
        for (int place = 0; place < unranked.size(); place++) {
            Entry entry = unranked.get(place);
            int rank = place > 0 && ranked.get(place - 1).points() == entry.points() ? ranked.get(place - 1).rank()
                    : place + 1;
            ranked.add(new Entry(rank, entry.login(), entry.name(), entry.avatar(), entry.points(), entry.breakdown()));
        }
        return List.copyOf(ranked);
    }
}
