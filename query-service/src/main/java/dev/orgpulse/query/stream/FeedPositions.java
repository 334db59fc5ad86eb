package dev.orgpulse.query.stream;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.orgpulse.query.readmodel.FeedItemAt;
import dev.orgpulse.query.readmodel.FeedPosition;
import dev.orgpulse.query.readmodel.FeedRange;

/**
 * How far through the feed something has got, per partition of the log: the position of the next item it has not
 * been given (the start of a partition it has no position in). Because the items of a partition are committed in
 * position order, everything before such a position is known, and nothing committed later can fall before it.
 */
public final class FeedPositions {

    private static final FeedPositions NONE = new FeedPositions(Map.of());

    /** partition → next position, sorted by partition so that the same positions always read the same. */
    private final Map<Integer, FeedPosition> next;

    private FeedPositions(Map<Integer, FeedPosition> next) {
        this.next = Collections.unmodifiableMap(new TreeMap<>(next));
    }

    public static FeedPositions of(Map<Integer, FeedPosition> next) {
        return next.isEmpty() ? NONE : new FeedPositions(next);
    }

    public FeedPosition next(int partition) {
        return next.getOrDefault(partition, FeedPosition.START);
    }

    public Map<Integer, FeedPosition> asMap() {
        return next;
    }

    /** Whether the item lies at or after this partition's position: not given yet. */
    public boolean isAhead(FeedItemAt item) {
        return !item.position().isBefore(next(item.partition()));
    }

    /** These positions once {@code item} has been given. */
    public FeedPositions after(FeedItemAt item) {
        return through(item.partition(), item.position().following());
    }

    /** These positions once everything of {@code partition} before {@code position} has been given. */
    public FeedPositions through(int partition, FeedPosition position) {
        if (!next(partition).isBefore(position)) {
            return this;
        }
        Map<Integer, FeedPosition> moved = new TreeMap<>(next);
        moved.put(partition, position);
        return new FeedPositions(moved);
    }

    /**
     * What lies between these positions and the ones a change notice says the log's partitions reached (the next
     * offset per partition): one range per partition that moved past its position here.
     */
    public List<FeedRange> rangesTo(Map<Integer, Long> reached) {
        List<FeedRange> ranges = new ArrayList<>();
        new TreeMap<>(reached).forEach((partition, nextOffset) -> {
            FeedRange range = new FeedRange(partition, next(partition), FeedPosition.atRecord(nextOffset));
            if (!range.isEmpty()) {
                ranges.add(range);
            }
        });
        return ranges;
    }

    /** These positions once every item of the ranges has been given. */
    public FeedPositions through(List<FeedRange> ranges) {
        FeedPositions moved = this;
        for (FeedRange range : ranges) {
            moved = moved.through(range.partition(), range.to());
        }
        return moved;
    }

    /**
     * As an event id writes them: {@code partition.offset.index} per partition past its start, comma-separated, by
     * partition ({@code 0.1813.0,4.96.2}); empty when no partition is.
     */
    public String format() {
        List<String> parts = new ArrayList<>(next.size());
        next.forEach((partition, position) -> {
            if (FeedPosition.START.isBefore(position)) {
                parts.add(partition + "." + position.offset() + "." + position.index());
            }
        });
        return String.join(",", parts);
    }

    /** Reads what {@link #format()} wrote; anything else is not positions. */
    public static Optional<FeedPositions> parse(String text) {
        if (text.isEmpty()) {
            return Optional.of(NONE);
        }
        Map<Integer, FeedPosition> next = new TreeMap<>();
        try {
            for (String part : text.split(",", -1)) {
                String[] fields = part.split("\\.", -1);
                if (fields.length != 3) {
                    return Optional.empty();
                }
                int partition = Integer.parseInt(fields[0]);
                FeedPosition position = new FeedPosition(Long.parseLong(fields[1]), Integer.parseInt(fields[2]));
                if (partition < 0 || position.offset() < 0 || position.index() < 0
                        || next.put(partition, position) != null) {
                    return Optional.empty();
                }
            }
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
        return Optional.of(of(next));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeedPositions positions && positions.next.equals(next);
    }

    @Override
    public int hashCode() {
        return next.hashCode();
    }

    @Override
    public String toString() {
        return format();
    }
}
