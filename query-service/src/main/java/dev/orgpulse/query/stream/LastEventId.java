package dev.orgpulse.query.stream;

import java.util.OptionalLong;

/** Reads the {@code Last-Event-ID} a reconnecting client sends: a feed id, or nothing worth resuming from. */
public final class LastEventId {

    private LastEventId() {
    }

    public static OptionalLong parse(String header) {
        if (header == null || header.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            long id = Long.parseLong(header.trim());
            return id >= 0 ? OptionalLong.of(id) : OptionalLong.empty();
        } catch (NumberFormatException notOurs) {
            return OptionalLong.empty();
        }
    }
}
