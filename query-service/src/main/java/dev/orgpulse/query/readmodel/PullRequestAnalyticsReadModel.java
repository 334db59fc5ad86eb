package dev.orgpulse.query.readmodel;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.query.config.QueryConfig;
import dev.orgpulse.query.metrics.Bottleneck;
import dev.orgpulse.query.metrics.Bottlenecks;
import dev.orgpulse.query.metrics.PullRequestMetrics;
import dev.orgpulse.query.metrics.ReviewerLoad;
import dev.orgpulse.query.metrics.WeekRange;
import io.quarkus.cache.CacheResult;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

/**
 * Pull request velocity, bottlenecks and reviewer load, computed from the pull requests and their reviews; each cached
 * until a change notice names the pull requests.
 */
@Startup // bottleneck thresholds that contradict each other fail the start, not the first request
@ApplicationScoped
public class PullRequestAnalyticsReadModel {

    private final PullRequestFactsQuery facts;
    private final ReadWindows windows;
    private final Bottlenecks bottlenecks;

    public PullRequestAnalyticsReadModel(PullRequestFactsQuery facts, ReadWindows windows, QueryConfig config) {
        this.facts = facts;
        this.windows = windows;
        this.bottlenecks = new Bottlenecks(config.bottleneck().warning(), config.bottleneck().critical());
    }

    /** @param repo {@code owner/name}; empty for the whole organisation */
    @CacheResult(cacheName = ReadModelCaches.PR_METRICS)
    public Uni<PullRequestMetrics> metrics(int weeks, Optional<String> repo) {
        ReadWindow window = windows.current();
        WeekRange range = new WeekRange(window.now(), weeks);
        return facts.openOrActiveSince(range.since(), repo, window.includeBots())
                .map(prs -> PullRequestMetrics.of(prs, range));
    }

    @CacheResult(cacheName = ReadModelCaches.PR_BOTTLENECKS)
    public Uni<List<Bottleneck>> bottlenecks(int limit) {
        ReadWindow window = windows.current();
        return facts.openOrActiveSince(window.now(), Optional.empty(), window.includeBots())
                .map(prs -> bottlenecks.rank(prs, window.now(), limit));
    }

    /** Reviews of the rolling window; requests pending now. */
    @CacheResult(cacheName = ReadModelCaches.REVIEWER_LOAD)
    public Uni<List<ReviewerLoad>> reviewerLoad() {
        ReadWindow window = windows.current();
        return facts.openOrActiveSince(window.since().toInstant(), Optional.empty(), window.includeBots())
                .map(prs -> ReviewerLoad.of(prs, window.since().toInstant()));
    }
}
