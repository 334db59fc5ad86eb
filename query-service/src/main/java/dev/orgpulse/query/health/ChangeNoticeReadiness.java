package dev.orgpulse.query.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.orgpulse.query.stream.ChangeNoticeConsumer;

/**
 * Not ready until the change notice consumer has fixed where it reads from: a notice published before then passes
 * this node by, and what it cached would stay stale until it expires. Once reading, a broker that goes away does not
 * make the node unready: it answers from the database meanwhile, and reads the notices on when the broker is back.
 */
@Readiness
@ApplicationScoped
public class ChangeNoticeReadiness implements HealthCheck {

    private final ChangeNoticeConsumer notices;

    public ChangeNoticeReadiness(ChangeNoticeConsumer notices) {
        this.notices = notices;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("change-notices").status(notices.listening()).build();
    }
}
