package dev.orgpulse.query.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class StreamMessageTest {

    @Test
    void eventsAndCommentsAreWrittenAsAnEventSourceReadsThem() {
        assertEquals(":connected\nretry:2000\n\n", StreamMessage.wire(List.of(StreamMessage.CONNECTED)));
        assertEquals(":heartbeat\n\n", StreamMessage.wire(List.of(StreamMessage.HEARTBEAT)));
        assertEquals("event:activity\nid:v1:0.5.0\ndata:{\"a\":1}\n\nevent:stats\nid:v1:0.6.0\ndata:{}\n\n",
                StreamMessage.wire(List.of(new StreamMessage(StreamMessage.Type.ACTIVITY, "v1:0.5.0", "{\"a\":1}"),
                        new StreamMessage(StreamMessage.Type.STATS, "v1:0.6.0", "{}"))));
    }

    @Test
    void aResetCarriesNoIdAndDataOfManyLinesTakesOneFieldEach() {
        assertEquals("event:reset\ndata:{\ndata:}\n\n",
                StreamMessage.wire(List.of(new StreamMessage(StreamMessage.Type.RESET, null, "{\n}"))));
    }
}
