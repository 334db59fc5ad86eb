package dev.orgpulse.query.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/prs/metrics}: how many pull requests are open now, merged and closed without merge in the range,
 * how long they waited for a first review and to be merged, week by week, and what kinds of change were opened.
 *
 * @param timeToFirstReviewS over the pull requests first reviewed in the range
 * @param timeToMergeS       over the pull requests merged in the range
 * @param types              pull requests opened in the range by what their title says
 */
public record PullRequestMetrics(long open, long merged, long closed, Spread timeToFirstReviewS, Spread timeToMergeS,
        List<Week> weeks, Map<String, Long> types) {

    /** The kinds of change in the answer, in order; a title's {@code feat} is a feature, {@code test} is other. */
    static final List<String> TYPES = List.of("feature", "fix", "refactor", "chore", "docs", "other");

    /**
     * One ISO week.
     *
     * @param additions lines added by the pull requests merged that week
     */
    public record Week(String week, long opened, long merged, long closed, long additions, long deletions) {
    }

    public static PullRequestMetrics of(List<PullRequestFacts> prs, WeekRange range) {
        Map<String, long[]> weeks = new LinkedHashMap<>();
        range.labels().forEach(label -> weeks.put(label, new long[5]));
        Map<String, Long> types = new LinkedHashMap<>();
        TYPES.forEach(type -> types.put(type, 0L));
        List<Long> firstReviews = new ArrayList<>();
        List<Long> merges = new ArrayList<>();
        long open = 0;
        long merged = 0;
        long closed = 0;
        for (PullRequestFacts pr : prs) {
            if ("open".equals(pr.state())) {
                open++;
            }
            if (range.contains(pr.openedAt())) {
                weeks.get(WeekRange.label(pr.openedAt()))[0]++;
                types.merge(typeOf(pr.type()), 1L, Long::sum);
            }
            if ("merged".equals(pr.state()) && range.contains(pr.mergedAt())) {
                merged++;
                long[] week = weeks.get(WeekRange.label(pr.mergedAt()));
                week[1]++;
                week[3] += pr.additions() == null ? 0 : pr.additions();
                week[4] += pr.deletions() == null ? 0 : pr.deletions();
                pr.timeToMerge().map(Duration::toSeconds).ifPresent(merges::add);
            }
            if ("closed".equals(pr.state()) && range.contains(pr.closedAt())) {
                closed++;
                weeks.get(WeekRange.label(pr.closedAt()))[2]++;
            }
            Optional<Instant> firstReview = pr.firstReview().map(Review::submittedAt);
            if (firstReview.filter(range::contains).isPresent()) {
                pr.timeToFirstReview().map(Duration::toSeconds).ifPresent(firstReviews::add);
            }
        }
        List<Week> byWeek = new ArrayList<>();
        weeks.forEach((label, figures) -> byWeek.add(new Week(label, figures[0], figures[1], figures[2], figures[3],
                figures[4])));
        return new PullRequestMetrics(open, merged, closed, Spread.of(firstReviews), Spread.of(merges),
                List.copyOf(byWeek), types);
    }

    private static String typeOf(String titleType) {
        if ("feat".equals(titleType)) {
            return "feature";
        }
        return TYPES.contains(titleType) ? titleType : "other";
    }
}
