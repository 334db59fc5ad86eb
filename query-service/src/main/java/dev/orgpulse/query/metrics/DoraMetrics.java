package dev.orgpulse.query.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The four DORA keys of {@code GET /api/dora} over a range of ISO weeks.
 * <ul>
 * <li>deployment frequency: successful deployments in the range per week;</li>
 * <li>lead time: from the earliest commit to the default branch since the previous successful deployment of the same
 * repository and environment, to this deployment's success (deployments that brought no new commit have none);</li>
 * <li>change failure rate: failed deployments / (successful + failed) in the range, {@code null} with neither;</li>
 * <li>time to restore: from a failed deployment to the next success of the same repository and environment.</li>
 * </ul>
 */
public record DoraMetrics(double deploymentFrequencyPerWeek, Spread leadTimeS, Double changeFailureRate,
        Spread timeToRestoreS, List<Week> weeks) {

    public record Week(String week, long deployments, long failures) {
    }

    /** A commit that reached the default branch of a repository, at its commit time. */
    public record DefaultBranchCommit(long repoId, Instant committedAt) {
    }

    /**
     * @param outcomes every outcome of the counted environments, of any time (earlier ones bound the lead times)
     * @param commits  default-branch commits since {@link #commitsNeededSince}
     */
    public static DoraMetrics of(List<DeploymentOutcome> outcomes, List<DefaultBranchCommit> commits, WeekRange range) {
        Map<String, long[]> weeks = new LinkedHashMap<>();
        range.labels().forEach(label -> weeks.put(label, new long[2]));
        Map<Long, NavigableMap<Instant, Long>> commitsByRepo = new TreeMap<>();
        commits.forEach(commit -> commitsByRepo.computeIfAbsent(commit.repoId(), key -> new TreeMap<>())
                .merge(commit.committedAt(), 1L, Long::sum));
        List<Long> leadTimes = new ArrayList<>();
        List<Long> restores = new ArrayList<>();
        long successes = 0;
        long failures = 0;
        for (List<DeploymentOutcome> stream : byRepositoryAndEnvironment(outcomes)) {
            Instant previousSuccess = null;
            Instant failedSince = null;
            for (DeploymentOutcome outcome : stream) {
                boolean inRange = range.contains(outcome.at());
                if (!outcome.success()) {
                    if (inRange) {
                        failures++;
                        weeks.get(WeekRange.label(outcome.at()))[1]++;
                    }
                    failedSince = failedSince == null ? outcome.at() : failedSince;
                    continue;
                }
                if (inRange) {
                    successes++;
                    weeks.get(WeekRange.label(outcome.at()))[0]++;
                    leadTime(commitsByRepo.get(outcome.repoId()), previousSuccess, outcome.at())
                            .ifPresent(leadTimes::add);
                    if (failedSince != null) {
                        restores.add(Duration.between(failedSince, outcome.at()).toSeconds());
                    }
                }
                failedSince = null;
                previousSuccess = outcome.at();
            }
        }
        List<Week> byWeek = new ArrayList<>();
        weeks.forEach((label, figures) -> byWeek.add(new Week(label, figures[0], figures[1])));
        Double failureRate = successes + failures == 0 ? null : (double) failures / (successes + failures);
        return new DoraMetrics((double) successes / range.weeks(), Spread.of(leadTimes), failureRate,
                Spread.of(restores), List.copyOf(byWeek));
    }

    /**
     * The earliest commit time the lead times of the range can reach back to: the last success before the range of
     * each repository and environment (empty: all history, when one has none before the range).
     */
    public static Optional<Instant> commitsNeededSince(List<DeploymentOutcome> outcomes, WeekRange range) {
        Instant earliest = range.since();
        for (List<DeploymentOutcome> stream : byRepositoryAndEnvironment(outcomes)) {
            if (stream.stream().noneMatch(outcome -> outcome.success() && range.contains(outcome.at()))) {
                continue;
            }
            Optional<Instant> before = stream.stream()
                    .filter(outcome -> outcome.success() && outcome.at().isBefore(range.since()))
                    .map(DeploymentOutcome::at).max(Comparator.naturalOrder());
            if (before.isEmpty()) {
                return Optional.empty();
            }
            earliest = before.get().isBefore(earliest) ? before.get() : earliest;
        }
        return Optional.of(earliest);
    }

    /** From the earliest commit after the previous success (all earlier ones when there is none) to this success. */
    private static Optional<Long> leadTime(NavigableMap<Instant, Long> commits, Instant previousSuccess,
            Instant success) {
        if (commits == null) {
            return Optional.empty();
        }
        NavigableMap<Instant, Long> brought = previousSuccess == null ? commits.headMap(success, true)
                : commits.subMap(previousSuccess, false, success, true);
        return brought.isEmpty() ? Optional.empty()
                : Optional.of(Duration.between(brought.firstKey(), success).toSeconds());
    }

    /** The outcomes of each repository and environment, in time order (then by deployment id). */
    private static List<List<DeploymentOutcome>> byRepositoryAndEnvironment(List<DeploymentOutcome> outcomes) {
        Map<String, List<DeploymentOutcome>> streams = new TreeMap<>();
        outcomes.forEach(outcome -> streams.computeIfAbsent(outcome.repoId() + "/"
                + Objects.requireNonNullElse(outcome.environment(), ""), key -> new ArrayList<>()).add(outcome));
        streams.values().forEach(stream -> stream.sort(Comparator.comparing(DeploymentOutcome::at)
                .thenComparingLong(DeploymentOutcome::deploymentId)));
        return List.copyOf(streams.values());
    }
}
