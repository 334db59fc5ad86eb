package dev.orgpulse.query.readmodel;

import java.util.Optional;

/**
 * What the CI wall shows of {@code GET /api/ci/runs}: each present value must match exactly.
 *
 * @param repo {@code owner/name} as the repository is called now
 */
public record CiRunFilter(Optional<String> repo, Optional<String> workflow, Optional<String> branch,
        Optional<String> status, Optional<String> conclusion, Optional<String> actor) {
}
