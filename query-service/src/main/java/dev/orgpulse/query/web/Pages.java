package dev.orgpulse.query.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The HTML pages shipped in the jar (outside META-INF/resources, so the gate decides who gets them). */
public final class Pages {

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
}
