package dev.orgpulse.query.readmodel;

/** The feed items of one partition from one position (included) to another (excluded). */
public record FeedRange(int partition, FeedPosition from, FeedPosition to) {

    public boolean isEmpty() {
        return !from.isBefore(to);
    }
}
