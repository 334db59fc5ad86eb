package dev.orgpulse.query.api;

import java.util.List;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import dev.orgpulse.eventlog.PointRules;
import dev.orgpulse.query.metrics.Leaderboard;
import dev.orgpulse.query.metrics.Member;
import dev.orgpulse.query.readmodel.LeaderboardReadModel;
import dev.orgpulse.query.readmodel.MembersReadModel;
import dev.orgpulse.query.readmodel.PointRulesReadModel;
import io.smallrye.mutiny.Uni;

/** The people of the organisation: the leaderboard with the point rules it scores by, and the members. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {

    private final LeaderboardReadModel leaderboard;
    private final PointRulesReadModel pointRules;
    private final MembersReadModel members;

    public PeopleResource(LeaderboardReadModel leaderboard, PointRulesReadModel pointRules, MembersReadModel members) {
        this.leaderboard = leaderboard;
        this.pointRules = pointRules;
        this.members = members;
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
}
