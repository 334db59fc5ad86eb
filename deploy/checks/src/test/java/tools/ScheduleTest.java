package tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The open-loop schedule of {@code Bench stats}: when each request is due, and what a late one counts from. */
class ScheduleTest {

    private static final long START = 1_000_000_000L;

    @Test
    void requestsAreDueAtTheRateFromTheStart() {
        Schedule schedule = new Schedule(START, 20_000);

        assertEquals(START, schedule.dueAt(0));
        assertEquals(START + 50_000, schedule.dueAt(1));
        assertEquals(START + 150_000, schedule.dueAt(3));
    }

    @Test
    void aLongRunDoesNotDrift() {
        // 1/3 of a microsecond apart: adding up rounded intervals would lose a third of a nanosecond a request
        Schedule schedule = new Schedule(START, 3_000_000);

        assertEquals(START + 1_000_000_000L, schedule.dueAt(3_000_000));
        assertEquals(START + 60_000_000_000L, schedule.dueAt(180_000_000));
    }

    @Test
    void aRequestTakenLateCountsFromWhenItWasDueAndThoseAfterItKeepTheirTimes() {
        Schedule schedule = new Schedule(START, 20_000);
        schedule.take();

        // the pacer found no free connection for 1 ms: the requests due meanwhile go out in a burst
        long answeredAt = START + 1_000_000 + 300_000;
        long secondDue = schedule.take();
        long thirdDue = schedule.take();

        assertEquals(1_250_000, answeredAt - secondDue);
        assertEquals(1_200_000, answeredAt - thirdDue);
        assertEquals(START + 150_000, schedule.nextDueAt());
        assertEquals(3, schedule.taken());
    }

    @Test
    void countsTheRequestsDueBeforeATime() {
        Schedule schedule = new Schedule(START, 20_000);

        assertEquals(0, schedule.dueBefore(START - 1));
        assertEquals(0, schedule.dueBefore(START));
        assertEquals(1, schedule.dueBefore(START + 1));
        assertEquals(1, schedule.dueBefore(START + 50_000));
        assertEquals(2, schedule.dueBefore(START + 50_001));
        assertEquals(200_000, schedule.dueBefore(START + 10_000_000_000L));
    }

    @Test
    void countsRightWhereTheTimesAreRounded() {
        Schedule schedule = new Schedule(START, 3);

        // due at START, START + 333,333,333, START + 666,666,666
        assertEquals(1, schedule.dueBefore(START + 333_333_333));
        assertEquals(2, schedule.dueBefore(START + 333_333_334));
        assertEquals(3, schedule.dueBefore(START + 666_666_667));
    }

    @Test
    void refusesARateOfNothing() {
        assertThrows(IllegalArgumentException.class, () -> new Schedule(START, 0));
    }
}
