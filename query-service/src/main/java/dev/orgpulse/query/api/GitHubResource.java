package dev.orgpulse.query.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import dev.orgpulse.query.readmodel.CiRunFilter;
import dev.orgpulse.query.readmodel.CiRunsReadModel;
import dev.orgpulse.query.readmodel.Filter;
import dev.orgpulse.query.readmodel.PullRequestsReadModel;
import io.smallrye.mutiny.Uni;

/** Read endpoints beyond codewall's: pull requests with their reviews, and CI runs. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class GitHubResource {

    private static final int DEFAULT_LIMIT = 50;
    private static final Set<String> STATES = Set.of("open", "closed", "merged");

    private final PullRequestsReadModel pullRequests;
    private final CiRunsReadModel ciRuns;

    public GitHubResource(PullRequestsReadModel pullRequests, CiRunsReadModel ciRuns) {
        this.pullRequests = pullRequests;
        this.ciRuns = ciRuns;
    }

    @GET
    @Path("/prs")
    public Uni<List<PullRequestSummary>> pullRequests(@RestQuery String state, @RestQuery String limit,
            @RestQuery String author, @RestQuery String reviewer, @RestQuery String repo) {
        Optional<String> wanted = Optional.ofNullable(state).filter(s -> !s.isBlank() && !s.equals("all"));
        if (wanted.isPresent() && !STATES.contains(wanted.get())) {
            throw new BadRequestException("state is open, closed, merged or all, not " + state);
        }
        Filter filter = Filter.of(author, repo);
        return pullRequests.recent(wanted, Filter.of(reviewer, null).dev(), filter, Limits.clamp(limit, DEFAULT_LIMIT));
    }

    @GET
    @Path("/ci/runs")
    public Uni<List<CiRun>> ciRuns(@RestQuery String repo, @RestQuery String workflow, @RestQuery String branch,
            @RestQuery String status, @RestQuery String conclusion, @RestQuery String actor, @RestQuery String limit) {
        CiRunFilter filter = new CiRunFilter(AnalyticsResource.given(repo), AnalyticsResource.given(workflow),
                AnalyticsResource.given(branch), AnalyticsResource.given(status), AnalyticsResource.given(conclusion),
                AnalyticsResource.given(actor));
        return ciRuns.recent(filter, Limits.clamp(limit, DEFAULT_LIMIT));
    }
}
