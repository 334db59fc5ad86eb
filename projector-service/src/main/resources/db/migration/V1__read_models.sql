-- Read models of OrgPulse, owned by the projector. Table names are never schema-qualified in code:
-- a read-model version lives in its own schema and is chosen through the connection's search_path.

-- Where the fold stands: the next offset to read per partition, written in the same transaction
-- as the batch it describes.
CREATE TABLE checkpoint (
    consumer_group TEXT        NOT NULL,
    topic          TEXT        NOT NULL,
    partition_id   INT         NOT NULL,
    next_offset    BIGINT      NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (consumer_group, topic, partition_id)
);

-- Every delivery folded once: a redelivered delivery id has no second effect.
CREATE TABLE processed_delivery (
    delivery_id   TEXT PRIMARY KEY,
    source        TEXT        NOT NULL,
    event_type    TEXT        NOT NULL,
    partition_id  INT         NOT NULL,
    record_offset BIGINT      NOT NULL,
    outcome       TEXT        NOT NULL, -- folded | ignored
    folded_at     TIMESTAMPTZ NOT NULL
);

-- Records that could not be folded: kept with their position and reason, the fold moves on.
CREATE TABLE dead_letter (
    id            BIGSERIAL PRIMARY KEY,
    topic         TEXT        NOT NULL,
    partition_id  INT         NOT NULL,
    record_offset BIGINT      NOT NULL,
    delivery_id   TEXT,
    event_type    TEXT,
    reason        TEXT        NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (topic, partition_id, record_offset)
);

-- People seen in deliveries (GitHub logins), with what GitHub told us last.
CREATE TABLE person (
    login      TEXT PRIMARY KEY,
    name       TEXT,
    avatar_url TEXT,
    is_bot     BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at TIMESTAMPTZ NOT NULL
);

-- Each distinct commit once, whichever push brought it first.
CREATE TABLE git_commit (
    sha          TEXT PRIMARY KEY,
    repo         TEXT        NOT NULL,
    author_login TEXT        NOT NULL, -- GitHub login, or the author's name when the commit has none
    author_name  TEXT,
    message      TEXT        NOT NULL, -- first line
    committed_at TIMESTAMPTZ NOT NULL,
    branch       TEXT,
    is_bot       BOOLEAN     NOT NULL DEFAULT FALSE,
    delivery_id  TEXT        NOT NULL
);
CREATE INDEX git_commit_committed_at ON git_commit (committed_at);

CREATE TABLE pull_request (
    repo         TEXT        NOT NULL,
    number       INT         NOT NULL,
    title        TEXT        NOT NULL,
    author_login TEXT        NOT NULL,
    is_bot       BOOLEAN     NOT NULL DEFAULT FALSE,
    state        TEXT        NOT NULL, -- open | closed | merged
    draft        BOOLEAN     NOT NULL DEFAULT FALSE,
    opened_at    TIMESTAMPTZ NOT NULL,
    merged_at    TIMESTAMPTZ,
    closed_at    TIMESTAMPTZ,
    updated_at   TIMESTAMPTZ NOT NULL, -- the payload's updated_at: a later one never loses to an earlier one
    PRIMARY KEY (repo, number)
);

-- The activity feed (codewall's events): one row per thing a person did. natural_key makes the
-- same fact arriving twice (redelivery, overlapping pushes) one row; id is the SSE event id.
CREATE TABLE feed_item (
    id          BIGSERIAL PRIMARY KEY,
    natural_key TEXT        NOT NULL UNIQUE,
    occurred_at TIMESTAMPTZ NOT NULL,
    kind        TEXT        NOT NULL,
    dev         TEXT        NOT NULL,
    repo        TEXT        NOT NULL,
    message     TEXT        NOT NULL,
    is_bot      BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX feed_item_occurred_at ON feed_item (occurred_at);

-- One row: which read-model version this is and when it last changed (shown by /healthz).
CREATE TABLE read_model_status (
    id         INT PRIMARY KEY CHECK (id = 1),
    version    TEXT        NOT NULL,
    updated_at TIMESTAMPTZ
);
INSERT INTO read_model_status (id, version, updated_at) VALUES (1, 'v1', NULL);
