-- Google Meet: meetings (conference records) and their participants' sessions from the Workspace events, who the
-- participants are from the Meet REST API's answers the enricher appends, and the lifecycle of the Workspace Events
-- subscription that delivers it all. Natural keys are Meet's resource names, so an event folded twice (Pub/Sub
-- delivers at least once; a repeated event has a new message id) or out of order ends in the same row.
--
-- Earlier folds kept the Pub/Sub and Meet API records as ignored. Each partition is rewound to its first such record
-- and their processed marks dropped, so they are folded now; the GitHub records in between are folded before (their
-- delivery ids are in processed_delivery) and have no second effect.
UPDATE checkpoint c
SET next_offset = first_meet.record_offset, updated_at = now()
FROM (SELECT partition_id, min(record_offset) AS record_offset
      FROM processed_delivery WHERE source IN ('pubsub', 'meet-api')
      GROUP BY partition_id) first_meet
WHERE c.topic = 'orgpulse-events' AND c.partition_id = first_meet.partition_id
  AND c.next_offset > first_meet.record_offset;
DELETE FROM processed_delivery WHERE source IN ('pubsub', 'meet-api');

-- One row per conference, merged from its events (fold.MeetingRow#mergedWith): the earliest start and the latest end
-- any event told, whatever order they came in.
CREATE TABLE meet_conference (
    conference    TEXT PRIMARY KEY, -- conferenceRecords/<id>
    space         TEXT,             -- spaces/<id>, where it was held
    started_at    TIMESTAMPTZ,      -- null until its started event is folded
    ended_at      TIMESTAMPTZ,      -- null while it runs (or until its ended event is folded)
    first_seen_at TIMESTAMPTZ NOT NULL -- the earliest time any of its events carries: dates it while started_at is null
);
CREATE INDEX meet_conference_start ON meet_conference ((coalesce(started_at, first_seen_at)));

-- One row per participant session (one stretch from joining to leaving), merged likewise
-- (fold.ParticipantSessionRow#mergedWith): a left folded before its joined ends in the same row.
CREATE TABLE meet_participant_session (
    session     TEXT PRIMARY KEY, -- conferenceRecords/<c>/participants/<p>/participantSessions/<s>
    participant TEXT NOT NULL,    -- conferenceRecords/<c>/participants/<p>
    conference  TEXT NOT NULL,    -- conferenceRecords/<c>
    joined_at   TIMESTAMPTZ,      -- null until its joined event is folded
    left_at     TIMESTAMPTZ       -- null while the participant is in (or until its left event is folded)
);
CREATE INDEX meet_participant_session_conference ON meet_participant_session (conference);

-- Who each participant is, from the Meet REST API's answer on the log (source meet-api); the newest answer wins.
CREATE TABLE meet_participant (
    participant         TEXT PRIMARY KEY, -- conferenceRecords/<c>/participants/<p>
    conference          TEXT        NOT NULL,
    kind                TEXT        NOT NULL, -- signed_in | anonymous | phone | unknown
    display_name        TEXT,
    google_user         TEXT,                 -- users/<id> of a signed-in user: the same person across meetings
    earliest_start_time TIMESTAMPTZ,
    latest_end_time     TIMESTAMPTZ,
    revision            TEXT        NOT NULL  -- the answer's latest time, then content (see fold.Revision)
);

-- The latest lifecycle event of each Workspace Events subscription (expiration reminder, suspended, expired), shown
-- by the projector's /admin/status so that operators renew the subscription before Meet's events stop.
CREATE TABLE meet_subscription (
    subscription      TEXT PRIMARY KEY, -- subscriptions/<id>
    event_type        TEXT        NOT NULL, -- google.workspace.events.subscription.v1.<expirationReminder|suspended|expired>
    event_at          TIMESTAMPTZ NOT NULL,
    expire_time       TIMESTAMPTZ,
    state             TEXT,
    suspension_reason TEXT,
    revision          TEXT        NOT NULL  -- the event's time, then expired > suspended > reminder, then content
);
