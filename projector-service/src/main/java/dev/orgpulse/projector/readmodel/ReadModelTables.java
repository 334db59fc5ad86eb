package dev.orgpulse.projector.readmodel;

import static dev.orgpulse.projector.readmodel.ReadModelTable.column;
import static dev.orgpulse.projector.readmodel.ReadModelTable.Type.BIGINT;
import static dev.orgpulse.projector.readmodel.ReadModelTable.Type.BOOLEAN;
import static dev.orgpulse.projector.readmodel.ReadModelTable.Type.INT;
import static dev.orgpulse.projector.readmodel.ReadModelTable.Type.TEXT;
import static dev.orgpulse.projector.readmodel.ReadModelTable.Type.TEXT_ARRAY;
import static dev.orgpulse.projector.readmodel.ReadModelTable.Type.TIMESTAMPTZ;
import static dev.orgpulse.projector.readmodel.ReadModelTable.instant;

import java.util.List;
import java.util.Set;

import dev.orgpulse.eventlog.ReadModel;
import dev.orgpulse.projector.fold.CiCheckRow;
import dev.orgpulse.projector.fold.CiJobRow;
import dev.orgpulse.projector.fold.CiRunRow;
import dev.orgpulse.projector.fold.CommitRow;
import dev.orgpulse.projector.fold.DeploymentRow;
import dev.orgpulse.projector.fold.DeploymentStatusRow;
import dev.orgpulse.projector.fold.MeetParticipantRow;
import dev.orgpulse.projector.fold.MeetingRow;
import dev.orgpulse.projector.fold.OrgMemberRow;
import dev.orgpulse.projector.fold.ParticipantSessionRow;
import dev.orgpulse.projector.fold.PersonRow;
import dev.orgpulse.projector.fold.PointRulesRow;
import dev.orgpulse.projector.fold.PullRequestRow;
import dev.orgpulse.projector.fold.PushRow;
import dev.orgpulse.projector.fold.RepositoryRow;
import dev.orgpulse.projector.fold.ReviewRow;
import dev.orgpulse.projector.fold.SubscriptionEventRow;

/**
 * The read-model tables a batch writes, in the order it writes them (a fixed order, so that two projectors lock rows
 * in the same order). A new read model is a row type, its table here, and the migration that creates it. The feed
 * ({@code feed_fact}, {@code daily_activity}, {@code feed_item}) is written after these, by {@link FeedWrites}.
 */
final class ReadModelTables {

    /**
     * Names are shown through the repository table: the feed, contributors, top repositories, pull requests and CI
     * runs may read differently.
     */
    static final ReadModelTable<RepositoryRow> REPOSITORIES = ReadModelTable.snapshot("repository",
            RepositoryRow.class, Set.of(ReadModel.FEED, ReadModel.CONTRIBUTORS, ReadModel.REPOS,
                    ReadModel.PULL_REQUESTS, ReadModel.CI_RUNS), 1,
            List.of(column("id", BIGINT, RepositoryRow::id), column("full_name", TEXT, RepositoryRow::fullName),
                    column("owner", TEXT, RepositoryRow::owner), column("language", TEXT, RepositoryRow::language),
                    column("size_kb", BIGINT, RepositoryRow::sizeKb),
                    column("default_branch", TEXT, RepositoryRow::defaultBranch),
                    column("archived", BOOLEAN, RepositoryRow::archived),
                    column("private", BOOLEAN, RepositoryRow::isPrivate),
                    column("deleted", BOOLEAN, RepositoryRow::deleted),
                    column("created_at", TIMESTAMPTZ, RepositoryRow::createdAt),
                    column("as_of", TIMESTAMPTZ, RepositoryRow::asOf),
                    column("revision", TEXT, RepositoryRow::revision)));

    /**
     * A name or avatar is replaced only by a newer report (by the delivery's received-at) and never by null, so the
     * result does not depend on the order in which partitions are folded.
     */
    static final ReadModelTable<PersonRow> PEOPLE = ReadModelTable.ruled("person", PersonRow.class,
            Set.of(ReadModel.CONTRIBUTORS), 1,
            List.of(column("login", TEXT, PersonRow::login), column("name", TEXT, PersonRow::name),
                    column("avatar_url", TEXT, PersonRow::avatarUrl), column("is_bot", BOOLEAN, PersonRow::bot),
                    column("updated_at", TIMESTAMPTZ, PersonRow::seenAt)),
            """
            DO UPDATE SET
                name = CASE WHEN EXCLUDED.name IS NOT NULL AND (t.name IS NULL OR EXCLUDED.updated_at > t.updated_at)
                            THEN EXCLUDED.name ELSE t.name END,
                avatar_url = CASE WHEN EXCLUDED.avatar_url IS NOT NULL
                                       AND (t.avatar_url IS NULL OR EXCLUDED.updated_at > t.updated_at)
                                  THEN EXCLUDED.avatar_url ELSE t.avatar_url END,
                is_bot = t.is_bot OR EXCLUDED.is_bot,
                updated_at = GREATEST(t.updated_at, EXCLUDED.updated_at)
            WHERE EXCLUDED.updated_at > t.updated_at
               OR (EXCLUDED.is_bot AND NOT t.is_bot)
               OR (t.name IS NULL AND EXCLUDED.name IS NOT NULL)
               OR (t.avatar_url IS NULL AND EXCLUDED.avatar_url IS NOT NULL)""",
            PersonRow::updatedBy);

    /** Who is a member of the organisation is part of what is known about people. */
    static final ReadModelTable<OrgMemberRow> ORG_MEMBERS = ReadModelTable.ruled("org_member", OrgMemberRow.class,
            Set.of(ReadModel.CONTRIBUTORS), 1,
            List.of(column("login", TEXT, OrgMemberRow::login),
                    column("first_joined_at", TIMESTAMPTZ, OrgMemberRow::firstJoinedAt),
                    column("last_joined_at", TIMESTAMPTZ, OrgMemberRow::lastJoinedAt),
                    column("removed_at", TIMESTAMPTZ, OrgMemberRow::removedAt)),
            """
            DO UPDATE SET first_joined_at = LEAST(t.first_joined_at, EXCLUDED.first_joined_at),
                last_joined_at = GREATEST(t.last_joined_at, EXCLUDED.last_joined_at),
                removed_at = GREATEST(t.removed_at, EXCLUDED.removed_at)
            WHERE t.first_joined_at IS DISTINCT FROM LEAST(t.first_joined_at, EXCLUDED.first_joined_at)
               OR t.last_joined_at IS DISTINCT FROM GREATEST(t.last_joined_at, EXCLUDED.last_joined_at)
               OR t.removed_at IS DISTINCT FROM GREATEST(t.removed_at, EXCLUDED.removed_at)""",
            OrgMemberRow::mergedWith);

    /** A commit already known from another branch's push is marked as on the default branch when it reaches it. */
    static final ReadModelTable<CommitRow> COMMITS = ReadModelTable.ruled("git_commit", CommitRow.class, Set.of(), 1,
            List.of(column("sha", TEXT, CommitRow::sha), column("repo_id", BIGINT, CommitRow::repoId),
                    column("repo", TEXT, CommitRow::repo), column("author_login", TEXT, CommitRow::authorLogin),
                    column("author_name", TEXT, CommitRow::authorName),
                    column("author_email", TEXT, CommitRow::authorEmail),
                    column("message", TEXT, CommitRow::message),
                    column("committed_at", TIMESTAMPTZ, CommitRow::committedAt),
                    column("branch", TEXT, CommitRow::branch),
                    column("on_default_branch", BOOLEAN, CommitRow::onDefaultBranch),
                    column("is_bot", BOOLEAN, CommitRow::bot), column("languages", TEXT_ARRAY, CommitRow::languages),
                    column("delivery_id", TEXT, CommitRow::deliveryId)),
            "DO UPDATE SET on_default_branch = TRUE WHERE EXCLUDED.on_default_branch AND NOT t.on_default_branch",
            CommitRow::reaching);

    /** Each push once, whichever delivery brings it. */
    static final ReadModelTable<PushRow> PUSHES = ReadModelTable.insertOnce("git_push", PushRow.class, Set.of(), 4,
            List.of(column("repo_id", BIGINT, PushRow::repoId), column("ref", TEXT, PushRow::ref),
                    column("before_sha", TEXT, PushRow::before), column("after_sha", TEXT, PushRow::after),
                    column("repo", TEXT, PushRow::repo), column("ref_type", TEXT, PushRow::refType),
                    column("ref_name", TEXT, PushRow::refName), column("pusher", TEXT, PushRow::pusher),
                    column("is_bot", BOOLEAN, PushRow::bot), column("created", BOOLEAN, PushRow::created),
                    column("deleted", BOOLEAN, PushRow::deleted), column("forced", BOOLEAN, PushRow::forced),
                    column("on_default_branch", BOOLEAN, PushRow::onDefaultBranch),
                    column("commits", INT, PushRow::commits), column("pushed_at", TIMESTAMPTZ, PushRow::pushedAt),
                    column("delivery_id", TEXT, PushRow::deliveryId)));

    static final ReadModelTable<PullRequestRow> PULL_REQUESTS = ReadModelTable.snapshot("pull_request",
            PullRequestRow.class, Set.of(ReadModel.STATS, ReadModel.PULL_REQUESTS), 2,
            List.of(column("repo_id", BIGINT, PullRequestRow::repoId), column("number", INT, PullRequestRow::number),
                    column("repo", TEXT, PullRequestRow::repo), column("pr_id", BIGINT, PullRequestRow::prId),
                    column("title", TEXT, PullRequestRow::title),
                    column("pr_type", TEXT, pr -> pr.type().columnValue()),
                    column("author_login", TEXT, PullRequestRow::authorLogin),
                    column("author_type", TEXT, PullRequestRow::authorType),
                    column("is_bot", BOOLEAN, PullRequestRow::bot),
                    column("state", TEXT, pr -> pr.state().columnValue()),
                    column("draft", BOOLEAN, PullRequestRow::draft), column("base_ref", TEXT, PullRequestRow::baseRef),
                    column("head_ref", TEXT, PullRequestRow::headRef),
                    column("additions", INT, PullRequestRow::additions),
                    column("deletions", INT, PullRequestRow::deletions),
                    column("changed_files", INT, PullRequestRow::changedFiles),
                    column("commits", INT, PullRequestRow::commits),
                    column("labels", TEXT_ARRAY, PullRequestRow::labels),
                    column("requested_reviewers", TEXT_ARRAY, PullRequestRow::requestedReviewers),
                    column("opened_at", TIMESTAMPTZ, PullRequestRow::openedAt),
                    column("merged_at", TIMESTAMPTZ, PullRequestRow::mergedAt),
                    column("closed_at", TIMESTAMPTZ, PullRequestRow::closedAt),
                    column("merged_by", TEXT, PullRequestRow::mergedBy),
                    column("updated_at", TIMESTAMPTZ, PullRequestRow::updatedAt),
                    column("revision", TEXT, PullRequestRow::revision)));

    /** Submission and dismissal in either order: the submitted state once known, dismissed for good. */
    static final ReadModelTable<ReviewRow> REVIEWS = ReadModelTable.ruled("pr_review", ReviewRow.class,
            Set.of(ReadModel.PULL_REQUESTS), 1,
            List.of(column("review_id", BIGINT, ReviewRow::reviewId), column("repo_id", BIGINT, ReviewRow::repoId),
                    column("repo", TEXT, ReviewRow::repo), column("pr_number", INT, ReviewRow::prNumber),
                    column("reviewer", TEXT, ReviewRow::reviewer), column("is_bot", BOOLEAN, ReviewRow::bot),
                    column("state", TEXT, ReviewRow::state), column("dismissed", BOOLEAN, ReviewRow::dismissed),
                    column("submitted_at", TIMESTAMPTZ, ReviewRow::submittedAt)),
            """
            DO UPDATE SET state = coalesce(t.state, EXCLUDED.state), dismissed = t.dismissed OR EXCLUDED.dismissed
            WHERE (t.state IS NULL AND EXCLUDED.state IS NOT NULL) OR (EXCLUDED.dismissed AND NOT t.dismissed)""",
            ReviewRow::completedBy);

    static final ReadModelTable<CiRunRow> CI_RUNS = ReadModelTable.snapshot("ci_run", CiRunRow.class,
            Set.of(ReadModel.CI_RUNS), 2,
            List.of(column("run_id", BIGINT, CiRunRow::runId), column("run_attempt", INT, CiRunRow::runAttempt),
                    column("repo_id", BIGINT, CiRunRow::repoId), column("repo", TEXT, CiRunRow::repo),
                    column("workflow_id", BIGINT, CiRunRow::workflowId), column("workflow", TEXT, CiRunRow::workflow),
                    column("run_number", INT, CiRunRow::runNumber), column("event", TEXT, CiRunRow::event),
                    column("status", TEXT, CiRunRow::status), column("conclusion", TEXT, CiRunRow::conclusion),
                    column("head_branch", TEXT, CiRunRow::headBranch), column("head_sha", TEXT, CiRunRow::headSha),
                    column("actor", TEXT, CiRunRow::actor), column("is_bot", BOOLEAN, CiRunRow::bot),
                    column("created_at", TIMESTAMPTZ, CiRunRow::createdAt),
                    column("started_at", TIMESTAMPTZ, CiRunRow::startedAt),
                    column("updated_at", TIMESTAMPTZ, CiRunRow::updatedAt),
                    column("duration_seconds", BIGINT, CiRunRow::durationSeconds),
                    column("url", TEXT, CiRunRow::url), column("revision", TEXT, CiRunRow::revision)));

    static final ReadModelTable<CiJobRow> CI_JOBS = ReadModelTable.snapshot("ci_job", CiJobRow.class,
            Set.of(ReadModel.CI_RUNS), 1,
            List.of(column("job_id", BIGINT, CiJobRow::jobId), column("run_id", BIGINT, CiJobRow::runId),
                    column("run_attempt", INT, CiJobRow::runAttempt), column("repo_id", BIGINT, CiJobRow::repoId),
                    column("repo", TEXT, CiJobRow::repo), column("workflow", TEXT, CiJobRow::workflow),
                    column("name", TEXT, CiJobRow::name), column("status", TEXT, CiJobRow::status),
                    column("conclusion", TEXT, CiJobRow::conclusion),
                    column("head_branch", TEXT, CiJobRow::headBranch), column("head_sha", TEXT, CiJobRow::headSha),
                    column("created_at", TIMESTAMPTZ, CiJobRow::createdAt),
                    column("started_at", TIMESTAMPTZ, CiJobRow::startedAt),
                    column("completed_at", TIMESTAMPTZ, CiJobRow::completedAt),
                    column("duration_seconds", BIGINT, CiJobRow::durationSeconds),
                    column("runner_name", TEXT, CiJobRow::runnerName),
                    column("labels", TEXT_ARRAY, CiJobRow::labels), column("url", TEXT, CiJobRow::url),
                    column("revision", TEXT, CiJobRow::revision)));

    static final ReadModelTable<CiCheckRow> CI_CHECKS = ReadModelTable.snapshot("ci_check", CiCheckRow.class,
            Set.of(ReadModel.CI_RUNS), 1,
            List.of(column("check_run_id", BIGINT, CiCheckRow::checkRunId),
                    column("repo_id", BIGINT, CiCheckRow::repoId), column("repo", TEXT, CiCheckRow::repo),
                    column("name", TEXT, CiCheckRow::name), column("app", TEXT, CiCheckRow::app),
                    column("status", TEXT, CiCheckRow::status), column("conclusion", TEXT, CiCheckRow::conclusion),
                    column("head_branch", TEXT, CiCheckRow::headBranch),
                    column("head_sha", TEXT, CiCheckRow::headSha),
                    column("started_at", TIMESTAMPTZ, CiCheckRow::startedAt),
                    column("completed_at", TIMESTAMPTZ, CiCheckRow::completedAt),
                    column("duration_seconds", BIGINT, CiCheckRow::durationSeconds),
                    column("url", TEXT, CiCheckRow::url), column("revision", TEXT, CiCheckRow::revision)));

    static final ReadModelTable<DeploymentRow> DEPLOYMENTS = ReadModelTable.snapshot("deployment",
            DeploymentRow.class, Set.of(), 1,
            List.of(column("deployment_id", BIGINT, DeploymentRow::deploymentId),
                    column("repo_id", BIGINT, DeploymentRow::repoId), column("repo", TEXT, DeploymentRow::repo),
                    column("environment", TEXT, DeploymentRow::environment), column("ref", TEXT, DeploymentRow::ref),
                    column("sha", TEXT, DeploymentRow::sha), column("task", TEXT, DeploymentRow::task),
                    column("creator", TEXT, DeploymentRow::creator), column("is_bot", BOOLEAN, DeploymentRow::bot),
                    column("created_at", TIMESTAMPTZ, DeploymentRow::createdAt),
                    column("updated_at", TIMESTAMPTZ, DeploymentRow::updatedAt),
                    column("revision", TEXT, DeploymentRow::revision)));

    static final ReadModelTable<DeploymentStatusRow> DEPLOYMENT_STATUSES = ReadModelTable.insertOnce(
            "deployment_status", DeploymentStatusRow.class, Set.of(), 1,
            List.of(column("status_id", BIGINT, DeploymentStatusRow::statusId),
                    column("deployment_id", BIGINT, DeploymentStatusRow::deploymentId),
                    column("state", TEXT, DeploymentStatusRow::state),
                    column("creator", TEXT, DeploymentStatusRow::creator),
                    column("environment", TEXT, DeploymentStatusRow::environment),
                    column("created_at", TIMESTAMPTZ, DeploymentStatusRow::createdAt)));

    /** A meeting, a participant session or who a participant is: the meetings and the attendance read differently. */
    static final ReadModelTable<MeetingRow> MEETINGS = ReadModelTable.mergedWithStored("meet_conference",
            MeetingRow.class, Set.of(ReadModel.MEETINGS),
            List.of(column("conference", TEXT, MeetingRow::conference), column("space", TEXT, MeetingRow::space),
                    column("started_at", TIMESTAMPTZ, MeetingRow::startedAt),
                    column("ended_at", TIMESTAMPTZ, MeetingRow::endedAt),
                    column("first_seen_at", TIMESTAMPTZ, MeetingRow::firstSeenAt)),
            row -> new MeetingRow((String) row[0], (String) row[1], instant(row[2]), instant(row[3]),
                    instant(row[4])),
            MeetingRow::mergedWith);

    static final ReadModelTable<ParticipantSessionRow> PARTICIPANT_SESSIONS = ReadModelTable.mergedWithStored(
            "meet_participant_session", ParticipantSessionRow.class, Set.of(ReadModel.MEETINGS),
            List.of(column("session", TEXT, ParticipantSessionRow::session),
                    column("participant", TEXT, ParticipantSessionRow::participant),
                    column("conference", TEXT, ParticipantSessionRow::conference),
                    column("joined_at", TIMESTAMPTZ, ParticipantSessionRow::joinedAt),
                    column("left_at", TIMESTAMPTZ, ParticipantSessionRow::leftAt)),
            row -> new ParticipantSessionRow((String) row[0], (String) row[1], (String) row[2], instant(row[3]),
                    instant(row[4])),
            ParticipantSessionRow::mergedWith);

    static final ReadModelTable<MeetParticipantRow> MEET_PARTICIPANTS = ReadModelTable.snapshot("meet_participant",
            MeetParticipantRow.class, Set.of(ReadModel.MEETINGS), 1,
            List.of(column("participant", TEXT, MeetParticipantRow::participant),
                    column("conference", TEXT, MeetParticipantRow::conference),
                    column("kind", TEXT, MeetParticipantRow::kind),
                    column("display_name", TEXT, MeetParticipantRow::displayName),
                    column("google_user", TEXT, MeetParticipantRow::googleUser),
                    column("earliest_start_time", TIMESTAMPTZ, MeetParticipantRow::earliestStartTime),
                    column("latest_end_time", TIMESTAMPTZ, MeetParticipantRow::latestEndTime),
                    column("revision", TEXT, MeetParticipantRow::revision)));

    /** The subscription's lifecycle is shown on the projector's own status (and logged for the operators). */
    static final ReadModelTable<SubscriptionEventRow> MEET_SUBSCRIPTIONS = ReadModelTable.snapshot(
            "meet_subscription", SubscriptionEventRow.class, Set.of(), 1,
            List.of(column("subscription", TEXT, SubscriptionEventRow::subscription),
                    column("event_type", TEXT, SubscriptionEventRow::eventType),
                    column("event_at", TIMESTAMPTZ, SubscriptionEventRow::eventAt),
                    column("expire_time", TIMESTAMPTZ, SubscriptionEventRow::expireTime),
                    column("state", TEXT, SubscriptionEventRow::state),
                    column("suspension_reason", TEXT, SubscriptionEventRow::suspensionReason),
                    column("revision", TEXT, SubscriptionEventRow::revision)));

    /** Every change of the point rules once; the latest is the one in force. */
    static final ReadModelTable<PointRulesRow> POINT_RULES = ReadModelTable.insertOnce("point_rules_change",
            PointRulesRow.class, Set.of(ReadModel.POINT_RULES), 1,
            List.of(column("delivery_id", TEXT, PointRulesRow::deliveryId),
                    column("changed_at", TIMESTAMPTZ, PointRulesRow::changedAt),
                    column("rules", TEXT, PointRulesRow::rules)));

    static final List<ReadModelTable<?>> ALL = List.of(REPOSITORIES, PEOPLE, ORG_MEMBERS, COMMITS, PUSHES,
            PULL_REQUESTS, REVIEWS, CI_RUNS, CI_JOBS, CI_CHECKS, DEPLOYMENTS, DEPLOYMENT_STATUSES, MEETINGS,
            PARTICIPANT_SESSIONS, MEET_PARTICIPANTS, MEET_SUBSCRIPTIONS, POINT_RULES);

    private ReadModelTables() {
    }
}
