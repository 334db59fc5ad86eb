package dev.orgpulse.projector.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.orgpulse.projector.stream.FoldProgress;

/** Not ready while a batch cannot be written and is being retried: the read models are falling behind. */
@Readiness
@ApplicationScoped
public class FoldReadiness implements HealthCheck {

    private final FoldProgress progress;

    public FoldReadiness(FoldProgress progress) {
        this.progress = progress;
    }

    @Override
    public HealthCheckResponse call() {
        FoldProgress.State state = progress.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("read-model-fold").status(state.failure() == null);
        if (state.lastBatchAt() != null) {
            response.withData("last_batch_at", state.lastBatchAt().toString());
        }
        if (state.failure() != null) {
            response.withData("retrying_after", state.failure());
        }
        return response.build();
    }
}
