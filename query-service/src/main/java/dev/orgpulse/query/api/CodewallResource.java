package dev.orgpulse.query.api;

import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import dev.orgpulse.query.readmodel.ContributorsReadModel;
import dev.orgpulse.query.readmodel.FeedReadModel;
import dev.orgpulse.query.readmodel.Filter;
import dev.orgpulse.query.readmodel.HeatmapReadModel;
import dev.orgpulse.query.readmodel.ReposReadModel;
import io.smallrye.mutiny.Uni;

/**
 * Four of the five read endpoints of codewall, same paths and shapes, served from the cached read models; with
 * optional {@code dev=} and {@code repo=} filters (not codewall's) for the people and repository pages. The fifth,
 * {@code /api/stats}, is {@link StatsRoute}.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class CodewallResource {

    private static final int RECENT_EVENTS_DEFAULT = 60;
    private static final int TOP_REPOS_DEFAULT = 5;

    private final FeedReadModel feed;
    private final ContributorsReadModel contributors;
    private final ReposReadModel repos;
    private final HeatmapReadModel heatmap;

    public CodewallResource(FeedReadModel feed, ContributorsReadModel contributors, ReposReadModel repos,
            HeatmapReadModel heatmap) {
        this.feed = feed;
        this.contributors = contributors;
        this.repos = repos;
        this.heatmap = heatmap;
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
