package dev.orgpulse.query.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import dev.orgpulse.query.readmodel.PersonActivityReadModel;
import io.smallrye.mutiny.Uni;

/** What one person did: the repositories and languages of their days. */
@Path("/api/people")
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {

    private final PersonActivityReadModel activities;

    public PeopleResource(PersonActivityReadModel activities) {
        this.activities = activities;
    }

    @GET
    @Path("/{login}/activity")
    public Uni<PersonActivityAnswer> activity(@RestPath String login) {
        return activities.of(login).map(activity -> PersonActivityAnswer.of(activity.orElseThrow(
                () -> new NotFoundException("no person " + login))));
    }
}
