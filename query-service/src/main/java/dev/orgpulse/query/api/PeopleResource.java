package dev.orgpulse.query.api;

import java.util.List;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.orgpulse.eventlog.PointRules;
import dev.orgpulse.query.metrics.Leaderboard;
import dev.orgpulse.query.metrics.Member;
import dev.orgpulse.query.readmodel.LeaderboardReadModel;
import dev.orgpulse.query.readmodel.MembersReadModel;
import dev.orgpulse.query.readmodel.PersonActivityReadModel;
import dev.orgpulse.query.readmodel.PointRulesReadModel;
import io.smallrye.mutiny.Uni;

/**
 * The people of the organisation: the leaderboard with the point rules it scores by, the members, and what one
 * person did (the repositories and languages of their days).
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {

    private final LeaderboardReadModel leaderboard;
    private final PointRulesReadModel pointRules;
    private final MembersReadModel members;
    private final PersonActivityReadModel activities;

    public PeopleResource(LeaderboardReadModel leaderboard, PointRulesReadModel pointRules, MembersReadModel members,
            PersonActivityReadModel activities) {
        this.leaderboard = leaderboard;
        this.pointRules = pointRules;
        this.members = members;
        this.activities = activities;
    }

    @GET
    @Path("/leaderboard")
    public Uni<List<Leaderboard.Entry>> leaderboard(@RestQuery String period) {
        return leaderboard.of(Leaderboard.Period.of(period).orElseThrow(
                () -> new BadRequestException("period is week, month, window or all, not " + period)));
    }

    @GET
    @Path("/point-rules")
    public Uni<List<PointRules.Rule>> pointRules() {
        return pointRules.current();
    }

    @GET
    @Path("/members")
    public Uni<List<Member>> members() {
        return members.all();
    }

    @GET
    @Path("/people/{login}/activity")
    public Uni<PersonActivityAnswer> activity(@RestPath String login) {
        return activities.of(login).map(activity -> PersonActivityAnswer.of(activity.orElseThrow(
                () -> new NotFoundException("no person " + login))));
    }
}
