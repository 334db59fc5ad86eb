-- The GitHub read models: every event type that tells what people do is folded now, repositories are keyed by
-- their stable id (repository.id survives renames and transfers), and the feed keeps a rolling window while the
-- facts and the daily aggregate behind it stay.
--
-- The fold changed, so what V1's fold wrote is thrown away and rebuilt from the log: with no checkpoint left,
-- the projector folds every partition from offset 0 when it starts (the log is the source of truth, kept forever).
TRUNCATE checkpoint, processed_delivery, dead_letter, person, git_commit, feed_item RESTART IDENTITY;
UPDATE read_model_status SET updated_at = NULL;

-- Each repository by its id, as the newest picture of it says (a rename or transfer changes full_name, never id).
-- Every read model keys repositories by id and shows this full_name: history follows the new name whatever order
-- the partitions holding the old and the new record keys are folded in.
CREATE TABLE repository (
    id             BIGINT PRIMARY KEY,
    full_name      TEXT        NOT NULL,
    owner          TEXT,
    language       TEXT,
    default_branch TEXT,
    archived       BOOLEAN     NOT NULL,
    private        BOOLEAN     NOT NULL,
    deleted        BOOLEAN     NOT NULL,
    created_at     TIMESTAMPTZ,
    as_of          TIMESTAMPTZ, -- when this picture was true: the later of the payload's updated_at and pushed_at
    revision       TEXT        NOT NULL -- order of pictures: a greater one replaces the row (see fold.Revision)
);

ALTER TABLE git_commit
    ADD COLUMN repo_id           BIGINT  NOT NULL,
    ADD COLUMN author_email      TEXT,
    ADD COLUMN on_default_branch BOOLEAN NOT NULL; -- pushed to the default branch (by any push that brought it)
COMMENT ON COLUMN git_commit.repo IS 'the repository''s name when first pushed; shown through repository by repo_id';
CREATE INDEX git_commit_repo ON git_commit (repo_id, committed_at);

-- Each push once: a ref moved from before_sha to after_sha, whichever delivery brings it.
CREATE TABLE git_push (
    repo_id           BIGINT      NOT NULL,
    ref               TEXT        NOT NULL,
    before_sha        TEXT        NOT NULL,
    after_sha         TEXT        NOT NULL,
    repo              TEXT        NOT NULL,
    ref_type          TEXT        NOT NULL, -- branch | tag | other
    ref_name          TEXT        NOT NULL,
    pusher            TEXT,
    is_bot            BOOLEAN     NOT NULL,
    created           BOOLEAN     NOT NULL,
    deleted           BOOLEAN     NOT NULL,
    forced            BOOLEAN     NOT NULL,
    on_default_branch BOOLEAN     NOT NULL,
    commits           INT         NOT NULL, -- distinct commits it brought; none for tags and deletions
    pushed_at         TIMESTAMPTZ NOT NULL,
    delivery_id       TEXT        NOT NULL,
    PRIMARY KEY (repo_id, ref, before_sha, after_sha)
);

-- Pull requests by repository id and number, as the newest pull_request delivery pictures them.
DROP TABLE pull_request;
CREATE TABLE pull_request (
    repo_id             BIGINT      NOT NULL,
    number              INT         NOT NULL,
    repo                TEXT        NOT NULL, -- name as last pictured; shown through repository by repo_id
    pr_id               BIGINT,
    title               TEXT        NOT NULL,
    pr_type             TEXT        NOT NULL, -- feat | fix | refactor | chore | docs | test | other, from the title
    author_login        TEXT        NOT NULL,
    author_type         TEXT,
    is_bot              BOOLEAN     NOT NULL,
    state               TEXT        NOT NULL, -- open | closed | merged
    draft               BOOLEAN     NOT NULL,
    base_ref            TEXT,
    head_ref            TEXT,
    additions           INT,
    deletions           INT,
    changed_files       INT,
    commits             INT,
    labels              TEXT[]      NOT NULL,
    requested_reviewers TEXT[]      NOT NULL,
    opened_at           TIMESTAMPTZ NOT NULL,
    merged_at           TIMESTAMPTZ,
    closed_at           TIMESTAMPTZ,
    merged_by           TEXT,
    updated_at          TIMESTAMPTZ NOT NULL,
    revision            TEXT        NOT NULL, -- updated_at, then merged > closed > open, then content
    PRIMARY KEY (repo_id, number)
);
CREATE INDEX pull_request_state ON pull_request (state, merged_at);

-- Reviews by their id, whether or not the pull request's own events arrived yet.
CREATE TABLE pr_review (
    review_id    BIGINT PRIMARY KEY,
    repo_id      BIGINT      NOT NULL,
    repo         TEXT        NOT NULL,
    pr_number    INT         NOT NULL,
    reviewer     TEXT        NOT NULL,
    is_bot       BOOLEAN     NOT NULL,
    state        TEXT, -- approved | changes_requested | commented as submitted; null while only the dismissal is known
    dismissed    BOOLEAN     NOT NULL,
    submitted_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX pr_review_pull_request ON pr_review (repo_id, pr_number);

-- What the reviews say about each pull request, computed when read so that it never depends on which of a
-- pull request's and its reviews' deliveries came first. Reviews by the author (replies in threads) do not count;
-- approvals are the reviewers whose latest standing review (approved or changes requested, not dismissed) approves.
CREATE VIEW pull_request_overview AS
SELECT pr.*,
       coalesce(pr.additions, 0) + coalesce(pr.deletions, 0) AS size_lines,
       reviews.first_review_at,
       coalesce(reviews.review_count, 0) AS review_count,
       coalesce(approvals.approvals, 0) AS approvals
FROM pull_request pr
LEFT JOIN LATERAL (
    SELECT min(r.submitted_at) AS first_review_at, count(*) AS review_count
    FROM pr_review r
    WHERE r.repo_id = pr.repo_id AND r.pr_number = pr.number AND r.reviewer <> pr.author_login
      AND r.state IS NOT NULL
) reviews ON TRUE
LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE standing.state = 'approved') AS approvals
    FROM (SELECT DISTINCT ON (r.reviewer) r.state
          FROM pr_review r
          WHERE r.repo_id = pr.repo_id AND r.pr_number = pr.number AND r.reviewer <> pr.author_login
            AND r.state IN ('approved', 'changes_requested') AND NOT r.dismissed
          ORDER BY r.reviewer, r.submitted_at DESC, r.review_id DESC) standing
) approvals ON TRUE;

-- GitHub Actions: one row per run attempt, per job, and per check run of any app, each at its furthest status.
CREATE TABLE ci_run (
    run_id           BIGINT      NOT NULL,
    run_attempt      INT         NOT NULL,
    repo_id          BIGINT      NOT NULL,
    repo             TEXT        NOT NULL,
    workflow_id      BIGINT,
    workflow         TEXT        NOT NULL,
    run_number       INT,
    event            TEXT,
    status           TEXT        NOT NULL, -- requested | queued | waiting | pending | in_progress | completed
    conclusion       TEXT,
    head_branch      TEXT,
    head_sha         TEXT,
    actor            TEXT,
    is_bot           BOOLEAN     NOT NULL,
    created_at       TIMESTAMPTZ,
    started_at       TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ NOT NULL,
    duration_seconds BIGINT, -- from start to last update, once completed
    url              TEXT,
    revision         TEXT        NOT NULL, -- status progress, then updated_at, then content
    PRIMARY KEY (run_id, run_attempt)
);
CREATE INDEX ci_run_repo ON ci_run (repo_id, updated_at);

CREATE TABLE ci_job (
    job_id           BIGINT PRIMARY KEY,
    run_id           BIGINT      NOT NULL,
    run_attempt      INT         NOT NULL,
    repo_id          BIGINT      NOT NULL,
    repo             TEXT        NOT NULL,
    workflow         TEXT,
    name             TEXT        NOT NULL,
    status           TEXT        NOT NULL,
    conclusion       TEXT,
    head_branch      TEXT,
    head_sha         TEXT,
    created_at       TIMESTAMPTZ,
    started_at       TIMESTAMPTZ,
    completed_at     TIMESTAMPTZ,
    duration_seconds BIGINT,
    runner_name      TEXT,
    labels           TEXT[]      NOT NULL,
    url              TEXT,
    revision         TEXT        NOT NULL
);
CREATE INDEX ci_job_run ON ci_job (run_id, run_attempt);

CREATE TABLE ci_check (
    check_run_id     BIGINT PRIMARY KEY,
    repo_id          BIGINT      NOT NULL,
    repo             TEXT        NOT NULL,
    name             TEXT        NOT NULL,
    app              TEXT,
    status           TEXT        NOT NULL,
    conclusion       TEXT,
    head_branch      TEXT,
    head_sha         TEXT,
    started_at       TIMESTAMPTZ,
    completed_at     TIMESTAMPTZ,
    duration_seconds BIGINT,
    url              TEXT,
    revision         TEXT        NOT NULL
);

-- Deployments by id (newest picture) and every status they reached (by status id); the latest status is theirs.
CREATE TABLE deployment (
    deployment_id BIGINT PRIMARY KEY,
    repo_id       BIGINT      NOT NULL,
    repo          TEXT        NOT NULL,
    environment   TEXT,
    ref           TEXT,
    sha           TEXT,
    task          TEXT,
    creator       TEXT,
    is_bot        BOOLEAN     NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    revision      TEXT        NOT NULL
);

CREATE TABLE deployment_status (
    status_id     BIGINT PRIMARY KEY,
    deployment_id BIGINT      NOT NULL,
    state         TEXT        NOT NULL, -- success | failure | error | inactive | in_progress | queued | pending
    creator       TEXT,
    environment   TEXT,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX deployment_status_deployment ON deployment_status (deployment_id, created_at);

CREATE VIEW deployment_overview AS
SELECT d.*, latest.state AS status, latest.created_at AS status_at
FROM deployment d
LEFT JOIN LATERAL (
    SELECT s.state, s.created_at FROM deployment_status s
    WHERE s.deployment_id = d.deployment_id
    ORDER BY s.created_at DESC, s.status_id DESC LIMIT 1
) latest ON TRUE;

-- Every fact the feed was given, kept for good: the feed itself keeps only the rolling window (older items are
-- trimmed), so this is what makes a fact arriving again (a redelivery, a backfill) after its item was trimmed
-- have no second effect, and what daily_activity counts. Narrow on purpose: no message.
CREATE TABLE feed_fact (
    natural_key TEXT PRIMARY KEY,
    kind        TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    dev         TEXT        NOT NULL,
    repo_id     BIGINT,
    is_bot      BOOLEAN     NOT NULL,
    is_activity BOOLEAN     NOT NULL
);

ALTER TABLE feed_item
    ADD COLUMN repo_id     BIGINT,
    ADD COLUMN is_activity BOOLEAN NOT NULL DEFAULT TRUE; -- counts in the people metrics (see docs/api.md kinds)
COMMENT ON COLUMN feed_item.repo IS 'the repository''s name as delivered; shown through repository by repo_id';

-- Activities per UTC day, repository and person: what the heatmap reads, and what outlives the feed's window.
-- One per new fact in feed_fact, so it is exactly as rebuildable as the facts.
CREATE TABLE daily_activity (
    day     DATE    NOT NULL,
    repo_id BIGINT  NOT NULL,
    dev     TEXT    NOT NULL,
    is_bot  BOOLEAN NOT NULL,
    items   INT     NOT NULL,
    PRIMARY KEY (day, repo_id, dev, is_bot)
);
