package dev.orgpulse.query.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import dev.orgpulse.query.readmodel.MeetingsReadModel;
import io.smallrye.mutiny.Uni;

/** Google Meet: recent meetings with their participants, and time in meetings per person and week. */
@Path("/api/meetings")
@Produces(MediaType.APPLICATION_JSON)
public class MeetingsResource {

    private static final int DEFAULT_LIMIT = 20;
    private static final int DEFAULT_WEEKS = 4;
    private static final int MAX_WEEKS = 52;

    private final MeetingsReadModel meetings;

    public MeetingsResource(MeetingsReadModel meetings) {
        this.meetings = meetings;
    }

    @GET
    public Uni<List<Meeting>> recent(@RestQuery String limit) {
        return meetings.recent(Limits.clamp(limit, DEFAULT_LIMIT));
    }

    @GET
    @Path("/attendance")
    public Uni<List<AttendanceWeek>> attendance(@RestQuery String weeks) {
        return meetings.attendance(Limits.clamp(weeks, DEFAULT_WEEKS, MAX_WEEKS));
    }
}
