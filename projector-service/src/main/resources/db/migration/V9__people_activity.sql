-- Issue #9: a person's activity with the languages they worked in (/api/people/{login}/activity), and each project's
-- size (/api/projects).
--
-- Each commit keeps the languages of the files it added or modified, mapped by the fold (fold.Linguist, from GitHub
-- Linguist's data), not the paths themselves: history is kept for good and a push names up to thousands of files, while
-- the languages are a handful of words. A new edition of Linguist's data is a new FoldOutput.VERSION (a rebuild maps
-- history again). What existed before this migration gets its languages and sizes from that rebuild (FoldOutput 2).
ALTER TABLE git_commit ADD COLUMN languages TEXT[] NOT NULL DEFAULT '{}';

-- GitHub's size of the repository in kilobytes, as the newest picture of it says (every event carries it).
ALTER TABLE repository ADD COLUMN size_kb BIGINT;

-- One person's commits and daily activity in the window.
CREATE INDEX git_commit_author ON git_commit (author_login, committed_at);
CREATE INDEX daily_activity_dev ON daily_activity (dev, day);
