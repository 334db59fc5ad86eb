package dev.orgpulse.query.readmodel;

import java.util.Optional;

/**
 * Narrows a read to one person and/or one repository (by its current name), for the people and repository pages.
 * A record, so that it keys the read-model caches by value.
 */
public record Filter(Optional<String> dev, Optional<String> repo) {

    public static final Filter NONE = new Filter(Optional.empty(), Optional.empty());

    /** From query parameters: null or blank means no narrowing. */
    public static Filter of(String dev, String repo) {
        return new Filter(present(dev), present(repo));
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }
}
