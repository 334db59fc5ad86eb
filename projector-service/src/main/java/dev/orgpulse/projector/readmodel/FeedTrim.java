package dev.orgpulse.projector.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgpulse.projector.config.ProjectorConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the feed to its rolling window: items older than the window are deleted as it moves. Their facts stay in
 * {@code feed_fact} (so the same fact folded again, by a redelivery or a replay, does not bring its item back) and
 * their days stay in {@code daily_activity}. The query service never shows items outside the window, so trimming
 * changes no answer and announces nothing. Plain JDBC on a worker thread: one statement, outside the fold.
 */
@ApplicationScoped
public class FeedTrim {

    private static final Logger LOG = Logger.getLogger(FeedTrim.class);
    private static final String DELETE_OLDER = "DELETE FROM feed_item WHERE occurred_at < ?";

    private final AgroalDataSource dataSource;
    private final Duration window;

    public FeedTrim(AgroalDataSource dataSource, ProjectorConfig config) {
        this.dataSource = dataSource;
        this.window = Duration.ofDays(config.windowDays());
    }

    @Scheduled(every = "${orgpulse.projector.trim-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void trimToTheWindow() {
        try {
            olderThan(Instant.now().minus(window));
        } catch (IllegalStateException e) {
            LOG.warnf("Feed not trimmed this time: %s", e.getMessage());
        }
    }

    /** @return how many feed items were deleted */
    public int olderThan(Instant cutoff) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(DELETE_OLDER)) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            int deleted = delete.executeUpdate();
            if (deleted > 0) {
                LOG.infof("Trimmed %d feed items older than %s (the window of %d days)", deleted, cutoff,
                        window.toDays());
            }
            return deleted;
        } catch (SQLException e) {
            throw new IllegalStateException("could not trim the feed: " + e.getMessage(), e);
        }
    }
}
