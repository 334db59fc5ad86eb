package dev.orgpulse.query.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void percentilesAreTheNearestRankOfTheSortedValues() {
        assertEquals(new Spread(5L, 9L, 10), Spread.of(List.of(10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L)));
        assertEquals(new Spread(20L, 30L, 3), Spread.of(List.of(30L, 10L, 20L)));
        assertEquals(new Spread(10L, 40L, 4), Spread.of(List.of(10L, 40L, 20L, 10L)));
    }

    @Test
    void oneValueIsEveryPercentileAndNoneIsNull() {
        assertEquals(new Spread(7L, 7L, 1), Spread.of(List.of(7L)));
        assertEquals(new Spread(null, null, 0), Spread.of(List.of()));
    }
}
