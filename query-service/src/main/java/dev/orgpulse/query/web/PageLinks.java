package dev.orgpulse.query.web;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import dev.orgpulse.query.config.QueryConfig;

/** Links and redirects as the browser must see them: under the {@link UrlPrefix} of the request. */
@ApplicationScoped
public class PageLinks {

    private final UrlPrefix prefix;

    public PageLinks(QueryConfig config) {
        this.prefix = new UrlPrefix(config.urlPrefix());
    }

    public URI to(HttpHeaders request, String path) {
        return URI.create(prefix(request) + path);
    }

    public URI to(ContainerRequestContext request, String path) {
        return URI.create(prefix.of(request.getHeaderString(UrlPrefix.FORWARDED_PREFIX)) + path);
    }

    /** The prefix of this request: empty when the service is at the root. */
    public String prefix(HttpHeaders request) {
        return prefix.of(request.getHeaderString(UrlPrefix.FORWARDED_PREFIX));
    }
}
