package dev.orgpulse.query.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The dashboard page at {@code /}; its script and styles are public assets under {@code /assets}. */
@Path("/")
public class DashboardResource {

    private static final String PAGE = Pages.load("web/dashboard.html");

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String dashboard() {
        return PAGE;
    }
}
