-- The leaderboard (issue #9): points are counts of activities times the point rules in force when it is read, so a
-- rule change applies to all history at once and a rebuild scores alike (the rules are records on the log).
-- The members (issue #9): who joined or left the organisation, and since when each person is known to be active.

-- Activities per UTC day, person and kind (readmodel.FeedWrites, one per new fact in feed_fact, like daily_activity).
CREATE TABLE daily_kind_activity (
    day    DATE    NOT NULL,
    dev    TEXT    NOT NULL,
    kind   TEXT    NOT NULL, -- the feed item kind (docs/api.md): commit, opened, merged, review, ...
    is_bot BOOLEAN NOT NULL,
    items  INT     NOT NULL,
    PRIMARY KEY (day, dev, kind, is_bot)
);

-- When each person was first active (an activity fact), by people and by bots apart, like last_active.
CREATE TABLE first_active (
    dev    TEXT        NOT NULL,
    is_bot BOOLEAN     NOT NULL,
    at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (dev, is_bot)
);

-- From the facts folded so far (feed_fact keeps them all, trimmed from the feed or not).
INSERT INTO daily_kind_activity (day, dev, kind, is_bot, items)
SELECT (occurred_at AT TIME ZONE 'UTC')::date, dev, kind, is_bot, count(*) FROM feed_fact
WHERE is_activity GROUP BY 1, 2, 3, 4;
INSERT INTO first_active (dev, is_bot, at)
SELECT dev, is_bot, min(occurred_at) FROM feed_fact WHERE is_activity GROUP BY dev, is_bot;

-- Membership of the organisation from organization, membership and member events (fold.OrgMemberRow), merged in any
-- order: the earliest and the latest join, the latest removal. Times are when the ingest received the event. Filled
-- for the events folded before by the rebuild that FoldOutput 2 starts.
CREATE TABLE org_member (
    login           TEXT PRIMARY KEY,
    first_joined_at TIMESTAMPTZ,
    last_joined_at  TIMESTAMPTZ,
    removed_at      TIMESTAMPTZ
);

-- Every change of the point rules (source admin, event type point_rules): the whole rule set as its JSON array. The
-- latest by changed_at (then delivery_id) is in force; none means the defaults (event-log PointRules.DEFAULTS).
CREATE TABLE point_rules_change (
    delivery_id TEXT PRIMARY KEY,
    changed_at  TIMESTAMPTZ NOT NULL,
    rules       TEXT        NOT NULL
);
CREATE INDEX point_rules_change_latest ON point_rules_change (changed_at DESC, delivery_id DESC);
