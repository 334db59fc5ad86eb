package dev.orgpulse.projector.deadletter;

import java.util.List;

/** One page of {@code GET /admin/dead-letters}, oldest first. */
public record DeadLetterPage(long total, int page, int size, List<DeadLetter> items) {
}
