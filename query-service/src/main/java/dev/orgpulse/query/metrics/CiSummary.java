package dev.orgpulse.query.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One repository's workflow in {@code GET /api/ci/summary}.
 *
 * @param runs           distinct runs (a re-run attempt is the same run)
 * @param successRate    share of the completed runs whose latest completed attempt succeeded; {@code null} with none
 * @param p50DurationS   median duration of completed attempts (nearest rank)
 * @param lastConclusion the conclusion of the most recently updated completed attempt
 * @param reruns         attempts after a run's first
 */
public record CiSummary(String repo, String workflow, long runs, Double successRate, Long p50DurationS,
        Long p90DurationS, String lastConclusion, long reruns) {

    /** One summary per repository and workflow, by repository then workflow. */
    public static List<CiSummary> of(List<CiRunFacts> attempts) {
        Map<String, Map<String, List<CiRunFacts>>> grouped = new TreeMap<>();
        attempts.forEach(attempt -> grouped.computeIfAbsent(attempt.repo(), key -> new TreeMap<>())
                .computeIfAbsent(attempt.workflow(), key -> new ArrayList<>()).add(attempt));
        List<CiSummary> summaries = new ArrayList<>();
        grouped.forEach((repo, workflows) -> workflows.forEach((workflow, runs) -> summaries.add(
                summary(repo, workflow, runs))));
        return List.copyOf(summaries);
    }

    private static CiSummary summary(String repo, String workflow, List<CiRunFacts> attempts) {
        Map<Long, CiRunFacts> latestCompleted = new TreeMap<>();
        attempts.stream().filter(CiRunFacts::completed).forEach(attempt -> latestCompleted.merge(attempt.runId(),
                attempt, (one, other) -> one.attempt() >= other.attempt() ? one : other));
        long succeeded = latestCompleted.values().stream().filter(run -> "success".equals(run.conclusion())).count();
        Spread durations = Spread.of(attempts.stream().filter(CiRunFacts::completed)
                .map(CiRunFacts::durationSeconds).filter(Objects::nonNull).toList());
        String lastConclusion = attempts.stream().filter(CiRunFacts::completed)
                .max(Comparator.comparing(CiRunFacts::updatedAt).thenComparingLong(CiRunFacts::runId)
                        .thenComparingInt(CiRunFacts::attempt))
                .map(CiRunFacts::conclusion).orElse(null);
        return new CiSummary(repo, workflow, attempts.stream().mapToLong(CiRunFacts::runId).distinct().count(),
                latestCompleted.isEmpty() ? null : (double) succeeded / latestCompleted.size(), durations.p50(),
                durations.p90(), lastConclusion, attempts.stream().filter(attempt -> attempt.attempt() > 1).count());
    }
}
