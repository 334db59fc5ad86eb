package dev.orgpulse.eventlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Published on {@link Topics#CHANGES} after a projector committed a batch: which read models changed,
 * up to which log positions, and the feed items the batch added.
 *
 * @param readModelVersion the read-model version the batch was folded into
 * @param changed          the read models whose answers may now differ
 * @param positions        next offset per partition of {@link Topics#EVENTS} ({@code "partition" -> offset})
 * @param feed             the new feed items, oldest first
 */
public record ChangeNotice(
        String readModelVersion,
        Set<ReadModel> changed,
        Map<Integer, Long> positions,
        List<FeedItem> feed,
        Instant committedAt) {

    public byte[] toJson() {
        try {
            return LogJson.MAPPER.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ChangeNotice fromJson(byte[] json) {
        try {
            return LogJson.MAPPER.readValue(json, ChangeNotice.class);
        } catch (IOException e) {
            throw new MalformedRecordException("change notice is not readable: " + e.getMessage(), e);
        }
    }
}
