package dev.orgpulse.projector.readmodel;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.TopicPartition;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import dev.orgpulse.projector.config.ProjectorConfig;
import dev.orgpulse.projector.fold.FeedEntry;
import dev.orgpulse.projector.fold.FoldPlan;
import dev.orgpulse.projector.fold.LogRecord;
import dev.orgpulse.projector.fold.PlannedRecord;
import dev.orgpulse.projector.fold.ReadModelChanges;
import dev.orgpulse.projector.fold.RecordOutcome;
import dev.orgpulse.projector.fold.SubscriptionEventRow;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The unit of work: one batch of the log written to the read models in one PostgreSQL transaction together
 * with the checkpoint of each of its partitions. Records below a partition's stored checkpoint were folded
 * already and are skipped, so a batch delivered again (after a crash, or to a second projector during a
 * rebalance) has no second effect.
 */
@ApplicationScoped
public class FoldTransaction {

    private static final Logger LOG = Logger.getLogger(FoldTransaction.class);
    private static final Comparator<TopicPartition> PARTITION_ORDER = Comparator.comparing(TopicPartition::topic)
            .thenComparingInt(TopicPartition::partition);

    private final Mutiny.SessionFactory sessions;
    private final ReadModelRepository repository;
    private final String consumerGroup;

    public FoldTransaction(Mutiny.SessionFactory sessions, ReadModelRepository repository, ProjectorConfig config) {
        this.sessions = sessions;
        this.repository = repository;
        this.consumerGroup = config.projector().consumerGroup();
    }

    /** Must be subscribed on a Vert.x context (Hibernate Reactive). */
    public Uni<BatchResult> apply(FoldPlan plan) {
        Map<TopicPartition, Long> nextOffsets = plan.nextOffsets();
        // A fixed locking order, so two projectors sharing partitions for a moment cannot deadlock.
        List<TopicPartition> partitions = nextOffsets.keySet().stream().sorted(PARTITION_ORDER).toList();
        return sessions.withTransaction(session -> {
            BatchTally tally = new BatchTally(plan.records().size());
            Map<TopicPartition, Long> checkpoints = new HashMap<>();
            return inOrder(partitions, partition -> repository.lockCheckpoint(session, consumerGroup, partition)
                    .invoke(next -> checkpoints.put(partition, next)))
                    .chain(() -> inOrder(plan.records(), planned -> apply(session, planned, checkpoints, tally)))
                    .chain(() -> inOrder(partitions, partition -> repository.advanceCheckpoint(session, consumerGroup,
                            partition, nextOffsets.get(partition))))
                    .chain(() -> repository.status(session))
                    .map(status -> {
                        if (tally.changedAnything()) {
                            status.touch(Instant.now());
                        }
                        return tally.result(status.version(), positions(checkpoints, nextOffsets));
                    });
        });
    }

    private Uni<Void> apply(Mutiny.Session session, PlannedRecord planned, Map<TopicPartition, Long> checkpoints,
            BatchTally tally) {
        LogRecord record = planned.record();
        RecordOutcome outcome = planned.outcome();
        if (record.offset() < checkpoints.get(record.topicPartition())) {
            LOG.debugf("Delivery %s at %s: below the checkpoint, folded before", outcome.deliveryId(), record);
            tally.duplicate();
            return Uni.createFrom().voidItem();
        }
        if (outcome instanceof RecordOutcome.DeadLetter deadLetter) {
            return repository.recordDeadLetter(session, record, deadLetter)
                    .invoke(() -> tally.deadLetter(record, deadLetter));
        }
        if (outcome instanceof RecordOutcome.Duplicate) {
            LOG.debugf("Delivery %s at %s: same delivery earlier in this batch", outcome.deliveryId(), record);
            tally.duplicate();
            return Uni.createFrom().voidItem();
        }
        if (outcome instanceof RecordOutcome.Ignored ignored) {
            return repository.recordDelivery(session, record, ignored.delivery(), DeliveryOutcome.IGNORED)
                    .invoke(first -> {
                        if (first) {
                            LOG.debugf("Delivery %s at %s: ignored, %s", outcome.deliveryId(), record, ignored.reason());
                            tally.ignored();
                        } else {
                            duplicateDelivery(record, outcome, tally);
                        }
                    })
                    .replaceWithVoid();
        }
        RecordOutcome.Folded folded = (RecordOutcome.Folded) outcome;
        return repository.recordDelivery(session, record, folded.delivery(), DeliveryOutcome.FOLDED)
                .chain(first -> {
                    if (!first) {
                        duplicateDelivery(record, outcome, tally);
                        return Uni.createFrom().voidItem();
                    }
                    tally.folded();
                    return write(session, folded, tally)
                            .invoke(effect -> LOG.debugf("Delivery %s (%s) at %s: folded, %s", outcome.deliveryId(),
                                    outcome.eventType(), record, effect))
                            .replaceWithVoid();
                });
    }

    private Uni<RecordEffect> write(Mutiny.Session session, RecordOutcome.Folded folded, BatchTally tally) {
        ReadModelChanges changes = folded.changes();
        RecordEffect effect = new RecordEffect();
        return Uni.createFrom().voidItem()
                .chain(() -> each(changes.repositories(), "repositories", effect,
                        row -> repository.upsertSnapshot(session, ReadModelRepository.REPOSITORIES, row),
                        tally::repositoryChanged))
                .chain(() -> each(changes.people(), "people", effect, row -> repository.upsertPerson(session, row),
                        tally::personChanged))
                .chain(() -> each(changes.commits(), "commits", effect, row -> repository.insertCommit(session, row),
                        tally::touched))
                .chain(() -> each(changes.pushes(), "pushes", effect, row -> repository.insertPush(session, row),
                        tally::touched))
                .chain(() -> each(changes.pullRequests(), "pull requests", effect,
                        row -> repository.upsertSnapshot(session, ReadModelRepository.PULL_REQUESTS, row),
                        tally::pullRequestChanged))
                .chain(() -> each(changes.reviews(), "reviews", effect, row -> repository.upsertReview(session, row),
                        tally::reviewChanged))
                .chain(() -> each(changes.ciRuns(), "CI runs", effect,
                        row -> repository.upsertSnapshot(session, ReadModelRepository.CI_RUNS, row), tally::ciChanged))
                .chain(() -> each(changes.ciJobs(), "CI jobs", effect,
                        row -> repository.upsertSnapshot(session, ReadModelRepository.CI_JOBS, row), tally::ciChanged))
                .chain(() -> each(changes.ciChecks(), "check runs", effect,
                        row -> repository.upsertSnapshot(session, ReadModelRepository.CI_CHECKS, row),
                        tally::ciChanged))
                .chain(() -> each(changes.deployments(), "deployments", effect,
                        row -> repository.upsertSnapshot(session, ReadModelRepository.DEPLOYMENTS, row),
                        tally::touched))
                .chain(() -> each(changes.deploymentStatuses(), "deployment statuses", effect,
                        row -> repository.insertDeploymentStatus(session, row), tally::touched))
                .chain(() -> inOrder(changes.feed(), entry -> feed(session, entry, effect, tally)))
                .chain(() -> each(changes.meetings(), "meetings", effect,
                        row -> repository.merge(session, ReadModelRepository.MEETINGS, row), tally::meetingChanged))
                .chain(() -> each(changes.participantSessions(), "participant sessions", effect,
                        row -> repository.merge(session, ReadModelRepository.PARTICIPANT_SESSIONS, row),
                        tally::meetingChanged))
                .chain(() -> each(changes.meetParticipants(), "participant identities", effect,
                        row -> repository.upsertSnapshot(session, ReadModelRepository.MEET_PARTICIPANTS, row),
                        tally::meetingChanged))
                .chain(() -> each(changes.subscriptionEvents(), "subscription events", effect,
                        row -> repository.upsertSnapshot(session, ReadModelRepository.MEET_SUBSCRIPTIONS, row)
                                .invoke(latest -> warnOperators(folded.deliveryId(), row, latest)),
                        tally::touched))
                .replaceWith(effect);
    }

    /** Writes each row; counts and reports those that changed something. */
    private static <T> Uni<Void> each(List<T> rows, String what, RecordEffect effect, Function<T, Uni<Boolean>> write,
            Runnable onChange) {
        return inOrder(rows, row -> write.apply(row).invoke(changed -> {
            effect.count(what, rows.size(), changed);
            if (changed) {
                onChange.run();
            }
        }));
    }

    /**
     * A fact new to {@code feed_fact} counts in its day's activity and becomes a feed item; a fact seen before has
     * no second effect, even when its item has been trimmed from the feed since.
     */
    private Uni<Void> feed(Mutiny.Session session, FeedEntry entry, RecordEffect effect, BatchTally tally) {
        return repository.recordFact(session, entry).chain(isNew -> {
            effect.count("feed items", 1, isNew);
            if (!isNew) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> counted = entry.activity()
                    ? repository.countActivity(session, entry).invoke(tally::activityCounted)
                    : Uni.createFrom().voidItem();
            return counted.chain(() -> repository.insertFeedItem(session, entry)).invoke(id -> {
                if (id != null) {
                    tally.feedItemAdded(id, entry);
                }
            }).replaceWithVoid();
        });
    }

    /** A subscription that stops delivering Meet's events goes unnoticed otherwise: the operators must act. */
    private static void warnOperators(String deliveryId, SubscriptionEventRow event, boolean latest) {
        LOG.warnf("Workspace subscription %s: %s at %s (delivery %s%s): %s", event.subscription(), event.eventType(),
                event.eventAt(), deliveryId, latest ? "" : ", older than the latest event folded", event.advice());
    }

    private static void duplicateDelivery(LogRecord record, RecordOutcome outcome, BatchTally tally) {
        LOG.debugf("Delivery %s at %s: delivery id folded before, no second effect", outcome.deliveryId(), record);
        tally.duplicate();
    }

    private static Map<Integer, Long> positions(Map<TopicPartition, Long> checkpoints,
            Map<TopicPartition, Long> nextOffsets) {
        Map<Integer, Long> positions = new HashMap<>();
        nextOffsets.forEach((partition, next) -> positions.put(partition.partition(),
                Math.max(next, checkpoints.get(partition))));
        return positions;
    }

    /** Each step after the previous one completed: one session runs one statement at a time. */
    private static <T> Uni<Void> inOrder(List<T> items, Function<T, Uni<?>> step) {
        return Multi.createFrom().iterable(items).onItem().call(step).collect().last().replaceWithVoid();
    }

    /** How much of one delivery's changes was new or changed, for the debug line. */
    private static final class RecordEffect {
        private final Map<String, int[]> changedOfTotal = new LinkedHashMap<>();

        void count(String what, int total, boolean changed) {
            int[] counts = changedOfTotal.computeIfAbsent(what, ignored -> new int[] {0, total});
            if (changed) {
                counts[0]++;
            }
        }

        @Override
        public String toString() {
            StringJoiner effect = new StringJoiner(", ", "new or changed: ", "");
            changedOfTotal.forEach((what, counts) -> effect.add(counts[0] + "/" + counts[1] + " " + what));
            return effect.toString();
        }
    }
}
