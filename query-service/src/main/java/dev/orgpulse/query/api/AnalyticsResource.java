package dev.orgpulse.query.api;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.orgpulse.query.config.QueryConfig;
import dev.orgpulse.query.metrics.Bottleneck;
import dev.orgpulse.query.metrics.CiSummary;
import dev.orgpulse.query.metrics.DoraMetrics;
import dev.orgpulse.query.metrics.OrgMetrics;
import dev.orgpulse.query.metrics.PullRequestMetrics;
import dev.orgpulse.query.metrics.ReviewerLoad;
import dev.orgpulse.query.metrics.Spotlights;
import dev.orgpulse.query.readmodel.CiRunsReadModel;
import dev.orgpulse.query.readmodel.DoraReadModel;
import dev.orgpulse.query.readmodel.ProjectsReadModel;
import dev.orgpulse.query.readmodel.PullRequestAnalyticsReadModel;
import dev.orgpulse.query.readmodel.SpotlightsReadModel;
import io.smallrye.mutiny.Uni;

/** Engineering metrics: PR velocity and bottlenecks, reviewer load, the CI wall, projects, DORA, spotlights. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsResource {

    private static final int DEFAULT_WEEKS = 12;
    private static final int MAX_WEEKS = 104;
    private static final int DEFAULT_BOTTLENECKS = 20;

    private final PullRequestAnalyticsReadModel pullRequests;
    private final CiRunsReadModel ciRuns;
    private final ProjectsReadModel projects;
    private final DoraReadModel dora;
    private final SpotlightsReadModel spotlights;
    private final List<String> doraEnvironments;

    public AnalyticsResource(PullRequestAnalyticsReadModel pullRequests, CiRunsReadModel ciRuns,
            ProjectsReadModel projects, DoraReadModel dora, SpotlightsReadModel spotlights, QueryConfig config) {
        this.pullRequests = pullRequests;
        this.ciRuns = ciRuns;
        this.projects = projects;
        this.dora = dora;
        this.spotlights = spotlights;
        this.doraEnvironments = List.copyOf(config.dora().environments());
    }

    @GET
    @Path("/prs/metrics")
    public Uni<PullRequestMetrics> pullRequestMetrics(@RestQuery String weeks, @RestQuery String repo) {
        return pullRequests.metrics(Limits.clamp(weeks, DEFAULT_WEEKS, MAX_WEEKS), given(repo));
    }

    @GET
    @Path("/prs/bottlenecks")
    public Uni<List<Bottleneck>> bottlenecks(@RestQuery String limit) {
        return pullRequests.bottlenecks(Limits.clamp(limit, DEFAULT_BOTTLENECKS));
    }

    @GET
    @Path("/reviewers/load")
    public Uni<List<ReviewerLoad>> reviewerLoad() {
        return pullRequests.reviewerLoad();
    }

    @GET
    @Path("/ci/filters")
    public Uni<CiFilters> ciFilters() {
        return ciRuns.filters();
    }

    @GET
    @Path("/ci/runs/{id}/jobs")
    public Uni<List<CiJob>> ciJobs(@RestPath long id) {
        return ciRuns.jobs(id).map(jobs -> jobs.orElseThrow(() -> new NotFoundException("no workflow run " + id)));
    }

    @GET
    @Path("/ci/summary")
    public Uni<List<CiSummary>> ciSummary(@RestQuery String repo) {
        return ciRuns.summary(given(repo));
    }

    @GET
    @Path("/projects")
    public Uni<List<Project>> projects() {
        return projects.all();
    }

    @GET
    @Path("/projects/{owner}/{repo}")
    public Uni<Project> project(@RestPath String owner, @RestPath String repo) {
        String name = owner + "/" + repo;
        return projects.one(name).map(project -> project.orElseThrow(() -> new NotFoundException(
                "no repository " + name)));
    }

    @GET
    @Path("/metrics")
    public Uni<OrgMetrics> organisation() {
        return projects.organisation();
    }

    @GET
    @Path("/dora")
    public Uni<DoraMetrics> dora(@RestQuery String weeks, @RestQuery String environment) {
        return dora.keys(Limits.clamp(weeks, DEFAULT_WEEKS, MAX_WEEKS),
                given(environment).map(List::of).orElse(doraEnvironments));
    }

    @GET
    @Path("/spotlights")
    public Uni<Spotlights> spotlights() {
        return spotlights.current();
    }

    /** A query parameter's value, absent when missing or blank. */
    static Optional<String> given(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(text -> !text.isEmpty());
    }
}
