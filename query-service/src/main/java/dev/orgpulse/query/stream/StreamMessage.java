package dev.orgpulse.query.stream;

import java.util.List;

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

    /**
     * Appends this message as Server-Sent Events put it on the wire: a comment line, or the event's name, its id and
     * its data (one {@code data:} line per line of text), then the blank line that ends it.
     */
    void appendTo(StringBuilder wire) {
        if (type == Type.COMMENT) {
            wire.append(':').append(text).append('\n');
            if (this == CONNECTED) {
                wire.append("retry:").append(RECONNECT_DELAY_MS).append('\n');
            }
            wire.append('\n');
            return;
        }
        wire.append("event:").append(type.eventName()).append('\n');
        if (type != Type.RESET) {
            wire.append("id:").append(id).append('\n');
        }
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
            wire.append("data:").append(text, start, end).append('\n');
        }
        wire.append("data:").append(text, start, text.length()).append("\n\n");
    }

    /** Messages as one piece of the wire, to be written at once. */
    static String wire(List<StreamMessage> messages) {
        StringBuilder wire = new StringBuilder();
        messages.forEach(message -> message.appendTo(wire));
        return wire.toString();
    }
}
