-- What /api/stats counts, kept up to date by the fold (readmodel.FeedWrites) so that answering it after each change
-- notice costs the same whatever the window holds (issue #8): it read every feed item of the window before.

-- When each repository (subject_kind 'repo', subject its id) and each person ('dev', the login) was last active,
-- by people and by bots apart (bots count only when ORGPULSE_INCLUDE_BOTS says so).
CREATE TABLE last_active (
    subject_kind TEXT        NOT NULL,
    subject      TEXT        NOT NULL,
    is_bot       BOOLEAN     NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (subject_kind, subject, is_bot)
);
CREATE INDEX last_active_since ON last_active (subject_kind, at);

-- Commits (activity facts of kind 'commit') per hour; the window's first, partial hour is counted from feed_item.
CREATE TABLE hourly_commits (
    hour    TIMESTAMPTZ NOT NULL,
    is_bot  BOOLEAN     NOT NULL,
    commits INT         NOT NULL,
    PRIMARY KEY (hour, is_bot)
);

-- From the facts folded so far (feed_fact keeps them all, trimmed from the feed or not).
INSERT INTO last_active (subject_kind, subject, is_bot, at)
SELECT 'repo', repo_id::text, is_bot, max(occurred_at) FROM feed_fact
WHERE is_activity AND repo_id IS NOT NULL GROUP BY repo_id, is_bot;
INSERT INTO last_active (subject_kind, subject, is_bot, at)
SELECT 'dev', dev, is_bot, max(occurred_at) FROM feed_fact WHERE is_activity GROUP BY dev, is_bot;
INSERT INTO hourly_commits (hour, is_bot, commits)
SELECT date_trunc('hour', occurred_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', is_bot, count(*) FROM feed_fact
WHERE is_activity AND kind = 'commit' GROUP BY 1, 2;

-- /api/stats counts merged pull requests by merged_at without reading the others.
CREATE INDEX pull_request_merged_at ON pull_request (merged_at) WHERE merged_at IS NOT NULL;
