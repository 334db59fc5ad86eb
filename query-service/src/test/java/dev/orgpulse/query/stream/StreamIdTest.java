package dev.orgpulse.query.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.orgpulse.eventlog.FeedItem;
import dev.orgpulse.query.readmodel.FeedItemAt;
import dev.orgpulse.query.readmodel.FeedPosition;
import dev.orgpulse.query.readmodel.FeedRange;

class StreamIdTest {

    private static final FeedPositions SOME = FeedPositions.of(Map.of(4, new FeedPosition(96, 2),
            0, new FeedPosition(1813, 0)));

    @Test
    void anIdNamesTheVersionAndEveryPartitionPastItsStartInPartitionOrder() {
        assertEquals("v1:0.1813.0,4.96.2", new StreamId("v1", SOME).format());
        assertEquals("v2:", new StreamId("v2", FeedPositions.of(Map.of())).format());
        assertEquals("v1:4.96.2", new StreamId("v1", FeedPositions.of(Map.of(0, FeedPosition.START,
                4, new FeedPosition(96, 2)))).format());
    }

    @Test
    void whatIsWrittenReadsBack() {
        assertEquals(Optional.of(new StreamId("v1", SOME)), StreamId.parse("v1:0.1813.0,4.96.2"));
        assertEquals(Optional.of(new StreamId("v1", SOME)), StreamId.parse(" v1:0.1813.0,4.96.2 "));
        assertEquals(Optional.of(new StreamId("blue:2", FeedPositions.of(Map.of()))), StreamId.parse("blue:2:"));
    }

    @Test
    void anythingElseMeansStartingAfresh() {
        for (String id : new String[] {null, "", "42", ":0.1.0", "v1:0.1", "v1:0.1.0.0", "v1:a.1.0", "v1:0.-1.0",
                "v1:0.1.0,0.2.0", "v1:0.1.0,", "v1:0.99999999999999999999.0"}) {
            assertEquals(Optional.empty(), StreamId.parse(id), String.valueOf(id));
        }
    }

    @Test
    void anItemIsAheadUntilItHasBeenGivenAndThenItsPartitionMovesPastIt() {
        FeedItemAt item = itemAt(4, 96, 2);
        assertTrue(SOME.isAhead(item));
        assertFalse(SOME.isAhead(itemAt(4, 96, 1)));
        assertTrue(SOME.isAhead(itemAt(5, 0, 0)), "a partition never given anything starts at its beginning");

        FeedPositions after = SOME.after(item);
        assertEquals(new FeedPosition(96, 3), after.next(4));
        assertFalse(after.isAhead(item));
        assertEquals(new FeedPosition(1813, 0), after.next(0));
    }

    @Test
    void aNoticesPositionsGiveTheRangesBetweenAndPositionsNeverMoveBack() {
        List<FeedRange> ranges = SOME.rangesTo(Map.of(0, 1813L, 4, 100L, 7, 3L));
        assertEquals(List.of(new FeedRange(4, new FeedPosition(96, 2), FeedPosition.atRecord(100)),
                new FeedRange(7, FeedPosition.START, FeedPosition.atRecord(3))), ranges);

        FeedPositions through = SOME.through(ranges);
        assertEquals(FeedPosition.atRecord(100), through.next(4));
        assertEquals(FeedPosition.atRecord(3), through.next(7));
        assertEquals(SOME, SOME.through(4, new FeedPosition(96, 1)));
        assertEquals(List.of(), through.rangesTo(Map.of(4, 99L)));
    }

    private static FeedItemAt itemAt(int partition, long offset, int index) {
        return new FeedItemAt(new FeedItem(1, 0, "commit", "alice", "org/api", "m"), partition,
                new FeedPosition(offset, index));
    }
}
