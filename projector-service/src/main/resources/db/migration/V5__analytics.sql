-- What the metrics endpoints of the query service (issue #9) read beyond V2, and the orders its lists use.
--
-- The folds changed meaning for three facts: a merged item is the pull request author's, an author's review of their
-- own pull request makes no review item, and a draft marked ready makes a ready_for_review item. Deliveries folded
-- from now on get the new meaning; history gets it from a re-fold (a new consumer group, see docs/operations.md).

-- /api/prs and /api/ci/runs list newest first.
CREATE INDEX pull_request_updated ON pull_request (updated_at DESC, repo_id, number);
CREATE INDEX ci_run_updated ON ci_run (updated_at DESC, run_id DESC, run_attempt DESC);

-- When each draft became ready for review: the ready_for_review facts, looked up by their key's pull request prefix
-- (pr-ready:<repo id>#<number>:<time>, a byte-order range). Facts are kept for good, unlike feed items.
CREATE INDEX feed_fact_ready_for_review ON feed_fact ((natural_key COLLATE "C")) WHERE kind = 'ready_for_review';

-- Reviews by reviewer (reviewer load, fastest reviewers) and deployments by environment (DORA).
CREATE INDEX pr_review_reviewer ON pr_review (reviewer, submitted_at);
CREATE INDEX deployment_status_state ON deployment_status (state, created_at);
