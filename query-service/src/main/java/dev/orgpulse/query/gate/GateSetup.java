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
    GoogleSignIn googleSignIn(QueryConfig config) {
        return GoogleSignIn.from(config);
    }

    @Produces
    @Singleton
    ViewerGate viewerGate(QueryConfig config, GoogleSignIn google) {
        return new ViewerGate(config.accessKey(), google.clientSecret(), config.devAuthBypass());
    }

    void announce(@Observes StartupEvent started, ViewerGate gate, GoogleSignIn google) {
        if (gate.devBypass()) {
            LOG.warn("!!! ORGPULSE_DEV_AUTH_BYPASS=true: the viewer gate is OPEN. Anyone who reaches this port reads"
                    + " the dashboard, the API and the stream without signing in. Local use only. !!!");
        } else if (!gate.hasSignIn()) {
            LOG.warn("No ORGPULSE_ACCESS_KEY and no ORGPULSE_OIDC_CLIENT_ID configured: the API and the dashboard are"
                    + " closed (401 for every viewer). Set either to open them.");
        } else {
            LOG.infof("Viewer gate: %s%s", gate.hasAccessKey() ? "access key (Bearer or signed session cookie)" : "",
                    google.enabled() ? (gate.hasAccessKey() ? ", " : "") + "Google sign-in for "
                            + google.rule().allowedDomain() : "");
        }
    }
}
