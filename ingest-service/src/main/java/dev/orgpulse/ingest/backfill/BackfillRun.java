package dev.orgpulse.ingest.backfill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.ingest.delivery.LogIntake;
import dev.orgpulse.ingest.github.GitHubApi;
import dev.orgpulse.ingest.log.CompactedStates;
import dev.orgpulse.ingest.recovery.LogDeliveryIds;

/**
 * One backfill run on the leader, from where its state says it stopped: repositories already finished are skipped,
 * and of those it was in, the records already on the log (read back from the log since the backfill started) are
 * not appended again. Repositories go in batches: the commits and pull requests of a batch in GraphQL queries
 * ({@link BatchedHistory}), then each repository's other lists ({@link RepositoryBackfill}); progress is saved after
 * each repository.
 */
final class BackfillRun implements Runnable {

    /** The log is read back from this long before the backfill started: the broker's clock is not ours. */
    static final Duration LOG_MARGIN = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(BackfillRun.class);

    private final BackfillState start;
    private final GitHubApi api;
    private final CompactedStates<BackfillState> states;
    private final LogIntake log;
    private final Map<String, Object> kafka;
    private final Duration appendTimeout;
    private final AtomicLong appendedNow = new AtomicLong();
    private volatile boolean cancelRequested;
    private volatile BackfillState current;

    BackfillRun(BackfillState start, GitHubApi api, CompactedStates<BackfillState> states, LogIntake log,
            Map<String, Object> kafka, Duration appendTimeout) {
        this.start = start;
        this.current = start;
        this.api = api;
        this.states = states;
        this.log = log;
        this.kafka = kafka;
        this.appendTimeout = appendTimeout;
    }

    String id() {
        return start.id();
    }

    BackfillState current() {
        return current;
    }

    /** Asks the run to end as cancelled; the caller interrupts its thread so that a wait ends too. */
    void cancel() {
        cancelRequested = true;
    }

    @Override
    public void run() {
        String org = start.org();
        try {
            Set<String> onLog = LogDeliveryIds.since(kafka, start.startedAt().minus(LOG_MARGIN),
                    delivery -> Sources.GITHUB_BACKFILL.equals(delivery.source()));
            List<JsonNode> repositories = new ArrayList<>();
            api.forEachPage("/orgs/" + org + "/repos?type=all&per_page=" + RepositoryBackfill.PAGE, page -> {
                page.forEach(repositories::add);
                return true;
            });
            repositories.sort(Comparator.comparing(repository -> repository.path("full_name").asText()));
            save(current.withRepos(repositories.size(), Instant.now()));
            LOG.infof("Backfill %s of %s since %s: %d repositories, %d finished before (%d records), %d backfilled "
                    + "records on the log since it started", id(), org, start.since(), repositories.size(),
                    start.reposFinished().size(), start.recordsAppended(), onLog.size());
            Set<String> finished = new HashSet<>(start.reposFinished());
            List<JsonNode> unfinished = repositories.stream()
                    .filter(repository -> !finished.contains(repository.path("full_name").asText())).toList();
            Consumer<BackfillRecord> sink = record -> append(record, onLog);
            for (int from = 0; from < unfinished.size(); from += BatchedHistory.REPOSITORIES_PER_QUERY) {
                List<JsonNode> batch = unfinished.subList(from,
                        Math.min(from + BatchedHistory.REPOSITORIES_PER_QUERY, unfinished.size()));
                new BatchedHistory(api, start.since(), sink).run(batch);
                for (JsonNode repository : batch) {
                    new RepositoryBackfill(api, start.since(), sink).run(repository);
                    if (cancelRequested || Thread.currentThread().isInterrupted()) {
                        throw new CancellationException();
                    }
                    save(current.repoFinished(repository.path("full_name").asText(), appendedNow.getAndSet(0),
                            Instant.now()));
                }
            }
            save(current.ended(BackfillState.DONE, 0, null, Instant.now()));
            LOG.infof("Backfill %s of %s done: %d repositories, %d records appended", id(), org,
                    current.reposTotal(), current.recordsAppended());
        } catch (RuntimeException e) {
            if (cancelRequested) {
                // the interruption that ended the wait must not refuse the last save too
                Thread.interrupted();
                saveQuietly(current.ended(BackfillState.CANCELLED, appendedNow.get(), null, Instant.now()));
                LOG.infof("Backfill %s of %s cancelled after %d of %d repositories", id(), org,
                        current.reposFinished().size(), current.reposTotal());
            } else if (Thread.currentThread().isInterrupted() || e instanceof CancellationException) {
                LOG.infof("Backfill %s of %s paused on this replica (it stops leading or stops); the leader resumes "
                        + "it where it stopped", id(), org);
            } else {
                LOG.errorf(e, "Backfill %s of %s failed", id(), org);
                saveQuietly(current.ended(BackfillState.FAILED, appendedNow.get(), String.valueOf(e.getMessage()),
                        Instant.now()));
            }
        }
    }

    private void append(BackfillRecord record, Set<String> onLog) {
        if (cancelRequested || Thread.currentThread().isInterrupted()) {
            throw new CancellationException();
        }
        if (onLog.contains(record.deliveryId())) {
            // already on the log: appended before this backfill was interrupted, or by an overlapping one
            return;
        }
        record.appendTo(log, record.key(), appendTimeout);
        onLog.add(record.deliveryId());
        appendedNow.incrementAndGet();
    }

    private void save(BackfillState state) {
        states.save(state.id(), state);
        current = state;
    }

    private void saveQuietly(BackfillState state) {
        try {
            save(state);
        } catch (RuntimeException e) {
            LOG.errorf("Backfill %s: its final state (%s) could not be saved: %s", id(), state.state(), e.getMessage());
        }
    }
}
