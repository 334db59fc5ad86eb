package dev.orgpulse.projector.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class RevisionTest {

    private static final Instant EARLY = Instant.parse("2019-05-15T15:20:33Z");
    private static final Instant LATE = Instant.parse("2019-05-15T15:20:34Z");

    @Test
    void byTimeTheNewerWinsWhateverItsRank() {
        assertTrue(Revision.byTime(LATE, 0, "a").compareTo(Revision.byTime(EARLY, 9, "b")) > 0);
    }

    @Test
    void byTimeTheHigherRankWinsAtTheSameTime() {
        assertTrue(Revision.byTime(EARLY, 2, "a").compareTo(Revision.byTime(EARLY, 1, "b")) > 0);
    }

    @Test
    void byProgressTheFurtherWinsWhateverItsTime() {
        assertTrue(Revision.byProgress(2, EARLY, "a").compareTo(Revision.byProgress(1, LATE, "b")) > 0);
        assertTrue(Revision.byProgress(1, LATE, "a").compareTo(Revision.byProgress(1, EARLY, "b")) > 0);
    }

    @Test
    void differentContentNeverTiesAndTheSameContentAlwaysDoes() {
        assertNotEquals(Revision.byTime(EARLY, 0, List.of("a")), Revision.byTime(EARLY, 0, List.of("b")));
        assertEquals(Revision.byTime(EARLY, 0, List.of("a")), Revision.byTime(EARLY, 0, List.of("a")));
    }

    @Test
    void timesSortAcrossCenturiesAndMissingTimesSortFirst() {
        List<String> sorted = List.of(Revision.byTime(null, 0, "x"),
                Revision.byTime(Instant.parse("0001-01-01T00:00:01Z"), 0, "x"),
                Revision.byTime(Instant.parse("1999-12-31T23:59:59.999Z"), 0, "x"),
                Revision.byTime(Instant.parse("2000-01-01T00:00:00Z"), 0, "x"),
                Revision.byTime(Instant.parse("9999-12-31T23:59:59Z"), 0, "x"));

        assertEquals(sorted, sorted.stream().sorted().toList());
    }

    @Test
    void aRankIsTwoDigits() {
        assertThrows(IllegalArgumentException.class, () -> Revision.byTime(EARLY, 100, "x"));
    }
}
