package dev.orgpulse.query.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import dev.orgpulse.query.gate.ViewerGate;

/**
 * The wall at {@code /}, a person's page at {@code /people/{login}} and a repository's at {@code /repos/{owner}/{repo}}.
 * Each is a static shell: its module script reads the path and fills it from the API. Scripts and styles are
 * public assets under {@code /assets}.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class WallPages {

    private static final String WALL = Pages.load("web/wall.html");
    // one shell for both: its script and styles show the panels of the kind named in data-page
    private static final String PERSON = Pages.load("web/page.html").replace("{{page}}", "person");
    private static final String REPOSITORY = Pages.load("web/page.html").replace("{{page}}", "repo");

    private final PageLinks links;
    private final boolean devBypass;

    public WallPages(PageLinks links, ViewerGate gate) {
        this.links = links;
        this.devBypass = gate.devBypass();
    }

    @GET
    public String wall(@Context HttpHeaders request) {
        return render(WALL, request);
    }

    @GET
    @Path("people/{login}")
    public String person(@Context HttpHeaders request) {
        return render(PERSON, request);
    }

    @GET
    @Path("repos/{owner}/{repo}")
    public String repository(@Context HttpHeaders request) {
        return render(REPOSITORY, request);
    }

    private String render(String page, HttpHeaders request) {
        return Pages.render(page, links.prefix(request), devBypass);
    }
}
