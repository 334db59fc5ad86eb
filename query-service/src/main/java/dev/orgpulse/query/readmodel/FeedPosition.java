package dev.orgpulse.query.readmodel;

/**
 * Where a feed item sits in one partition of the log: its record's offset, then its place among that record's items
 * (a push gives one item per commit). The items of a partition are committed in this order.
 */
public record FeedPosition(long offset, int index) implements Comparable<FeedPosition> {

    /** Before every item of a partition. */
    public static final FeedPosition START = new FeedPosition(0, 0);

    /** Before the first item of the record at {@code offset}. */
    public static FeedPosition atRecord(long offset) {
        return new FeedPosition(offset, 0);
    }

    /** Right after this one: where the next item of the partition can be. */
    public FeedPosition following() {
        return new FeedPosition(offset, index + 1);
    }

    @Override
    public int compareTo(FeedPosition other) {
        int byOffset = Long.compare(offset, other.offset);
        return byOffset != 0 ? byOffset : Integer.compare(index, other.index);
    }

    public boolean isBefore(FeedPosition other) {
        return compareTo(other) < 0;
    }
}
