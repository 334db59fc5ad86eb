package dev.orgpulse.query.metrics;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code GET /api/spotlights}: who stands out in the window, at most {@link #SHOWN} people each. */
public record Spotlights(List<HotStreak> hotStreaks, List<FastestReviewer> fastestReviewers,
        List<TopCommenter> topCommenters) {

    public static final int SHOWN = 5;

    /** Days in a row with activity, up to today (or yesterday). */
    public record HotStreak(String login, int days) {
    }

    public record FastestReviewer(String login, long medianFirstResponseS, long reviews) {
    }

    /** Comments on issues and pull requests and review comments. */
    public record TopCommenter(String login, long comments) {
    }

    /**
     * @param activeDays  the days each person was active in the window
     * @param loads       the reviewers' load of the window
     * @param commenters  the people who commented most, already ranked
     */
    public static Spotlights of(Map<String, List<LocalDate>> activeDays, LocalDate today, List<ReviewerLoad> loads,
            List<TopCommenter> commenters) {
        List<HotStreak> streaks = activeDays.entrySet().stream()
                .map(person -> new HotStreak(person.getKey(), Streaks.current(person.getValue(), today)))
                .filter(streak -> streak.days() > 0)
                .sorted(Comparator.comparingInt(HotStreak::days).reversed().thenComparing(HotStreak::login))
                .limit(SHOWN).toList();
        List<FastestReviewer> fastest = loads.stream().filter(load -> load.medianFirstResponseS() != null)
                .map(load -> new FastestReviewer(load.login(), load.medianFirstResponseS(), load.reviews()))
                .sorted(Comparator.comparingLong(FastestReviewer::medianFirstResponseS)
                        .thenComparing(Comparator.comparingLong(FastestReviewer::reviews).reversed())
                        .thenComparing(FastestReviewer::login))
                .limit(SHOWN).toList();
        return new Spotlights(streaks, fastest, commenters.stream().limit(SHOWN).toList());
    }
}
