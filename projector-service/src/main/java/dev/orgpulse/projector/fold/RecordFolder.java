package dev.orgpulse.projector.fold;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.GitHubPayloads;
import dev.orgpulse.eventlog.LogHeaders;
import dev.orgpulse.eventlog.MalformedRecordException;
import dev.orgpulse.eventlog.PointRules;
import dev.orgpulse.eventlog.Sources;

/**
 * Decides what one log record means for the read models, in memory: the contract headers are read, the body
 * parsed and folded by its source and event type. Whatever goes wrong here makes the record a dead letter, so
 * nothing unreadable ever reaches the database transaction.
 */
public final class RecordFolder {

    /** Reads a record's body as its source wrote it and folds it. */
    private interface BodyFold {
        RecordOutcome fold(DeliveryMetadata delivery, ByteBuffer body);
    }

    /**
     * The folds by source, then by event type; every other type is kept in the log and ignored here (for Workspace
     * events, as Google asks of new lifecycle event types, too).
     */
    private final Map<String, Map<String, BodyFold>> folds;

    /** Parses only the members the folds read ({@link FoldedMembers}). */
    public RecordFolder() {
        this(FoldedMembers.NAMES);
    }

    /** @param members the member names a GitHub payload is parsed into; {@code null} parses it whole */
    RecordFolder(Set<String> members) {
        Map<String, BodyFold> github = parsing(githubFolds(), members);
        folds = Map.of(
                Sources.GITHUB, github,
                Sources.GITHUB_BACKFILL, parsing(backfillFolds(), members),
                Sources.PUBSUB, workspaceFolds(),
                Sources.MEET_API, meetApiFolds(),
                Sources.ADMIN, adminFolds());
    }

    /** The GitHub event types that tell what people do. */
    private static Map<String, GitHubEventFold> githubFolds() {
        return Map.ofEntries(
                github("push", new PushFold()),
                github("pull_request", new PullRequestFold()),
                github("pull_request_review", new ReviewFold()),
                github("pull_request_review_comment", CommentFold.onPullRequestDiffs()),
                github("issue_comment", CommentFold.onConversations()),
                github("issues", new IssueFold()),
                github("create", RefFold.creations()),
                github("delete", RefFold.deletions()),
                github("release", new ReleaseFold()),
                github("workflow_run", new WorkflowRunFold()),
                github("workflow_job", new WorkflowJobFold()),
                github("check_run", new CheckRunFold()),
                github("deployment", new DeploymentFold()),
                github("deployment_status", new DeploymentFold()),
                github("repository", new RepositoryFold()),
                github("member", new PeopleFold()),
                github("membership", new PeopleFold()),
                github("organization", new PeopleFold()));
    }

    /**
     * What the ingest's backfill learned from GitHub's API: webhook-shaped records folded like webhooks, and commits
     * without a push.
     */
    private static Map<String, GitHubEventFold> backfillFolds() {
        Map<String, GitHubEventFold> backfill = new HashMap<>(githubFolds());
        backfill.put(BackfilledCommitsFold.COMMITS, new BackfilledCommitsFold());
        return Map.copyOf(backfill);
    }

    /** The folds of GitHub payloads, each reading the body parsed into the given members. */
    private static Map<String, BodyFold> parsing(Map<String, GitHubEventFold> folds, Set<String> members) {
        Map<String, BodyFold> parsing = new HashMap<>();
        folds.forEach((eventType, fold) -> parsing.put(eventType, (delivery, body) -> fold.fold(delivery,
                body.hasArray()
                        ? GitHubPayloads.parse(body.array(), body.arrayOffset() + body.position(), body.remaining(),
                                delivery.contentType(), members)
                        : GitHubPayloads.parse(bytes(body), delivery.contentType(), members))));
        return Map.copyOf(parsing);
    }

    /** Meet's meetings and sessions, and the lifecycle of the Workspace Events subscription that delivers them. */
    private static Map<String, BodyFold> workspaceFolds() {
        SubscriptionLifecycleFold lifecycle = new SubscriptionLifecycleFold();
        return Map.ofEntries(
                workspace(ConferenceFold.STARTED, ConferenceFold.started()),
                workspace(ConferenceFold.ENDED, ConferenceFold.ended()),
                workspace(ParticipantSessionFold.JOINED, ParticipantSessionFold.joined()),
                workspace(ParticipantSessionFold.LEFT, ParticipantSessionFold.left()),
                workspace(SubscriptionEventRow.EXPIRATION_REMINDER, lifecycle),
                workspace(SubscriptionEventRow.SUSPENDED, lifecycle),
                workspace(SubscriptionEventRow.EXPIRED, lifecycle));
    }

    /** The Meet REST API's answers the enricher appended. */
    private static Map<String, BodyFold> meetApiFolds() {
        ParticipantIdentityFold identities = new ParticipantIdentityFold();
        return Map.of(ParticipantIdentityFold.RESOLVED, (delivery, body) -> identities.fold(delivery,
                JsonBodies.object(bytes(body), "the Meet API's participant")));
    }

    /** Changes operators made through an admin endpoint. */
    private static Map<String, BodyFold> adminFolds() {
        PointRulesFold pointRules = new PointRulesFold();
        return Map.of(PointRules.EVENT_TYPE, (delivery, body) -> pointRules.fold(delivery, bytes(body)));
    }

    private static Map.Entry<String, GitHubEventFold> github(String eventType, GitHubEventFold fold) {
        return Map.entry(eventType, fold);
    }

    private static Map.Entry<String, BodyFold> workspace(String eventType, WorkspaceEventFold fold) {
        return Map.entry(eventType, (delivery, body) -> fold.fold(delivery, WorkspaceEvent.decode(bytes(body))));
    }

    public RecordOutcome fold(LogRecord record) {
        DeliveryMetadata delivery;
        try {
            delivery = DeliveryMetadata.fromHeaders(record.headers());
        } catch (RuntimeException e) {
            return new RecordOutcome.DeadLetter(header(record.headers(), LogHeaders.DELIVERY_ID),
                    header(record.headers(), LogHeaders.EVENT_TYPE), "unreadable headers: " + e.getMessage());
        }
        try {
            return foldDelivery(delivery, record.value());
        } catch (MalformedRecordException e) {
            return new RecordOutcome.DeadLetter(delivery.deliveryId(), delivery.eventType(), e.getMessage());
        } catch (RuntimeException e) {
            return new RecordOutcome.DeadLetter(delivery.deliveryId(), delivery.eventType(), "fold failed: " + e);
        }
    }

    private RecordOutcome foldDelivery(DeliveryMetadata delivery, ByteBuffer body) {
        if (!LogHeaders.CURRENT_CONTRACT_VERSION.equals(delivery.contractVersion())) {
            throw new MalformedRecordException("contract version " + delivery.contractVersion()
                    + " is not understood by this projector (it reads " + LogHeaders.CURRENT_CONTRACT_VERSION + ")");
        }
        BodyFold fold = folds.getOrDefault(delivery.source(), Map.of()).get(delivery.eventType());
        if (fold == null) {
            return new RecordOutcome.Ignored(delivery,
                    "no read model folds " + delivery.source() + " " + delivery.eventType() + " yet");
        }
        if (body == null) {
            throw new MalformedRecordException("record has no value");
        }
        return fold.fold(delivery, body);
    }

    /** A copy of the body, for the sources whose records are few. */
    private static byte[] bytes(ByteBuffer body) {
        byte[] bytes = new byte[body.remaining()];
        body.duplicate().get(bytes);
        return bytes;
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
