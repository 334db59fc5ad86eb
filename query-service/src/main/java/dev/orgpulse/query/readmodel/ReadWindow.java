package dev.orgpulse.query.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * What "in the window" means for one read: feed items since {@link #since()} (now minus the window),
 * and for the heatmap the {@link #days()} whole UTC days ending today.
 *
 * @param includeBots whether bots count in the people metrics
 */
public record ReadWindow(Instant now, int days, boolean includeBots) {

    public ReadWindow {
        if (days < 1) {
            throw new IllegalArgumentException("the window must span at least one day, not " + days);
        }
    }

    public OffsetDateTime since() {
        return now.minus(days, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC);
    }

    /** The first whole hour of the window: totals kept per hour count from here, the feed before it. */
    public OffsetDateTime firstWholeHour() {
        OffsetDateTime since = since();
        OffsetDateTime hour = since.truncatedTo(ChronoUnit.HOURS);
        return hour.equals(since) ? hour : hour.plusHours(1);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    public LocalDate firstDay() {
        return today().minusDays(days - 1L);
    }
}
