package dev.orgpulse.query.api;

/**
 * One person of {@code GET /api/contributors/active} (codewall shape): when they were last active,
 * what they did then and where, and how many feed items they have in the window.
 */
public record ActiveContributor(String login, String name, String avatar, long lastActive, String kind, String repo,
        long count) {
}
