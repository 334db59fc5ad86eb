package dev.orgpulse.query.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The HTML pages shipped in the jar (outside META-INF/resources, so the gate decides who gets them). A page names
 * its base as {@code {{base}}} (every link in it is relative to it) and may hold a {@code <!--banner-->} slot.
 */
public final class Pages {

    private static final String BASE_SLOT = "{{base}}";
    private static final String BANNER_SLOT = "<!--banner-->";
    private static final String DEV_BYPASS_BANNER = "<div class=\"dev-banner\" role=\"alert\">Dev auth bypass is ON:"
            + " anyone who reaches this server reads everything. Local use only.</div>";

    private Pages() {
    }

    public static String load(String resource) {
        try (InputStream in = Pages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("page " + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("page " + resource + " is unreadable", e);
        }
    }

    /**
     * @param prefix    the request's URL prefix ({@link UrlPrefix}: plain path segments, safe in an attribute)
     * @param devBypass shows the dev-bypass banner
     */
    public static String render(String page, String prefix, boolean devBypass) {
        return page.replace(BASE_SLOT, prefix + "/").replace(BANNER_SLOT, devBypass ? DEV_BYPASS_BANNER : "");
    }
}
