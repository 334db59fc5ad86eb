package dev.orgpulse.query.gate;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Hands the OIDC extension the Google tenant, built from the OrgPulse settings, for {@value GoogleSignIn#PATH} only.
 * Every other path (and every path when Google sign-in is off) gets the default tenant, which is disabled: the
 * extension then leaves the request to the viewer gate.
 */
@ApplicationScoped
public class GoogleTenantResolver implements TenantConfigResolver {

    private final GoogleSignIn google;

    public GoogleTenantResolver(GoogleSignIn google) {
        this.google = google;
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> request) {
        boolean signingIn = GoogleSignIn.PATH.equals(context.normalizedPath());
        return Uni.createFrom().item(signingIn ? google.tenant().orElse(null) : null);
    }
}
