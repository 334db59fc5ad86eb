package dev.orgpulse.query.readmodel;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.eventlog.PointRules;
import dev.orgpulse.query.api.AttendanceWeek;
import dev.orgpulse.query.metrics.Leaderboard;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The leaderboard of a period: activities per person and kind from the daily counts, minutes in meetings when the rules
 * give them points, times the rules in force; bots left out unless included. Cached until a change notice names the
 * heatmap (new counts), the contributors (names), the meetings or the point rules.
 */
@ApplicationScoped
public class LeaderboardReadModel {

    private static final String COUNTS = """
            SELECT a.dev, a.kind, sum(a.items) AS items FROM daily_kind_activity a
            WHERE a.day >= $1 AND ($2 OR NOT a.is_bot) AND a.kind = ANY($3) GROUP BY a.dev, a.kind""";

    /** The people counted, and those whose login or name a meeting participant showed. */
    private static final String PEOPLE = """
            SELECT login, coalesce(nullif(name, ''), login) AS name, coalesce(avatar_url, '') AS avatar FROM person
            WHERE login = ANY($1) OR lower(login) = ANY($2) OR lower(name) = ANY($2)""";

    private static final String[] KINDS = Set.copyOf(Leaderboard.KIND_OF_EVENT.values()).toArray(String[]::new);
    private static final Map<String, String> EVENT_OF_KIND = Leaderboard.KIND_OF_EVENT.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));

    private final Pool pool;
    private final ReadWindows windows;
    private final PointRulesReadModel rules;
    private final MeetingsReadModel meetings;

    public LeaderboardReadModel(Pool pool, ReadWindows windows, PointRulesReadModel rules,
            MeetingsReadModel meetings) {
        this.pool = pool;
        this.windows = windows;
        this.rules = rules;
        this.meetings = meetings;
    }

    @CacheResult(cacheName = ReadModelCaches.LEADERBOARD)
    public Uni<List<Leaderboard.Entry>> of(Leaderboard.Period period) {
        ReadWindow window = windows.current();
        LocalDate firstDay = period.firstDay(window.today(), window.firstDay());
        return rules.current().chain(inForce -> {
            Uni<Map<String, Map<String, Long>>> counts = pool.preparedQuery(COUNTS)
                    .execute(Tuple.of(firstDay, window.includeBots(), KINDS))
                    .map(rows -> {
                        Map<String, Map<String, Long>> byLogin = new HashMap<>();
                        rows.forEach(row -> byLogin.computeIfAbsent(row.getString("dev"), login -> new HashMap<>())
                                .put(EVENT_OF_KIND.get(row.getString("kind")), row.getLong("items")));
                        return byLogin;
                    });
            Uni<Map<String, Long>> minutes = scoresMeetings(inForce)
                    ? meetings.attendanceSince(firstDay.atStartOfDay().atOffset(ZoneOffset.UTC))
                            .map(LeaderboardReadModel::minutesByName)
                    : Uni.createFrom().item(Map.of());
            return Uni.combine().all().unis(counts, minutes).asTuple()
                    .chain(both -> people(both.getItem1().keySet(), both.getItem2().keySet())
                            .map(people -> Leaderboard.of(inForce, Leaderboard.withMeetingMinutes(both.getItem1(),
                                    both.getItem2(), people), people)));
        });
    }

    private Uni<Map<String, Leaderboard.Person>> people(Set<String> logins, Set<String> shownNames) {
        return pool.preparedQuery(PEOPLE)
                .execute(Tuple.of(logins.toArray(String[]::new), shownNames.stream()
                        .map(name -> name.toLowerCase(Locale.ROOT)).toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Leaderboard.Person> people = new HashMap<>();
                    rows.forEach(row -> people.put(row.getString("login"), new Leaderboard.Person(
                            row.getString("login"), row.getString("name"), row.getString("avatar"))));
                    return people;
                });
    }

    private static boolean scoresMeetings(List<PointRules.Rule> rules) {
        return rules.stream().anyMatch(rule -> rule.event().equals(Leaderboard.MEETING_MINUTE) && rule.points() > 0);
    }

    /** Minutes per name Meet showed, over the weeks. */
    private static Map<String, Long> minutesByName(List<AttendanceWeek> weeks) {
        return weeks.stream().collect(Collectors.groupingBy(AttendanceWeek::name,
                Collectors.summingLong(AttendanceWeek::minutes)));
    }
}
