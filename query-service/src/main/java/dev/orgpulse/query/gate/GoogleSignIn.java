package dev.orgpulse.query.gate;

import java.util.Optional;

import dev.orgpulse.query.config.QueryConfig;
import dev.orgpulse.query.web.UrlPrefix;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;

/**
 * Google Workspace sign-in, as configured: on when {@code ORGPULSE_OIDC_CLIENT_ID} is set, and then only complete
 * with a client secret and an allowed domain (the service refuses to start otherwise rather than let any Google
 * account in).
 */
public final class GoogleSignIn {

    /** Where the browser starts Google sign-in, and where Google sends it back with the authorization code. */
    public static final String PATH = "/login/google";
    static final String TENANT = "google";
    /** The OIDC extension's own session cookie; it only ever goes to {@value #PATH} (see the cookie path below). */
    static final String OIDC_SESSION_COOKIE = "q_session_" + TENANT;

    private final Optional<OidcTenantConfig> tenant;
    private final Optional<GoogleAccountRule> rule;

    private GoogleSignIn(Optional<OidcTenantConfig> tenant, Optional<GoogleAccountRule> rule) {
        this.tenant = tenant;
        this.rule = rule;
    }

    static GoogleSignIn off() {
        return new GoogleSignIn(Optional.empty(), Optional.empty());
    }

    public static GoogleSignIn from(QueryConfig config) {
        Optional<String> clientId = config.oidc().clientId().filter(id -> !id.isBlank());
        if (clientId.isEmpty()) {
            return off();
        }
        String secret = config.oidc().clientSecret().filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "ORGPULSE_OIDC_CLIENT_ID is set but ORGPULSE_OIDC_CLIENT_SECRET is not: Google sign-in cannot complete"));
        GoogleAccountRule rule = new GoogleAccountRule(config.allowedEmailDomain().orElseThrow(() -> new IllegalStateException(
                "ORGPULSE_OIDC_CLIENT_ID is set but ORGPULSE_ALLOWED_EMAIL_DOMAIN is not: refusing to let every Google"
                        + " account in")));
        String redirectPath = config.urlPrefix().map(UrlPrefix::normalize).orElse("") + PATH;
        OidcTenantConfig tenant = OidcTenantConfig.authServerUrl(config.oidc().issuer())
                .tenantId(TENANT)
                .applicationType(ApplicationType.WEB_APP)
                .clientId(clientId.get())
                .credentials(secret)
                .authentication()
                    .scopes("email", "profile")
                    // Google's account chooser offers the accounts of this Workspace first
                    .extraParam("hd", rule.allowedDomain())
                    .redirectPath(redirectPath)
                    // the code is exchanged in the very request that brings it, which then opens our own session:
                    // no second hop through Quarkus's session cookie, which is kept to this path (sign-out clears it)
                    .removeRedirectParameters(false)
                    .cookiePath(redirectPath)
                    .errorPath("/login")
                    .end()
                .build();
        return new GoogleSignIn(Optional.of(tenant), Optional.of(rule));
    }

    public boolean enabled() {
        return tenant.isPresent();
    }

    Optional<OidcTenantConfig> tenant() {
        return tenant;
    }

    /** The account rule; only asked when sign-in is {@link #enabled()}. */
    GoogleAccountRule rule() {
        return rule.orElseThrow();
    }

    Optional<String> clientSecret() {
        return tenant.flatMap(config -> config.credentials().secret());
    }
}
