package dev.orgpulse.projector.fold;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.GitHubPayloads;
import dev.orgpulse.eventlog.LogHeaders;
import dev.orgpulse.eventlog.MalformedRecordException;
import dev.orgpulse.eventlog.Sources;

/**
 * Decides what one log record means for the read models, in memory: the contract headers are read, the body
 * parsed and folded by its event type. Whatever goes wrong here makes the record a dead letter, so nothing
 * unreadable ever reaches the database transaction.
 */
public final class RecordFolder {

    private static final Set<String> GITHUB_SOURCES = Set.of(Sources.GITHUB, Sources.GITHUB_BACKFILL);

    /** The event types that tell what people do; every other type is kept in the log and ignored here. */
    private final Map<String, GitHubEventFold> githubFolds = Map.ofEntries(
            Map.entry("push", new PushFold()),
            Map.entry("pull_request", new PullRequestFold()),
            Map.entry("pull_request_review", new ReviewFold()),
            Map.entry("pull_request_review_comment", CommentFold.onPullRequestDiffs()),
            Map.entry("issue_comment", CommentFold.onConversations()),
            Map.entry("issues", new IssueFold()),
            Map.entry("create", RefFold.creations()),
            Map.entry("delete", RefFold.deletions()),
            Map.entry("release", new ReleaseFold()),
            Map.entry("workflow_run", new WorkflowRunFold()),
            Map.entry("workflow_job", new WorkflowJobFold()),
            Map.entry("check_run", new CheckRunFold()),
            Map.entry("deployment", new DeploymentFold()),
            Map.entry("deployment_status", new DeploymentFold()),
            Map.entry("repository", new RepositoryFold()),
            Map.entry("member", new PeopleFold()),
            Map.entry("membership", new PeopleFold()),
            Map.entry("organization", new PeopleFold()));

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

    private RecordOutcome foldDelivery(DeliveryMetadata delivery, byte[] body) {
        if (!LogHeaders.CURRENT_CONTRACT_VERSION.equals(delivery.contractVersion())) {
            throw new MalformedRecordException("contract version " + delivery.contractVersion()
                    + " is not understood by this projector (it reads " + LogHeaders.CURRENT_CONTRACT_VERSION + ")");
        }
        GitHubEventFold fold = GITHUB_SOURCES.contains(delivery.source()) ? githubFolds.get(delivery.eventType()) : null;
        if (fold == null) {
            return new RecordOutcome.Ignored(delivery,
                    "no read model folds " + delivery.source() + " " + delivery.eventType() + " yet");
        }
        if (body == null) {
            throw new MalformedRecordException("record has no value");
        }
        return fold.fold(delivery, GitHubPayloads.parse(body, delivery.contentType()));
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
