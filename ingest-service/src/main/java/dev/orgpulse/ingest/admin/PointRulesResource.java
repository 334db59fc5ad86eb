package dev.orgpulse.ingest.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.PointRules;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.ingest.delivery.LogIntake;
import io.smallrye.mutiny.Uni;

/**
 * {@code PUT /admin/point-rules}: the leaderboard's point rules, appended to the log as a record of their own so that
 * the change applies to all history at once and a rebuild scores alike.
 */
@Path("/admin/point-rules")
public class PointRulesResource {

    /** What the ingest answers once the broker acknowledged the change: the complete rule set it appended. */
    public record Accepted(String delivery, String status, List<PointRules.Rule> rules) {
    }

    private static final String VERIFIED_BY = "admin-key";

    private final LogIntake log;

    public PointRulesResource(LogIntake log) {
        this.log = log;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> replace(byte[] body) {
        List<PointRules.Rule> rules;
        try {
            rules = PointRules.read(body);
        } catch (PointRules.InvalidPointRulesException e) {
            throw new AdminRefusedException(Response.Status.BAD_REQUEST, "invalid point rules", e.getMessage());
        }
        String deliveryId = "point-rules:" + UUID.randomUUID();
        DeliveryMetadata change = DeliveryMetadata.accepted(Sources.ADMIN, PointRules.EVENT_TYPE, deliveryId,
                Instant.now(), MediaType.APPLICATION_JSON, VERIFIED_BY);
        return Uni.createFrom().completionStage(log.append(PointRules.RECORD_KEY, PointRules.write(rules), change))
                .map(appended -> Response.accepted(new Accepted(deliveryId, "accepted", rules)).build());
    }
}
