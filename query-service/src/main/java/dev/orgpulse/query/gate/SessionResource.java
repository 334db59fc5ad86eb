package dev.orgpulse.query.gate;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

import dev.orgpulse.query.config.QueryConfig;
import dev.orgpulse.query.web.Pages;

/** The login page for browsers: the access key in, a signed session cookie out; and sign-out. */
@Path("/")
public class SessionResource {

    static final String LOGIN_PATH = "/login";

    private static final Logger LOG = Logger.getLogger(SessionResource.class);
    private static final String LOGIN_PAGE = Pages.load("web/login.html");
    private static final String MESSAGE_SLOT = "<!--message-->";

    private final ViewerGate gate;
    private final Clock clock;
    private final Duration sessionMaxAge;

    public SessionResource(ViewerGate gate, Clock clock, QueryConfig config) {
        this.gate = gate;
        this.clock = clock;
        this.sessionMaxAge = config.session().maxAge();
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public String loginForm() {
        return loginPage(gate.hasAccessKey() || gate.devBypass() ? ""
                : "No access key is configured on this server, so nobody can sign in.");
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@RestForm String key, @Context UriInfo request) {
        if (!gate.acceptsKey(key)) {
            LOG.warn("viewer sign-in refused: the presented key is not the access key");
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(loginPage("That key was not accepted."))
                    .build();
        }
        String session = gate.openSession(clock.instant().plus(sessionMaxAge));
        return Response.seeOther(URI.create("/"))
                .cookie(SessionCookie.open(session, sessionMaxAge, isHttps(request)))
                .build();
    }

    @POST
    @Path("logout")
    public Response signOut(@Context UriInfo request) {
        return Response.seeOther(URI.create(LOGIN_PATH))
                .cookie(SessionCookie.cleared(isHttps(request)))
                .build();
    }

    private static String loginPage(String message) {
        return LOGIN_PAGE.replace(MESSAGE_SLOT, message.isEmpty() ? "" : "<p class=\"error\">" + message + "</p>");
    }

    private static boolean isHttps(UriInfo request) {
        return "https".equalsIgnoreCase(request.getRequestUri().getScheme());
    }
}
