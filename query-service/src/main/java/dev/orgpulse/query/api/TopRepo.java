package dev.orgpulse.query.api;

/** One repository of {@code GET /api/repos/top}: its feed items in the window. */
public record TopRepo(String repo, long count) {
}
