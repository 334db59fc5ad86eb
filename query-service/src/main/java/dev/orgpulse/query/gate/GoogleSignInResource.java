package dev.orgpulse.query.gate;

import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET /login/google}: a stranger is sent to Google (the OIDC extension's authorization-code flow); when Google
 * sends the browser back, the extension has exchanged the code and checked the ID token, and this decides whether
 * the account may read. An admitted account gets the same session cookie as the access key's holders, so there is one
 * kind of session to reason about; Quarkus's own OIDC session cookie only ever travels to this path, and sign-out
 * (or a refusal) clears it.
 * <p>
 * Authentication is not proactive ({@code quarkus.http.auth.proactive=false}: no other route needs Quarkus's identity,
 * and building one for every request was a sixth of {@code /api/stats}' cost), so this asks for the identity itself.
 */
@Path(GoogleSignIn.PATH)
public class GoogleSignInResource {

    private static final Logger LOG = Logger.getLogger(GoogleSignInResource.class);

    private final GoogleSignIn google;
    private final SignInPages sessions;
    private final CurrentIdentityAssociation identities;

    public GoogleSignInResource(GoogleSignIn google, SignInPages sessions, CurrentIdentityAssociation identities) {
        this.google = google;
        this.sessions = sessions;
        this.identities = identities;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> signIn(@Context UriInfo uri, @Context HttpHeaders request) {
        if (!google.enabled()) {
            return Uni.createFrom().item(Response.status(Response.Status.NOT_FOUND)
                    .entity(sessions.loginPage(request, "Google sign-in is not configured on this server."))
                    .build());
        }
        return identities.getDeferredIdentity().map(identity -> answer(identity, uri, request));
    }

    private Response answer(SecurityIdentity identity, UriInfo uri, HttpHeaders request) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken idToken)) {
            // the OIDC extension answers this with its challenge: a redirect to Google's authorization endpoint
            throw new UnauthorizedException("sign in with Google first");
        }
        Optional<String> refusal = google.rule().refusal(idToken.getClaim("email"), idToken.getClaim("email_verified"),
                idToken.getClaim("hd"));
        if (refusal.isPresent()) {
            LOG.warnf("Google sign-in refused: %s", refusal.get());
            return Response.status(Response.Status.FORBIDDEN)
                    .entity(sessions.loginPage(request, "Not admitted: " + refusal.get() + "."))
                    .cookie(sessions.oidcSessionCleared(uri, request))
                    .build();
        }
        LOG.infof("viewer signed in with Google: %s", (Object) idToken.getClaim("email"));
        return sessions.openSession(uri, request);
    }
}
