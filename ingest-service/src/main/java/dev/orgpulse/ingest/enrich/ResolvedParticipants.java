package dev.orgpulse.ingest.enrich;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The participants whose answer is on the log, most recently seen last, up to a capacity: a participant's later
 * events (left, rejoined) cost no second call. Forgetting one costs a call and a duplicate record that the
 * projector drops by its delivery id, nothing more.
 */
final class ResolvedParticipants {

    private final Map<String, Boolean> recent;

    ResolvedParticipants(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the cache of resolved participants needs room for one, not " + capacity);
        }
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean contains(String participant) {
        return recent.get(participant) != null;
    }

    synchronized void add(String participant) {
        recent.put(participant, Boolean.TRUE);
    }
}
