package dev.orgpulse.ingest.admin;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.orgpulse.ingest.recovery.DeliveryRecovery;
import dev.orgpulse.ingest.recovery.RecoveryReport;
import io.smallrye.common.annotation.Blocking;

/** {@code POST /admin/recovery}: runs delivery recovery now and tells what it did. */
@Path("/admin/recovery")
public class RecoveryResource {

    private final DeliveryRecovery recovery;

    public RecoveryResource(DeliveryRecovery recovery) {
        this.recovery = recovery;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    public RecoveryReport run() {
        return recovery.runNow();
    }
}
