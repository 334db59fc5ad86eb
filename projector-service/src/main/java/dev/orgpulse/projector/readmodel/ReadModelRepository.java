package dev.orgpulse.projector.readmodel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.TopicPartition;
import org.hibernate.reactive.mutiny.Mutiny;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.projector.fold.CommitRow;
import dev.orgpulse.projector.fold.FeedEntry;
import dev.orgpulse.projector.fold.LogRecord;
import dev.orgpulse.projector.fold.PersonRow;
import dev.orgpulse.projector.fold.PullRequestRow;
import dev.orgpulse.projector.fold.RecordOutcome;
import io.smallrye.mutiny.Uni;

/**
 * The read models' writes, as native SQL inside the caller's transaction. Every write is an
 * {@code INSERT ... ON CONFLICT}, so folding the same thing twice has no second effect; the {@code RETURNING}
 * clauses tell whether anything actually changed.
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

    private static final String INSERT_COMMIT = """
            INSERT INTO git_commit (sha, repo, author_login, author_name, message, committed_at, branch, is_bot, delivery_id)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            ON CONFLICT (sha) DO NOTHING
            RETURNING sha""";

    /** A later {@code updated_at} never loses to an earlier one; an identical row is left alone. */
    private static final String UPSERT_PULL_REQUEST = """
            INSERT INTO pull_request AS pr (repo, number, title, author_login, is_bot, state, draft, opened_at, merged_at,
                                            closed_at, updated_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            ON CONFLICT (repo, number) DO UPDATE SET
                title = EXCLUDED.title, author_login = EXCLUDED.author_login, is_bot = EXCLUDED.is_bot,
                state = EXCLUDED.state, draft = EXCLUDED.draft, opened_at = EXCLUDED.opened_at,
                merged_at = EXCLUDED.merged_at, closed_at = EXCLUDED.closed_at, updated_at = EXCLUDED.updated_at
            WHERE pr.updated_at <= EXCLUDED.updated_at
              AND (pr.title, pr.author_login, pr.is_bot, pr.state, pr.draft, pr.opened_at, pr.merged_at, pr.closed_at,
                   pr.updated_at)
                  IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.author_login, EXCLUDED.is_bot, EXCLUDED.state,
                   EXCLUDED.draft, EXCLUDED.opened_at, EXCLUDED.merged_at, EXCLUDED.closed_at, EXCLUDED.updated_at)
            RETURNING pr.number""";

    private static final String INSERT_FEED_ITEM = """
            INSERT INTO feed_item (natural_key, occurred_at, kind, dev, repo, message, is_bot)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT (natural_key) DO NOTHING
            RETURNING id""";

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

    /** @return whether the commit is new */
    Uni<Boolean> insertCommit(Mutiny.Session session, CommitRow commit) {
        return changed(session.createNativeQuery(INSERT_COMMIT, String.class)
                .setParameter(1, commit.sha())
                .setParameter(2, commit.repo())
                .setParameter(3, commit.authorLogin())
                .setParameter(4, commit.authorName())
                .setParameter(5, commit.message())
                .setParameter(6, utc(commit.committedAt()))
                .setParameter(7, commit.branch())
                .setParameter(8, commit.bot())
                .setParameter(9, commit.deliveryId())
                .getResultList());
    }

    /** @return whether the stored pull request changed */
    Uni<Boolean> upsertPullRequest(Mutiny.Session session, PullRequestRow pr) {
        return changed(session.createNativeQuery(UPSERT_PULL_REQUEST, Integer.class)
                .setParameter(1, pr.repo())
                .setParameter(2, pr.number())
                .setParameter(3, pr.title())
                .setParameter(4, pr.authorLogin())
                .setParameter(5, pr.bot())
                .setParameter(6, pr.state().columnValue())
                .setParameter(7, pr.draft())
                .setParameter(8, utc(pr.openedAt()))
                .setParameter(9, utc(pr.mergedAt()))
                .setParameter(10, utc(pr.closedAt()))
                .setParameter(11, utc(pr.updatedAt()))
                .getResultList());
    }

    /** @return the new item's id, or {@code null} when the same fact is already in the feed */
    Uni<Long> insertFeedItem(Mutiny.Session session, FeedEntry entry) {
        return session.createNativeQuery(INSERT_FEED_ITEM, Long.class)
                .setParameter(1, entry.naturalKey())
                .setParameter(2, utc(entry.occurredAt()))
                .setParameter(3, entry.kind().wireName())
                .setParameter(4, entry.dev())
                .setParameter(5, entry.repo())
                .setParameter(6, entry.message())
                .setParameter(7, entry.bot())
                .getSingleResultOrNull();
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
}
