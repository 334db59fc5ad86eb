package dev.orgpulse.projector.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.TopicPartition;
import org.hibernate.reactive.mutiny.Mutiny;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.LogJson;
import dev.orgpulse.projector.fold.CiCheckRow;
import dev.orgpulse.projector.fold.CiJobRow;
import dev.orgpulse.projector.fold.CiRunRow;
import dev.orgpulse.projector.fold.CommitRow;
import dev.orgpulse.projector.fold.DeploymentRow;
import dev.orgpulse.projector.fold.DeploymentStatusRow;
import dev.orgpulse.projector.fold.FeedEntry;
import dev.orgpulse.projector.fold.LogRecord;
import dev.orgpulse.projector.fold.MeetParticipantRow;
import dev.orgpulse.projector.fold.MeetingRow;
import dev.orgpulse.projector.fold.ParticipantSessionRow;
import dev.orgpulse.projector.fold.PersonRow;
import dev.orgpulse.projector.fold.PullRequestRow;
import dev.orgpulse.projector.fold.PushRow;
import dev.orgpulse.projector.fold.RecordOutcome;
import dev.orgpulse.projector.fold.RepositoryRow;
import dev.orgpulse.projector.fold.ReviewRow;
import dev.orgpulse.projector.fold.SubscriptionEventRow;
import io.smallrye.mutiny.Uni;

/**
 * The read models' writes, as native SQL inside the caller's transaction. Every write is an
 * {@code INSERT ... ON CONFLICT}, so folding the same thing twice has no second effect; the {@code RETURNING}
 * clauses tell whether anything actually changed. A {@link MergeTable}'s row is read first and merged in Java.
 */
@ApplicationScoped
public class ReadModelRepository {

    /**
     * Creates the partition's checkpoint row if needed and locks it for the transaction: a second projector
     * folding the same partition (during a rebalance) waits here, then sees how far this one got.
     */
    private static final String LOCK_CHECKPOINT = """
            INSERT INTO checkpoint AS c (consumer_group, topic, partition_id, next_offset, updated_at)
            VALUES (?1, ?2, ?3, 0, now())
            ON CONFLICT (consumer_group, topic, partition_id) DO UPDATE SET next_offset = c.next_offset
            RETURNING c.next_offset""";

    private static final String ADVANCE_CHECKPOINT = """
            UPDATE checkpoint SET next_offset = ?4, updated_at = now()
            WHERE consumer_group = ?1 AND topic = ?2 AND partition_id = ?3 AND next_offset < ?4""";

    private static final String RECORD_DELIVERY = """
            INSERT INTO processed_delivery (delivery_id, source, event_type, partition_id, record_offset, outcome, folded_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, now())
            ON CONFLICT (delivery_id) DO NOTHING
            RETURNING delivery_id""";

    private static final String RECORD_DEAD_LETTER = """
            INSERT INTO dead_letter (topic, partition_id, record_offset, delivery_id, event_type, reason, recorded_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, now())
            ON CONFLICT (topic, partition_id, record_offset) DO NOTHING""";

    /**
     * A name or avatar is replaced only by a newer report (by the delivery's received-at) and never by null,
     * so the result does not depend on the order in which partitions are folded.
     */
    private static final String UPSERT_PERSON = """
            INSERT INTO person AS p (login, name, avatar_url, is_bot, updated_at)
            VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT (login) DO UPDATE SET
                name = CASE WHEN EXCLUDED.name IS NOT NULL AND (p.name IS NULL OR EXCLUDED.updated_at > p.updated_at)
                            THEN EXCLUDED.name ELSE p.name END,
                avatar_url = CASE WHEN EXCLUDED.avatar_url IS NOT NULL
                                       AND (p.avatar_url IS NULL OR EXCLUDED.updated_at > p.updated_at)
                                  THEN EXCLUDED.avatar_url ELSE p.avatar_url END,
                is_bot = p.is_bot OR EXCLUDED.is_bot,
                updated_at = GREATEST(p.updated_at, EXCLUDED.updated_at)
            WHERE EXCLUDED.updated_at > p.updated_at
               OR (EXCLUDED.is_bot AND NOT p.is_bot)
               OR (p.name IS NULL AND EXCLUDED.name IS NOT NULL)
               OR (p.avatar_url IS NULL AND EXCLUDED.avatar_url IS NOT NULL)
            RETURNING p.login""";

    /** A commit already known from another branch's push is marked as on the default branch when it reaches it. */
    private static final String INSERT_COMMIT = """
            INSERT INTO git_commit AS c (sha, repo_id, repo, author_login, author_name, author_email, message,
                                         committed_at, branch, on_default_branch, is_bot, delivery_id)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
            ON CONFLICT (sha) DO UPDATE SET on_default_branch = TRUE
            WHERE EXCLUDED.on_default_branch AND NOT c.on_default_branch
            RETURNING c.sha""";

    private static final String INSERT_PUSH = """
            INSERT INTO git_push (repo_id, ref, before_sha, after_sha, repo, ref_type, ref_name, pusher, is_bot, created,
                                  deleted, forced, on_default_branch, commits, pushed_at, delivery_id)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
            ON CONFLICT (repo_id, ref, before_sha, after_sha) DO NOTHING
            RETURNING ref""";

    /** Submission and dismissal in either order: the submitted state once known, dismissed for good. */
    private static final String UPSERT_REVIEW = """
            INSERT INTO pr_review AS r (review_id, repo_id, repo, pr_number, reviewer, is_bot, state, dismissed,
                                        submitted_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            ON CONFLICT (review_id) DO UPDATE SET state = coalesce(r.state, EXCLUDED.state),
                                                  dismissed = r.dismissed OR EXCLUDED.dismissed
            WHERE (r.state IS NULL AND EXCLUDED.state IS NOT NULL) OR (EXCLUDED.dismissed AND NOT r.dismissed)
            RETURNING r.review_id""";

    private static final String INSERT_DEPLOYMENT_STATUS = """
            INSERT INTO deployment_status (status_id, deployment_id, state, creator, environment, created_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (status_id) DO NOTHING
            RETURNING status_id""";

    private static final String RECORD_FACT = """
            INSERT INTO feed_fact (natural_key, kind, occurred_at, dev, repo_id, is_bot, is_activity)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT (natural_key) DO NOTHING
            RETURNING natural_key""";

    private static final String COUNT_ACTIVITY = """
            INSERT INTO daily_activity AS a (day, repo_id, dev, is_bot, items) VALUES (?1, ?2, ?3, ?4, 1)
            ON CONFLICT (day, repo_id, dev, is_bot) DO UPDATE SET items = a.items + 1""";

    private static final String INSERT_FEED_ITEM = """
            INSERT INTO feed_item (natural_key, occurred_at, kind, dev, repo_id, repo, message, is_bot, is_activity)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            ON CONFLICT (natural_key) DO NOTHING
            RETURNING id""";

    static final SnapshotTable<RepositoryRow> REPOSITORIES = SnapshotTable.of("repository", List.of("id"),
            List.of("id", "full_name", "owner", "language", "default_branch", "archived", "private", "deleted",
                    "created_at", "as_of"),
            Set.of(), r -> values(r.id(), r.fullName(), r.owner(), r.language(), r.defaultBranch(), r.archived(),
                    r.isPrivate(), r.deleted(), r.createdAt(), r.asOf(), r.revision()));

    static final SnapshotTable<PullRequestRow> PULL_REQUESTS = SnapshotTable.of("pull_request",
            List.of("repo_id", "number"),
            List.of("repo_id", "number", "repo", "pr_id", "title", "pr_type", "author_login", "author_type", "is_bot",
                    "state", "draft", "base_ref", "head_ref", "additions", "deletions", "changed_files", "commits",
                    "labels", "requested_reviewers", "opened_at", "merged_at", "closed_at", "merged_by", "updated_at"),
            Set.of("labels", "requested_reviewers"),
            pr -> values(pr.repoId(), pr.number(), pr.repo(), pr.prId(), pr.title(), pr.type().columnValue(),
                    pr.authorLogin(), pr.authorType(), pr.bot(), pr.state().columnValue(), pr.draft(), pr.baseRef(),
                    pr.headRef(), pr.additions(), pr.deletions(), pr.changedFiles(), pr.commits(), pr.labels(),
                    pr.requestedReviewers(), pr.openedAt(), pr.mergedAt(), pr.closedAt(), pr.mergedBy(),
                    pr.updatedAt(), pr.revision()));

    static final SnapshotTable<CiRunRow> CI_RUNS = SnapshotTable.of("ci_run", List.of("run_id", "run_attempt"),
            List.of("run_id", "run_attempt", "repo_id", "repo", "workflow_id", "workflow", "run_number", "event",
                    "status", "conclusion", "head_branch", "head_sha", "actor", "is_bot", "created_at", "started_at",
                    "updated_at", "duration_seconds", "url"),
            Set.of(), run -> values(run.runId(), run.runAttempt(), run.repoId(), run.repo(), run.workflowId(),
                    run.workflow(), run.runNumber(), run.event(), run.status(), run.conclusion(), run.headBranch(),
                    run.headSha(), run.actor(), run.bot(), run.createdAt(), run.startedAt(), run.updatedAt(),
                    run.durationSeconds(), run.url(), run.revision()));

    static final SnapshotTable<CiJobRow> CI_JOBS = SnapshotTable.of("ci_job", List.of("job_id"),
            List.of("job_id", "run_id", "run_attempt", "repo_id", "repo", "workflow", "name", "status", "conclusion",
                    "head_branch", "head_sha", "created_at", "started_at", "completed_at", "duration_seconds",
                    "runner_name", "labels", "url"),
            Set.of("labels"), job -> values(job.jobId(), job.runId(), job.runAttempt(), job.repoId(), job.repo(),
                    job.workflow(), job.name(), job.status(), job.conclusion(), job.headBranch(), job.headSha(),
                    job.createdAt(), job.startedAt(), job.completedAt(), job.durationSeconds(), job.runnerName(),
                    job.labels(), job.url(), job.revision()));

    static final SnapshotTable<CiCheckRow> CI_CHECKS = SnapshotTable.of("ci_check", List.of("check_run_id"),
            List.of("check_run_id", "repo_id", "repo", "name", "app", "status", "conclusion", "head_branch", "head_sha",
                    "started_at", "completed_at", "duration_seconds", "url"),
            Set.of(), check -> values(check.checkRunId(), check.repoId(), check.repo(), check.name(), check.app(),
                    check.status(), check.conclusion(), check.headBranch(), check.headSha(), check.startedAt(),
                    check.completedAt(), check.durationSeconds(), check.url(), check.revision()));

    static final SnapshotTable<DeploymentRow> DEPLOYMENTS = SnapshotTable.of("deployment", List.of("deployment_id"),
            List.of("deployment_id", "repo_id", "repo", "environment", "ref", "sha", "task", "creator", "is_bot",
                    "created_at", "updated_at"),
            Set.of(), d -> values(d.deploymentId(), d.repoId(), d.repo(), d.environment(), d.ref(), d.sha(), d.task(),
                    d.creator(), d.bot(), d.createdAt(), d.updatedAt(), d.revision()));

    static final MergeTable<MeetingRow> MEETINGS = MergeTable.of("meet_conference",
            List.of("conference", "space", "started_at", "ended_at", "first_seen_at"), MeetingRow::conference,
            row -> new MeetingRow((String) row[0], (String) row[1], MergeTable.instant(row[2]),
                    MergeTable.instant(row[3]), MergeTable.instant(row[4])),
            MeetingRow::mergedWith,
            m -> values(m.conference(), m.space(), m.startedAt(), m.endedAt(), m.firstSeenAt()));

    static final MergeTable<ParticipantSessionRow> PARTICIPANT_SESSIONS = MergeTable.of("meet_participant_session",
            List.of("session", "participant", "conference", "joined_at", "left_at"), ParticipantSessionRow::session,
            row -> new ParticipantSessionRow((String) row[0], (String) row[1], (String) row[2],
                    MergeTable.instant(row[3]), MergeTable.instant(row[4])),
            ParticipantSessionRow::mergedWith,
            s -> values(s.session(), s.participant(), s.conference(), s.joinedAt(), s.leftAt()));

    static final SnapshotTable<MeetParticipantRow> MEET_PARTICIPANTS = SnapshotTable.of("meet_participant",
            List.of("participant"),
            List.of("participant", "conference", "kind", "display_name", "google_user", "earliest_start_time",
                    "latest_end_time"),
            Set.of(), p -> values(p.participant(), p.conference(), p.kind(), p.displayName(), p.googleUser(),
                    p.earliestStartTime(), p.latestEndTime(), p.revision()));

    static final SnapshotTable<SubscriptionEventRow> MEET_SUBSCRIPTIONS = SnapshotTable.of("meet_subscription",
            List.of("subscription"),
            List.of("subscription", "event_type", "event_at", "expire_time", "state", "suspension_reason"),
            Set.of(), e -> values(e.subscription(), e.eventType(), e.eventAt(), e.expireTime(), e.state(),
                    e.suspensionReason(), e.revision()));

    /** @return the partition's next offset as stored before this transaction (0 for a new partition) */
    Uni<Long> lockCheckpoint(Mutiny.Session session, String consumerGroup, TopicPartition partition) {
        return session.createNativeQuery(LOCK_CHECKPOINT, Long.class)
                .setParameter(1, consumerGroup)
                .setParameter(2, partition.topic())
                .setParameter(3, partition.partition())
                .getSingleResult();
    }

    Uni<Void> advanceCheckpoint(Mutiny.Session session, String consumerGroup, TopicPartition partition, long nextOffset) {
        return session.createNativeQuery(ADVANCE_CHECKPOINT)
                .setParameter(1, consumerGroup)
                .setParameter(2, partition.topic())
                .setParameter(3, partition.partition())
                .setParameter(4, nextOffset)
                .executeUpdate()
                .replaceWithVoid();
    }

    /** @return whether the delivery id is new (false: it was folded before and must have no second effect) */
    Uni<Boolean> recordDelivery(Mutiny.Session session, LogRecord record, DeliveryMetadata delivery,
            DeliveryOutcome outcome) {
        return changed(session.createNativeQuery(RECORD_DELIVERY, String.class)
                .setParameter(1, delivery.deliveryId())
                .setParameter(2, delivery.source())
                .setParameter(3, delivery.eventType())
                .setParameter(4, record.partition())
                .setParameter(5, record.offset())
                .setParameter(6, outcome.columnValue())
                .getResultList());
    }

    Uni<Void> recordDeadLetter(Mutiny.Session session, LogRecord record, RecordOutcome.DeadLetter deadLetter) {
        return session.createNativeQuery(RECORD_DEAD_LETTER)
                .setParameter(1, record.topic())
                .setParameter(2, record.partition())
                .setParameter(3, record.offset())
                .setParameter(4, deadLetter.deliveryId())
                .setParameter(5, deadLetter.eventType())
                .setParameter(6, deadLetter.reason())
                .executeUpdate()
                .replaceWithVoid();
    }

    /** @return whether the stored person changed */
    Uni<Boolean> upsertPerson(Mutiny.Session session, PersonRow person) {
        return changed(session.createNativeQuery(UPSERT_PERSON, String.class)
                .setParameter(1, person.login())
                .setParameter(2, person.name())
                .setParameter(3, person.avatarUrl())
                .setParameter(4, person.bot())
                .setParameter(5, utc(person.seenAt()))
                .getResultList());
    }

    /** @return whether the commit is new, or newly known to be on the default branch */
    Uni<Boolean> insertCommit(Mutiny.Session session, CommitRow commit) {
        return changed(bind(session.createNativeQuery(INSERT_COMMIT, String.class), values(commit.sha(),
                commit.repoId(), commit.repo(), commit.authorLogin(), commit.authorName(), commit.authorEmail(),
                commit.message(), commit.committedAt(), commit.branch(), commit.onDefaultBranch(), commit.bot(),
                commit.deliveryId())).getResultList());
    }

    /** @return whether the push is new */
    Uni<Boolean> insertPush(Mutiny.Session session, PushRow push) {
        return changed(bind(session.createNativeQuery(INSERT_PUSH, String.class), values(push.repoId(), push.ref(),
                push.before(), push.after(), push.repo(), push.refType(), push.refName(), push.pusher(), push.bot(),
                push.created(), push.deleted(), push.forced(), push.onDefaultBranch(), push.commits(), push.pushedAt(),
                push.deliveryId())).getResultList());
    }

    /** @return whether the stored picture changed: the row is new, or this picture is newer */
    <T> Uni<Boolean> upsertSnapshot(Mutiny.Session session, SnapshotTable<T> table, T row) {
        return changed(bind(session.createNativeQuery(table.upsert(), String.class), table.values().apply(row))
                .getResultList());
    }

    /** @return whether the stored row changed: the row is new, or the merge told something it did not know */
    <T> Uni<Boolean> merge(Mutiny.Session session, MergeTable<T> table, T row) {
        return session.createNativeQuery(table.select(), Object[].class)
                .setParameter(1, table.key().apply(row))
                .getResultList()
                .chain(rows -> {
                    T stored = rows.isEmpty() ? null : table.read().apply(rows.get(0));
                    T merged = stored == null ? row : table.merge().apply(stored, row);
                    if (merged.equals(stored)) {
                        return Uni.createFrom().item(false);
                    }
                    return bind(session.createNativeQuery(table.upsert()), table.values().apply(merged))
                            .executeUpdate().replaceWith(true);
                });
    }

    /** @return whether the stored review changed */
    Uni<Boolean> upsertReview(Mutiny.Session session, ReviewRow review) {
        return changed(bind(session.createNativeQuery(UPSERT_REVIEW, Long.class), values(review.reviewId(),
                review.repoId(), review.repo(), review.prNumber(), review.reviewer(), review.bot(), review.state(),
                review.dismissed(), review.submittedAt())).getResultList());
    }

    /** @return whether the status is new */
    Uni<Boolean> insertDeploymentStatus(Mutiny.Session session, DeploymentStatusRow status) {
        return changed(bind(session.createNativeQuery(INSERT_DEPLOYMENT_STATUS, Long.class), values(status.statusId(),
                status.deploymentId(), status.state(), status.creator(), status.environment(), status.createdAt()))
                .getResultList());
    }

    /** @return whether the fact is new: if not, it was fed before (its item may have been trimmed since) */
    Uni<Boolean> recordFact(Mutiny.Session session, FeedEntry entry) {
        return changed(bind(session.createNativeQuery(RECORD_FACT, String.class), values(entry.naturalKey(),
                entry.kind().wireName(), entry.occurredAt(), entry.dev(), entry.repoId(), entry.bot(),
                entry.activity())).getResultList());
    }

    /** Adds a new activity to its day's count. */
    Uni<Void> countActivity(Mutiny.Session session, FeedEntry entry) {
        return bind(session.createNativeQuery(COUNT_ACTIVITY), values(
                LocalDate.ofInstant(entry.occurredAt(), ZoneOffset.UTC), entry.repoId(), entry.dev(), entry.bot()))
                .executeUpdate().replaceWithVoid();
    }

    /** @return the new item's id, or {@code null} when the same fact is already in the feed */
    Uni<Long> insertFeedItem(Mutiny.Session session, FeedEntry entry) {
        return bind(session.createNativeQuery(INSERT_FEED_ITEM, Long.class), values(entry.naturalKey(),
                entry.occurredAt(), entry.kind().wireName(), entry.dev(), entry.repoId(), entry.repo(), entry.message(),
                entry.bot(), entry.activity())).getSingleResultOrNull();
    }

    Uni<ReadModelStatus> status(Mutiny.Session session) {
        return session.find(ReadModelStatus.class, ReadModelStatus.ID);
    }

    private static Uni<Boolean> changed(Uni<? extends List<?>> returnedRows) {
        return returnedRows.map(rows -> !rows.isEmpty());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Values as bound: instants as UTC timestamps, lists as JSON arrays (see {@link SnapshotTable}). */
    private static List<Object> values(Object... values) {
        return Arrays.asList(values);
    }

    private static <Q extends Mutiny.AbstractQuery> Q bind(Q query, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, bindable(values.get(i)));
        }
        return query;
    }

    private static Object bindable(Object value) {
        if (value instanceof Instant instant) {
            return utc(instant);
        }
        if (value instanceof List<?> list) {
            try {
                return LogJson.MAPPER.writeValueAsString(list);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not writable as a JSON array: " + list, e);
            }
        }
        return value;
    }
}
