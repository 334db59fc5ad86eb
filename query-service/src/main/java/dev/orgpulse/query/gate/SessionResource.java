package dev.orgpulse.query.gate;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** The login page for browsers: the access key in, a signed session cookie out; and sign-out. */
@Path("/")
public class SessionResource {

    private static final Logger LOG = Logger.getLogger(SessionResource.class);

    private final ViewerGate gate;
    private final SignInPages pages;

    public SessionResource(ViewerGate gate, SignInPages pages) {
        this.gate = gate;
        this.pages = pages;
    }

    /** @param error set when Google sign-in came back without an account (the user cancelled, Google refused) */
    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public String loginForm(@RestQuery String error, @Context HttpHeaders request) {
        if (error != null) {
            return pages.loginPage(request, "Google sign-in was not completed.");
        }
        return pages.loginPage(request, gate.hasSignIn() || gate.devBypass() ? ""
                : "No access key and no Google sign-in are configured on this server, so nobody can sign in.");
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@RestForm String key, @Context UriInfo uri, @Context HttpHeaders request) {
        if (!gate.acceptsKey(key)) {
            LOG.warn("viewer sign-in refused: the presented key is not the access key");
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(pages.loginPage(request, "That key was not accepted."))
                    .build();
        }
        return pages.openSession(uri, request);
    }

    @POST
    @Path("logout")
    public Response signOut(@Context UriInfo uri, @Context HttpHeaders request) {
        return pages.signedOut(uri, request);
    }
}
