-- What each batch of the fold maintained that no reader uses (issue #8: the write's cost in PostgreSQL, per row).
-- Nothing the fold produces changes: no FoldOutput.VERSION bump, no rebuild.
--
-- A feed item is written only for a fact that feed_fact took in the same transaction (feed_fact's key is unique), and
-- no query looks items up by their natural key: the unique index cost an index entry and a speculative insertion per
-- item (readmodel.FeedWrites.ITEMS is a plain insert now).
ALTER TABLE feed_item DROP CONSTRAINT feed_item_natural_key_key;
-- Every query of commits names the repository (git_commit_repo) or the author (git_commit_author) first, or reads them
-- all: none looks commits up by committed_at alone.
DROP INDEX git_commit_committed_at;
