package dev.orgpulse.query.gate;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.orgpulse.query.config.QueryConfig;
import dev.orgpulse.query.web.PageLinks;
import dev.orgpulse.query.web.Pages;

/** What both ways of signing in share: the login page with the ways this server offers, and opening a session. */
@ApplicationScoped
public class SignInPages {

    static final String LOGIN_PATH = "/login";

    private static final String LOGIN_PAGE = Pages.load("web/login.html");
    private static final String MESSAGE_SLOT = "<!--message-->";
    private static final String KEY_FORM_SLOT = "<!--key-form-->";
    private static final String GOOGLE_SLOT = "<!--google-->";
    private static final String KEY_FORM = """
            <form method="post" action="login">
              <label for="key">Access key</label>
              <input id="key" name="key" type="password" autocomplete="current-password" required autofocus>
              <button type="submit">Sign in</button>
            </form>""";
    private static final String GOOGLE_BUTTON = "<a class=\"button google\" href=\"login/google\">Sign in with Google</a>";

    private final ViewerGate gate;
    private final GoogleSignIn google;
    private final PageLinks links;
    private final Clock clock;
    private final Duration sessionMaxAge;

    public SignInPages(ViewerGate gate, GoogleSignIn google, PageLinks links, Clock clock, QueryConfig config) {
        this.gate = gate;
        this.google = google;
        this.links = links;
        this.clock = clock;
        this.sessionMaxAge = config.session().maxAge();
    }

    /** A session for a viewer who proved who they are, and the way to the wall. */
    Response openSession(UriInfo uri, HttpHeaders request) {
        String session = gate.openSession(clock.instant().plus(sessionMaxAge));
        return Response.seeOther(links.to(request, "/"))
                .cookie(SessionCookie.open(session, sessionMaxAge, isHttps(uri)))
                .build();
    }

    Response signedOut(UriInfo uri, HttpHeaders request) {
        return Response.seeOther(links.to(request, LOGIN_PATH))
                .cookie(SessionCookie.cleared(isHttps(uri)), oidcSessionCleared(uri, request))
                .build();
    }

    /** Clears the OIDC extension's session cookie, which lives on the Google sign-in path only. */
    NewCookie oidcSessionCleared(UriInfo uri, HttpHeaders request) {
        return new NewCookie.Builder(GoogleSignIn.OIDC_SESSION_COOKIE).value("").maxAge(0).httpOnly(true)
                .path(links.prefix(request) + GoogleSignIn.PATH).secure(isHttps(uri)).build();
    }

    String loginPage(HttpHeaders request, String message) {
        String page = LOGIN_PAGE
                .replace(KEY_FORM_SLOT, gate.hasAccessKey() ? KEY_FORM : "")
                .replace(GOOGLE_SLOT, google.enabled() ? GOOGLE_BUTTON : "")
                // a refusal may quote an email address from an ID token: escaped like any data
                .replace(MESSAGE_SLOT, message.isEmpty() ? "" : "<p class=\"error\">" + escape(message) + "</p>");
        return Pages.render(page, links.prefix(request), gate.devBypass());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // behind a TLS-terminating proxy the scheme comes from X-Forwarded-Proto (quarkus.http.proxy.*)
    private static boolean isHttps(UriInfo uri) {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
    }
}
