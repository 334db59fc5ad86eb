package dev.orgpulse.query.gate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.orgpulse.query.config.QueryConfig;
import io.quarkus.runtime.StartupEvent;

/** Builds the viewer gate from the configuration and says loudly at startup when it is open or closed. */
@ApplicationScoped
public class GateSetup {

    private static final Logger LOG = Logger.getLogger(GateSetup.class);

    @Produces
    @Singleton
    ViewerGate viewerGate(QueryConfig config) {
        return new ViewerGate(config.accessKey(), config.devAuthBypass());
    }

    void announce(@Observes StartupEvent started, ViewerGate gate) {
        if (gate.devBypass()) {
            LOG.warn("!!! ORGPULSE_DEV_AUTH_BYPASS=true: the viewer gate is OPEN. Anyone who reaches this port reads"
                    + " the dashboard, the API and the stream without signing in. Local use only. !!!");
        } else if (!gate.hasAccessKey()) {
            LOG.warn("No ORGPULSE_ACCESS_KEY configured: the API and the dashboard are closed (401 for every viewer)."
                    + " Set ORGPULSE_ACCESS_KEY to open them to its holders.");
        } else {
            LOG.info("Viewer gate: access key (Bearer or signed session cookie)");
        }
    }
}
