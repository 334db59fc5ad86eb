package dev.orgpulse.query.api;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The encoded answer of the totals the stats cache holds now. The cache hands out the same {@link Stats} instance
 * until a change notice empties it, so one identity check tells whether the last encoding still stands.
 */
@ApplicationScoped
public class StatsAnswers {

    private final ObjectMapper json;
    private volatile StatsAnswer last;

    public StatsAnswers(ObjectMapper json) {
        this.json = json;
    }

    StatsAnswer of(Stats stats) {
        StatsAnswer known = last;
        if (known != null && known.stats() == stats) {
            return known;
        }
        StatsAnswer encoded = StatsAnswer.of(stats, json);
        last = encoded;
        return encoded;
    }
}
