package dev.orgpulse.projector.fold;

import java.util.Locale;

/**
 * The kinds of feed items. The names on the wire are the lower-case constant names; the first five follow
 * nilicule/codewall ({@code commit}, {@code opened}, {@code merged}, ...). An <em>activity</em> is work a
 * person did on code or with people (commits, pull requests, reviews, comments, issues, releases): activities
 * make the people metrics (stats, contributors, top repositories, heatmap). The other kinds are shown in the
 * feed only: they tell what happened around the work (drafts made ready, branches, CI, deployments, repositories).
 */
public enum FeedKind {
    COMMIT(true),
    OPENED(true),
    MERGED(true),
    CLOSED(true),
    REOPENED(true),
    REVIEW(true),
    REVIEW_COMMENT(true),
    COMMENT(true),
    ISSUE_OPENED(true),
    ISSUE_CLOSED(true),
    ISSUE_REOPENED(true),
    RELEASE(true),
    /** A draft pull request marked ready for review: where its wait for a first review starts. */
    READY_FOR_REVIEW(false),
    BRANCH_CREATED(false),
    BRANCH_DELETED(false),
    TAG_CREATED(false),
    TAG_DELETED(false),
    FORCE_PUSHED(false),
    CI_FAILED(false),
    DEPLOYMENT(false),
    REPO_CREATED(false),
    REPO_RENAMED(false),
    REPO_ARCHIVED(false),
    REPO_UNARCHIVED(false),
    REPO_TRANSFERRED(false),
    REPO_DELETED(false);

    private final boolean activity;

    FeedKind(boolean activity) {
        this.activity = activity;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether items of this kind count in the people metrics. */
    public boolean activity() {
        return activity;
    }
}
