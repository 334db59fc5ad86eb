package dev.orgpulse.projector.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RevisionTest {

    private static final Instant EARLY = Instant.parse("2019-05-15T15:20:33Z");
    private static final Instant LATE = Instant.parse("2019-05-15T15:20:34Z");

    private record Picture(String value) {
    }

    private static final Picture A = new Picture("a");
    private static final Picture B = new Picture("b");
    private static final Picture X = new Picture("x");

    @Test
    void byTimeTheNewerWinsWhateverItsRank() {
        assertTrue(Revision.byTime(LATE, 0, A).compareTo(Revision.byTime(EARLY, 9, B)) > 0);
    }

    @Test
    void byTimeTheHigherRankWinsAtTheSameTime() {
        assertTrue(Revision.byTime(EARLY, 2, A).compareTo(Revision.byTime(EARLY, 1, B)) > 0);
    }

    @Test
    void byProgressTheFurtherWinsWhateverItsTime() {
        assertTrue(Revision.byProgress(2, EARLY, A).compareTo(Revision.byProgress(1, LATE, B)) > 0);
        assertTrue(Revision.byProgress(1, LATE, A).compareTo(Revision.byProgress(1, EARLY, B)) > 0);
    }

    @Test
    void differentContentNeverTiesAndTheSameContentAlwaysDoes() {
        assertNotEquals(Revision.byTime(EARLY, 0, A), Revision.byTime(EARLY, 0, B));
        assertEquals(Revision.byTime(EARLY, 0, A), Revision.byTime(EARLY, 0, A));
    }

    @Test
    void timesSortAcrossCenturiesAndMissingTimesSortFirst() {
        List<String> sorted = List.of(Revision.byTime(null, 0, X),
                Revision.byTime(Instant.parse("0001-01-01T00:00:01Z"), 0, X),
                Revision.byTime(Instant.parse("1999-12-31T23:59:59.999Z"), 0, X),
                Revision.byTime(Instant.parse("2000-01-01T00:00:00Z"), 0, X),
                Revision.byTime(Instant.parse("9999-12-31T23:59:59Z"), 0, X));

        assertEquals(sorted, sorted.stream().sorted().toList());
    }

    /** The stored revisions were digested from {@code toString()}: the same text keeps them valid. */
    @Test
    void theDigestedTextIsWhatTheRowPrints() {
        CiRunRow run = new CiRunRow(7L, 2, 9L, "acme/api", null, "CI", 12, "push", "completed", "failure", "main",
                "abc", "ada", false, EARLY, EARLY, LATE, 1L, null);
        RepositoryRow repository = new RepositoryRow(9L, "acme/api", "acme", null, null, "main", false, true, false,
                EARLY, LATE, RepositoryRow.Source.CARRIED);

        assertEquals(run.toString(), Revision.printed(run));
        assertEquals(repository.toString(), Revision.printed(repository));
    }

    @Test
    void anInstantIsPrintedAsItPrintsItself() {
        Random random = new Random(8);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 10_000; i++) {
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            assertPrinted(Instant.ofEpochSecond(first + (long) (random.nextDouble() * (last - first + 1)), nano));
        }
        assertPrinted(Instant.ofEpochSecond(first));
        assertPrinted(Instant.ofEpochSecond(last, 999_999_999));
        assertPrinted(Instant.ofEpochSecond(first - 1));
        assertPrinted(Instant.ofEpochSecond(last + 1));
        assertPrinted(Instant.EPOCH);
    }

    private static void assertPrinted(Instant instant) {
        StringBuilder text = new StringBuilder();
        Revision.appendInstant(text, instant);
        assertEquals(instant.toString(), text.toString());
    }

    @Test
    void aRankIsTwoDigits() {
        assertThrows(IllegalArgumentException.class, () -> Revision.byTime(EARLY, 100, X));
    }
}
