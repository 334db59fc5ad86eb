package dev.orgpulse.query.stream;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgpulse.eventlog.FeedItem;
import dev.orgpulse.query.api.RecentEvent;
import dev.orgpulse.query.api.Stats;

/** Writes stream events with the same JSON as the API answers (the application's mapper, snake_case). */
@ApplicationScoped
public class StreamMessages {

    private final ObjectMapper json;

    public StreamMessages(ObjectMapper json) {
        this.json = json;
    }

    /** @param id where the client stands once it has the item, for its {@code Last-Event-ID} */
    public StreamMessage activity(FeedItem item, String id) {
        return activity(activityData(item), id);
    }

    /** An item's event from its data written once for every client ({@link #activityData}). */
    public StreamMessage activity(String data, String id) {
        return new StreamMessage(StreamMessage.Type.ACTIVITY, id, data);
    }

    public String activityData(FeedItem item) {
        return write(RecentEvent.of(item));
    }

    /** @param data the stats' JSON ({@link #statsData}), @param id where the client stands, for its {@code Last-Event-ID} */
    public StreamMessage stats(String data, String id) {
        return new StreamMessage(StreamMessage.Type.STATS, id, data);
    }

    public String statsData(Stats stats) {
        return write(stats);
    }

    /** Tells a client that the read models switched to {@code version}: {@code {"read_model_version": "v2"}}. */
    public StreamMessage reset(String version) {
        return new StreamMessage(StreamMessage.Type.RESET, null, write(Map.of("read_model_version", version)));
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stream data is not writable as JSON: " + data, e);
        }
    }
}
