package dev.orgpulse.query.stream;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * One thing written to {@code /api/stream}: a named event with an id and JSON data, or a comment.
 *
 * @param id   where the client stands once it has this event ({@link StreamId}); unused for comments and resets (a
 *             reset carries no id: positions of the old version mean nothing in the new one)
 * @param text the JSON data of an event, the text of a comment
 */
public record StreamMessage(Type type, String id, String text) {

    public enum Type {
        ACTIVITY("activity"),
        STATS("stats"),
        /** The read models switched to another version: what the client shows is to be read again. */
        RESET("reset"),
        COMMENT(null);

        private final String eventName;

        Type(String eventName) {
            this.eventName = eventName;
        }

        public String eventName() {
            return eventName;
        }
    }

    /** How long a browser waits before it reconnects by itself, sent once with the first comment ({@code retry:}). */
    static final long RECONNECT_DELAY_MS = 2000;

    static final StreamMessage CONNECTED = comment("connected");
    static final StreamMessage HEARTBEAT = comment("heartbeat");

    static StreamMessage comment(String text) {
        return new StreamMessage(Type.COMMENT, null, text);
    }

    OutboundSseEvent toSse(Sse sse) {
        if (this == CONNECTED) {
            return sse.newEventBuilder().comment(text).reconnectDelay(RECONNECT_DELAY_MS).build();
        }
        if (type == Type.COMMENT) {
            return sse.newEventBuilder().comment(text).build();
        }
        if (type == Type.RESET) {
            return sse.newEventBuilder().name(type.eventName()).data(text).build();
        }
        return sse.newEventBuilder().name(type.eventName()).id(id).data(text).build();
    }
}
