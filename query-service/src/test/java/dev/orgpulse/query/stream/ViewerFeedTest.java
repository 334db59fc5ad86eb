package dev.orgpulse.query.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgpulse.eventlog.FeedItem;
import dev.orgpulse.query.readmodel.FeedItemAt;
import dev.orgpulse.query.readmodel.FeedPosition;
import dev.orgpulse.query.readmodel.FeedRange;

class ViewerFeedTest {

    private static final StreamMessages MESSAGES = new StreamMessages(new ObjectMapper());
    private static final FeedPositions AT_10 = FeedPositions.of(Map.of(0, FeedPosition.atRecord(10)));

    /** Partition 0, records 10 and 11 (two items); the feed stood at record 10 before it. */
    private static final FeedChange CHANGE = new FeedChange(List.of(new FeedChange.Segment(
            new FeedRange(0, FeedPosition.atRecord(10), FeedPosition.atRecord(12)),
            List.of(pushed(10, 0, "a"), pushed(11, 1, "b")))), "{\"commits\":2}", FeedPositions.of(Map.of(0,
                    FeedPosition.atRecord(12))), null);

    @Test
    void aClientAtTheStartOfAChangeTakesItsItemsThenTheStatsEachWithWhereItThenStands() {
        ViewerFeed feed = new ViewerFeed(null, MESSAGES, 10, "v1", AT_10, false);
        assertFalse(feed.isBehind(CHANGE));

        assertEquals(List.of(new StreamMessage(StreamMessage.Type.ACTIVITY, "v1:0.10.1", "a"),
                new StreamMessage(StreamMessage.Type.ACTIVITY, "v1:0.11.1", "b"),
                new StreamMessage(StreamMessage.Type.STATS, "v1:0.12.0", "{\"commits\":2}")), feed.take(CHANGE));
        assertEquals(new StreamId("v1", CHANGE.reached()), feed.at());
    }

    @Test
    void aClientPastSomeOfAChangeTakesOnlyTheRest() {
        FeedPositions pastFirst = FeedPositions.of(Map.of(0, new FeedPosition(10, 1)));
        ViewerFeed feed = new ViewerFeed(null, MESSAGES, 10, "v1", pastFirst, false);

        List<StreamMessage> taken = feed.take(CHANGE);

        assertEquals(List.of("b", "{\"commits\":2}"), taken.stream().map(StreamMessage::text).toList());
    }

    @Test
    void aClientBeforeAChangesStartIsBehindItAndOneMovedAsAnotherStandsWhereThatOneGot() {
        ViewerFeed behind = new ViewerFeed(null, MESSAGES, 10, "v1",
                FeedPositions.of(Map.of(0, FeedPosition.atRecord(7))), true);
        assertTrue(behind.isBehind(CHANGE));

        behind.tookAs(CHANGE.reached());
        assertFalse(behind.isBehind(CHANGE));
        assertEquals(new StreamId("v1", CHANGE.reached()), behind.at());
    }

    private static FeedChange.PushedItem pushed(long offset, int id, String data) {
        return new FeedChange.PushedItem(new FeedItemAt(new FeedItem(id, 0, "commit", "alice", "org/api", data), 0,
                new FeedPosition(offset, 0)), data);
    }
}
