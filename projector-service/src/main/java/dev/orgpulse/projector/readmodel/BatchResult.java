package dev.orgpulse.projector.readmodel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.orgpulse.eventlog.FeedItem;
import dev.orgpulse.eventlog.ReadModel;

/**
 * What a committed batch did.
 *
 * @param duplicates       records with no effect because they were folded before (same delivery id, or below the checkpoint)
 * @param changed          the read models whose answers may have changed; empty when nothing visible changed
 * @param positions        the next offset per partition of the batch, after the commit
 * @param feed             the feed items actually inserted, oldest first
 * @param readModelVersion the read-model version written to
 */
public record BatchResult(int records, int folded, int ignored, int duplicates, List<DeadLetterNote> deadLetters,
        Set<ReadModel> changed, Map<Integer, Long> positions, List<FeedItem> feed, String readModelVersion) {

    static final Comparator<FeedItem> OLDEST_FIRST = Comparator.comparingLong(FeedItem::ts).thenComparingLong(FeedItem::id);

    public BatchResult {
        deadLetters = List.copyOf(deadLetters);
        changed = changed.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(changed));
        positions = Map.copyOf(positions);
        feed = feed.stream().sorted(OLDEST_FIRST).toList();
    }

    public boolean changedReadModels() {
        return !changed.isEmpty();
    }

    /** The results of a batch written in several transactions, as one. */
    public static BatchResult combine(List<BatchResult> parts) {
        int records = 0;
        int folded = 0;
        int ignored = 0;
        int duplicates = 0;
        List<DeadLetterNote> deadLetters = new ArrayList<>();
        Set<ReadModel> changed = EnumSet.noneOf(ReadModel.class);
        Map<Integer, Long> positions = new HashMap<>();
        List<FeedItem> feed = new ArrayList<>();
        String version = null;
        for (BatchResult part : parts) {
            records += part.records;
            folded += part.folded;
            ignored += part.ignored;
            duplicates += part.duplicates;
            deadLetters.addAll(part.deadLetters);
            changed.addAll(part.changed);
            part.positions.forEach((partition, next) -> positions.merge(partition, next, Math::max));
            feed.addAll(part.feed);
            version = part.readModelVersion;
        }
        return new BatchResult(records, folded, ignored, duplicates, deadLetters, changed, positions, feed, version);
    }
}
