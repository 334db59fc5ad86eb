package dev.orgpulse.query.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import dev.orgpulse.eventlog.FeedItem;

/** Writes read-model rows the way the projector would, with plain JDBC on the test database. */
public final class ReadModelRows {

    private ReadModelRows() {
    }

    /** What the read models say their version is (a projector's switch to another version, as readers see it). */
    public static void readModelVersion(String version) {
        update("UPDATE read_model_status SET version = ?", version);
    }

    public static void clear() {
        execute("TRUNCATE feed_item, feed_fact, daily_activity, last_active, hourly_commits, pull_request, pr_review, ci_run, ci_job, repository,"
                + " person, git_commit, deployment, deployment_status, meet_conference, meet_participant_session, meet_participant, meet_subscription,"
                + " daily_kind_activity, first_active, org_member, point_rules_change RESTART IDENTITY");
        execute("UPDATE read_model_status SET updated_at = NULL");
    }

    /**
     * An activity (a commit, a pull request opened, a review, a comment, ...) in {@code repo}, counted in its day.
     *
     * @return the feed id, which is also the item's SSE event id
     */
    public static long feedItem(Instant at, String kind, String dev, String repo, String message, boolean bot) {
        return feedItem(at, kind, dev, repositoryId(repo), repo, message, bot, true);
    }

    /**
     * A feed item as the projector writes it: a new activity is also counted in {@code daily_activity},
     * {@code last_active} and {@code hourly_commits}.
     *
     * @param repoId   the repository's stable id, through which its current name is shown
     * @param activity whether the kind counts in the people metrics ({@code ci_failed}, {@code branch_created}, ... do not)
     */
    public static long feedItem(Instant at, String kind, String dev, long repoId, String repo, String message,
            boolean bot, boolean activity) {
        return insertFeedItem(null, at, kind, dev, repoId, repo, message, bot, activity);
    }

    /** Where a feed item's record sits in the log: what the stream resumes from. */
    public record LogPlace(int partition, long offset, int index) {

        /** The position a stream client reaches once it has been sent this item. */
        public String reached() {
            return partition + "." + offset + "." + (index + 1);
        }

        /** The position a stream client reaches once it has been sent everything of this item's record. */
        public String pastRecord() {
            return partition + "." + (offset + 1) + ".0";
        }
    }

    /** The log only grows: every record a test writes items of gets an offset no earlier test used. */
    private static final AtomicLong NEXT_OFFSET = new AtomicLong(1);

    /** An offset of the log no item was written at yet (in any partition). */
    public static long nextOffset() {
        return NEXT_OFFSET.getAndIncrement();
    }

    /** The first of {@code count} consecutive offsets no item was written at yet (in any partition). */
    public static long nextOffsets(int count) {
        return NEXT_OFFSET.getAndAdd(count);
    }

    /** A feed item of a record of the log, to write with others in one transaction. */
    public record LoggedItem(LogPlace place, Instant at, String kind, String dev, String repo, String message,
            boolean bot) {
    }

    /**
     * A projector's batch: its feed items written in one transaction, with {@code beforeCommit} run inside it (so
     * that several writers commit in an order of their own).
     */
    public static void feedBatch(List<LoggedItem> items, Runnable beforeCommit) {
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO feed_item (natural_key, occurred_at, kind, dev, repo_id, repo, message, is_bot,
                                       is_activity, log_partition, log_offset, log_index)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?, ?)""")) {
            connection.setAutoCommit(false);
            for (LoggedItem item : items) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setTimestamp(2, Timestamp.from(item.at()));
                insert.setString(3, item.kind());
                insert.setString(4, item.dev());
                insert.setLong(5, repositoryId(item.repo()));
                insert.setString(6, item.repo());
                insert.setString(7, item.message());
                insert.setBoolean(8, item.bot());
                insert.setInt(9, item.place().partition());
                insert.setLong(10, item.place().offset());
                insert.setInt(11, item.place().index());
                insert.addBatch();
            }
            insert.executeBatch();
            beforeCommit.run();
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("feed batch not written", e);
        }
    }

    /** An activity folded from a record of the log: where it sits there is its place in the stream. */
    public static FeedItem feedItemAt(LogPlace place, Instant at, String kind, String dev, String repo, String message,
            boolean bot) {
        long id = insertFeedItem(place, at, kind, dev, repositoryId(repo), repo, message, bot, true);
        return new FeedItem(id, at.getEpochSecond(), kind, dev, repo, message);
    }

    private static long insertFeedItem(LogPlace place, Instant at, String kind, String dev, long repoId, String repo,
            String message, boolean bot, boolean activity) {
        try (Connection connection = connect();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO feed_item (natural_key, occurred_at, kind, dev, repo_id, repo, message, is_bot,
                                               is_activity, log_partition, log_offset, log_index)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setTimestamp(2, Timestamp.from(at));
            insert.setString(3, kind);
            insert.setString(4, dev);
            insert.setLong(5, repoId);
            insert.setString(6, repo);
            insert.setString(7, message);
            insert.setBoolean(8, bot);
            insert.setBoolean(9, activity);
            insert.setObject(10, place == null ? null : place.partition());
            insert.setObject(11, place == null ? null : place.offset());
            insert.setObject(12, place == null ? null : place.index());
            long id;
            try (ResultSet inserted = insert.executeQuery()) {
                inserted.next();
                id = inserted.getLong(1);
            }
            if (activity) {
                dailyActivity(LocalDate.ofInstant(at, ZoneOffset.UTC), repoId, dev, bot, 1);
                lastActive("repo", Long.toString(repoId), bot, at);
                lastActive("dev", dev, bot, at);
                update("""
                        INSERT INTO daily_kind_activity AS a (day, dev, kind, is_bot, items) VALUES (?, ?, ?, ?, 1)
                        ON CONFLICT (day, dev, kind, is_bot) DO UPDATE SET items = a.items + 1""",
                        LocalDate.ofInstant(at, ZoneOffset.UTC), dev, kind, bot);
                update("""
                        INSERT INTO first_active AS a (dev, is_bot, at) VALUES (?, ?, ?)
                        ON CONFLICT (dev, is_bot) DO UPDATE SET at = LEAST(a.at, EXCLUDED.at)""",
                        dev, bot, Timestamp.from(at));
                if (kind.equals("commit")) {
                    update("""
                            INSERT INTO hourly_commits AS h (hour, is_bot, commits) VALUES (?, ?, 1)
                            ON CONFLICT (hour, is_bot) DO UPDATE SET commits = h.commits + 1""",
                            Timestamp.from(at.truncatedTo(ChronoUnit.HOURS)), bot);
                }
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("feed item not written", e);
        }
    }

    private static void lastActive(String subjectKind, String subject, boolean bot, Instant at) {
        update("""
                INSERT INTO last_active AS a (subject_kind, subject, is_bot, at) VALUES (?, ?, ?, ?)
                ON CONFLICT (subject_kind, subject, is_bot) DO UPDATE SET at = GREATEST(a.at, EXCLUDED.at)""",
                subjectKind, subject, bot, Timestamp.from(at));
    }

    /** A fact the feed was given, kept beyond the feed's window (as {@code ready_for_review} facts are read). */
    public static void feedFact(String naturalKey, String kind, Instant at, String dev, String repo) {
        update("""
                INSERT INTO feed_fact (natural_key, kind, occurred_at, dev, repo_id, is_bot, is_activity)
                VALUES (?, ?, ?, ?, ?, FALSE, FALSE)""", naturalKey, kind, Timestamp.from(at), dev, repositoryId(repo));
    }

    /** Activities counted for a day, as the projector counts them (they stay when the feed is trimmed). */
    public static void dailyActivity(LocalDate day, long repoId, String dev, boolean bot, int items) {
        update("""
                INSERT INTO daily_activity AS a (day, repo_id, dev, is_bot, items) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (day, repo_id, dev, is_bot) DO UPDATE SET items = a.items + EXCLUDED.items""",
                day, repoId, dev, bot, items);
    }

    /** The repository table's row: the name {@code repoId} has now. */
    public static void repository(long repoId, String fullName) {
        update("""
                INSERT INTO repository (id, full_name, archived, private, deleted, revision)
                VALUES (?, ?, FALSE, FALSE, FALSE, '')""", repoId, fullName);
    }

    /** A repository as the projector pictures it: its current name, primary language, and whether it was deleted. */
    public static void repository(String fullName, String language, boolean deleted) {
        repository(fullName, language, null, deleted);
    }

    /** A repository as the projector pictures it, with GitHub's size of it in kilobytes. */
    public static void repository(String fullName, String language, Long sizeKb, boolean deleted) {
        update("""
                INSERT INTO repository (id, full_name, language, size_kb, archived, private, deleted, revision)
                VALUES (?, ?, ?, ?, FALSE, FALSE, ?, '')""", repositoryId(fullName), fullName, language, sizeKb,
                deleted);
    }

    /** The id a test repository has: one per name. */
    public static long repositoryId(String repo) {
        return UUID.nameUUIDFromBytes(repo.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits() & Long.MAX_VALUE;
    }

    public static void person(String login, String name, String avatarUrl, boolean bot) {
        update("INSERT INTO person (login, name, avatar_url, is_bot, updated_at) VALUES (?, ?, ?, ?, now())",
                login, name, avatarUrl, bot);
    }

    public static void pullRequest(String repo, int number, String author, boolean bot, String state, Instant openedAt,
            Instant mergedAt) {
        update("""
                INSERT INTO pull_request (repo_id, number, repo, title, pr_type, author_login, is_bot, state, draft,
                                          labels, requested_reviewers, opened_at, merged_at, updated_at, revision)
                VALUES (?, ?, ?, ?, 'other', ?, ?, ?, FALSE, '{}', '{}', ?, ?, now(), '')""",
                repositoryId(repo), number, repo, "PR " + number, author, bot, state, Timestamp.from(openedAt),
                mergedAt == null ? null : Timestamp.from(mergedAt));
    }

    /**
     * A pull request with everything the metrics read.
     *
     * @param type what its title says: feat, fix, refactor, chore, docs, test or other
     */
    public static void pullRequest(String repo, int number, String type, String author, String state, boolean draft,
            Instant openedAt, Instant mergedAt, Instant closedAt, Integer additions, Integer deletions,
            String... requestedReviewers) {
        update("""
                INSERT INTO pull_request (repo_id, number, repo, title, pr_type, author_login, is_bot, state, draft,
                                          additions, deletions, labels, requested_reviewers, opened_at, merged_at,
                                          closed_at, updated_at, revision)
                VALUES (?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?, '{}', ?, ?, ?, ?, now(), '')""",
                repositoryId(repo), number, repo, "PR " + number, type, author, state, draft, additions, deletions,
                requestedReviewers, timestamp(openedAt), timestamp(mergedAt), timestamp(closedAt));
    }

    public static void review(String repo, int number, long reviewId, String reviewer, String state, Instant submittedAt) {
        update("""
                INSERT INTO pr_review (review_id, repo_id, repo, pr_number, reviewer, is_bot, state, dismissed, submitted_at)
                VALUES (?, ?, ?, ?, ?, FALSE, ?, FALSE, ?)""",
                reviewId, repositoryId(repo), repo, number, reviewer, state, Timestamp.from(submittedAt));
    }

    public static void ciRun(String repo, long runId, int attempt, String status, String conclusion, String actor,
            boolean bot, Instant startedAt, Instant updatedAt) {
        ciRun(repo, "build", "main", runId, attempt, status, conclusion, actor, bot, startedAt, updatedAt);
    }

    /** A workflow run attempt; a completed one lasted from its start to its last update. */
    public static void ciRun(String repo, String workflow, String branch, long runId, int attempt, String status,
            String conclusion, String actor, boolean bot, Instant startedAt, Instant updatedAt) {
        update("""
                INSERT INTO ci_run (run_id, run_attempt, repo_id, repo, workflow, status, conclusion, head_branch, actor,
                                    is_bot, started_at, updated_at, duration_seconds, revision)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')""",
                runId, attempt, repositoryId(repo), repo, workflow, status, conclusion, branch, actor, bot,
                Timestamp.from(startedAt), Timestamp.from(updatedAt),
                "completed".equals(status) ? updatedAt.getEpochSecond() - startedAt.getEpochSecond() : null);
    }

    public static void ciJob(String repo, long jobId, long runId, int attempt, String name, String conclusion,
            Instant startedAt, Instant completedAt) {
        update("""
                INSERT INTO ci_job (job_id, run_id, run_attempt, repo_id, repo, workflow, name, status, conclusion,
                                    started_at, completed_at, duration_seconds, runner_name, labels, revision)
                VALUES (?, ?, ?, ?, ?, 'build', ?, 'completed', ?, ?, ?, ?, 'runner-1', '{ubuntu-latest}', '')""",
                jobId, runId, attempt, repositoryId(repo), repo, name, conclusion, Timestamp.from(startedAt),
                Timestamp.from(completedAt), completedAt.getEpochSecond() - startedAt.getEpochSecond());
    }

    /** A commit pushed to {@code repo}, to its default branch or not. */
    public static void commit(String sha, String repo, String author, boolean bot, Instant committedAt,
            boolean onDefaultBranch) {
        commit(sha, repo, author, bot, committedAt, onDefaultBranch, List.of());
    }

    /** A commit pushed to {@code repo} with the languages the fold gave the files it added or modified. */
    public static void commit(String sha, String repo, String author, boolean bot, Instant committedAt,
            boolean onDefaultBranch, List<String> languages) {
        update("""
                INSERT INTO git_commit (sha, repo, repo_id, author_login, message, committed_at, branch, is_bot,
                                        delivery_id, on_default_branch, languages)
                VALUES (?, ?, ?, ?, ?, ?, 'main', ?, ?, ?, string_to_array(?, ','))""", sha, repo, repositoryId(repo),
                author, "commit " + sha, Timestamp.from(committedAt), bot, "delivery-" + sha, onDefaultBranch,
                String.join(",", languages));
    }

    public static void deployment(long deploymentId, String repo, String environment, Instant createdAt) {
        update("""
                INSERT INTO deployment (deployment_id, repo_id, repo, environment, ref, is_bot, created_at, updated_at,
                                        revision)
                VALUES (?, ?, ?, ?, 'main', FALSE, ?, ?, '')""", deploymentId, repositoryId(repo), repo, environment,
                Timestamp.from(createdAt), Timestamp.from(createdAt));
    }

    /** A status a deployment reached; its environment is the deployment's. */
    public static void deploymentStatus(long statusId, long deploymentId, String state, Instant createdAt) {
        update("""
                INSERT INTO deployment_status (status_id, deployment_id, state, created_at) VALUES (?, ?, ?, ?)""",
                statusId, deploymentId, state, Timestamp.from(createdAt));
    }

    /** A Meet conference as the projector merges it; {@code firstSeenAt} is the earliest time its events carry. */
    public static void meeting(String conference, String space, Instant startedAt, Instant endedAt,
            Instant firstSeenAt) {
        update("""
                INSERT INTO meet_conference (conference, space, started_at, ended_at, first_seen_at)
                VALUES (?, ?, ?, ?, ?)""", conference, space, timestamp(startedAt), timestamp(endedAt),
                timestamp(firstSeenAt));
    }

    /** A participant session of {@code participant} ({@code conferenceRecords/<c>/participants/<p>}), named {@code id}. */
    public static void participantSession(String participant, String id, Instant joinedAt, Instant leftAt) {
        update("""
                INSERT INTO meet_participant_session (session, participant, conference, joined_at, left_at)
                VALUES (?, ?, ?, ?, ?)""", participant + "/participantSessions/" + id, participant,
                participant.substring(0, participant.indexOf("/participants/")), timestamp(joinedAt),
                timestamp(leftAt));
    }

    /** Who a participant is, as the Meet API answered. */
    public static void meetParticipant(String participant, String kind, String displayName, String googleUser) {
        update("""
                INSERT INTO meet_participant (participant, conference, kind, display_name, google_user, revision)
                VALUES (?, ?, ?, ?, ?, '')""", participant, participant.substring(0, participant.indexOf("/participants/")),
                kind, displayName, googleUser);
    }

    /** A membership as the projector merges it from organization, membership and member events. */
    public static void orgMember(String login, Instant firstJoinedAt, Instant lastJoinedAt, Instant removedAt) {
        update("INSERT INTO org_member (login, first_joined_at, last_joined_at, removed_at) VALUES (?, ?, ?, ?)",
                login, timestamp(firstJoinedAt), timestamp(lastJoinedAt), timestamp(removedAt));
    }

    /** A change of the point rules, {@code rules} the record's JSON array. */
    public static void pointRulesChange(String deliveryId, Instant changedAt, String rules) {
        update("INSERT INTO point_rules_change (delivery_id, changed_at, rules) VALUES (?, ?, ?)", deliveryId,
                Timestamp.from(changedAt), rules);
    }

    public static void readModelUpdatedAt(Instant at) {
        update("UPDATE read_model_status SET updated_at = ? WHERE id = 1", Timestamp.from(at));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void update(String sql, Object... values) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The database {@code PostgresDatabaseResource} created for this application start. */
    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
