package dev.orgpulse.query.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LimitsTest {

    @ParameterizedTest(name = "limit={0} -> {1}")
    @CsvSource(nullValues = "NULL", value = {
            "NULL, 60",
            "10, 10",
            " 7 , 7",
            "+3, 3",
            "1, 1",
            "500, 500",
            "0, 1",
            "-5, 1",
            "501, 500",
            "99999999999999999999, 500",
            "-99999999999999999999, 1",
            "abc, 60",
            "'', 60",
            "2.5, 60"})
    void unreadableMeansTheDefaultThenKeptWithinOneToFiveHundred(String requested, int expected) {
        assertEquals(expected, Limits.clamp(requested, 60));
    }

    @ParameterizedTest(name = "weeks={0} -> {1}")
    @CsvSource(nullValues = "NULL", value = {"NULL, 4", "2, 2", "52, 52", "53, 52", "0, 1", "many, 4"})
    void aSmallerMaximumKeepsCountsWithinIt(String requested, int expected) {
        assertEquals(expected, Limits.clamp(requested, 4, 52));
    }
}
