package dev.orgpulse.query.api;

import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import dev.orgpulse.query.readmodel.ContributorsReadModel;
import dev.orgpulse.query.readmodel.FeedReadModel;
import dev.orgpulse.query.readmodel.Filter;
import dev.orgpulse.query.readmodel.HeatmapReadModel;
import dev.orgpulse.query.readmodel.ReposReadModel;
import dev.orgpulse.query.readmodel.StatsReadModel;
import io.smallrye.mutiny.Uni;

/**
 * The five read endpoints of codewall, same paths and shapes, served from the cached read models; with optional
 * {@code dev=} and {@code repo=} filters (not codewall's) for the people and repository pages.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class CodewallResource {

    private static final int RECENT_EVENTS_DEFAULT = 60;
    private static final int TOP_REPOS_DEFAULT = 5;

    private final StatsReadModel stats;
    private final FeedReadModel feed;
    private final ContributorsReadModel contributors;
    private final ReposReadModel repos;
    private final HeatmapReadModel heatmap;
    private final StatsAnswers statsAnswers;

    public CodewallResource(StatsReadModel stats, FeedReadModel feed, ContributorsReadModel contributors,
            ReposReadModel repos, HeatmapReadModel heatmap, StatsAnswers statsAnswers) {
        this.stats = stats;
        this.statsAnswers = statsAnswers;
        this.feed = feed;
        this.contributors = contributors;
        this.repos = repos;
        this.heatmap = heatmap;
    }

    /** The most read endpoint (every wall polls it): written from bytes encoded once per change, 304 to its ETag. */
    @GET
    @Path("/stats")
    public Uni<RestResponse<byte[]>> stats(@RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Uni<Stats> totals = stats.cached().map(Uni.createFrom()::item).orElseGet(stats::current);
        return totals.map(current -> {
            StatsAnswer answer = statsAnswers.of(current);
            RestResponse.ResponseBuilder<byte[]> response = answer.isNamedBy(ifNoneMatch)
                    ? RestResponse.ResponseBuilder.notModified()
                    : RestResponse.ResponseBuilder.ok(answer.json(), MediaType.APPLICATION_JSON_TYPE);
            return response.header(HttpHeaders.ETAG, answer.etag()).build();
        });
    }

    @GET
    @Path("/events/recent")
    public Uni<List<RecentEvent>> recentEvents(@RestQuery String limit, @RestQuery String dev, @RestQuery String repo,
            @RestQuery String kinds) {
        List<String> wanted = kinds == null ? List.of()
                : Arrays.stream(kinds.split(",")).map(String::trim).filter(kind -> !kind.isEmpty()).distinct()
                        .sorted().toList();
        return feed.recent(Limits.clamp(limit, RECENT_EVENTS_DEFAULT), Filter.of(dev, repo), wanted)
                .map(items -> items.stream().map(RecentEvent::of).toList());
    }

    @GET
    @Path("/contributors/active")
    public Uni<List<ActiveContributor>> activeContributors() {
        return contributors.active();
    }

    @GET
    @Path("/repos/top")
    public Uni<List<TopRepo>> topRepos(@RestQuery String limit, @RestQuery String dev) {
        return repos.top(Limits.clamp(limit, TOP_REPOS_DEFAULT), Filter.of(dev, null).dev());
    }

    @GET
    @Path("/heatmap")
    public Uni<List<HeatmapDay>> heatmap(@RestQuery String dev, @RestQuery String repo) {
        return heatmap.days(Filter.of(dev, repo));
    }
}
