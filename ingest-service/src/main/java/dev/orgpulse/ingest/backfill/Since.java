package dev.orgpulse.ingest.backfill;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code since} of a backfill request: {@code 90d} (days back from now), a date (UTC midnight) or an instant. */
final class Since {

    private static final Pattern DAYS = Pattern.compile("(\\d{1,5})d");

    private Since() {
    }

    /** @throws IllegalArgumentException when the text is none of the three, or in the future */
    static Instant parse(String text, Instant now) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("since is required: 90d, 2026-01-31 or 2026-01-31T00:00:00Z");
        }
        String value = text.strip();
        Instant since;
        Matcher days = DAYS.matcher(value);
        try {
            if (days.matches()) {
                since = now.minus(Duration.ofDays(Long.parseLong(days.group(1))));
            } else if (value.length() == 10) {
                since = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                since = Instant.parse(value);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("since \"" + value + "\" is not 90d, 2026-01-31 or 2026-01-31T00:00:00Z");
        }
        if (since.isAfter(now)) {
            throw new IllegalArgumentException("since " + since + " is in the future");
        }
        return since;
    }
}
