package dev.orgpulse.query.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class UrlPrefixTest {

    @Test
    void theConfiguredPrefixWinsOverTheProxysHeader() {
        UrlPrefix configured = new UrlPrefix(Optional.of("orgpulse/"));

        assertEquals("/orgpulse", configured.of(null));
        assertEquals("/orgpulse", configured.of("/elsewhere"));
    }

    @Test
    void withoutOneTheForwardedPrefixIsHonouredWhenItIsPlainPathSegments() {
        UrlPrefix fromProxy = new UrlPrefix(Optional.empty());

        assertEquals("", fromProxy.of(null));
        assertEquals("", fromProxy.of("/"));
        assertEquals("/tools/orgpulse", fromProxy.of("/tools/orgpulse/"));
        assertEquals("", fromProxy.of("/\"><script>alert(1)</script>"));
        assertEquals("", fromProxy.of("//evil.example"));
        assertEquals("", fromProxy.of("/a/../b"));
    }

    @Test
    void aBadConfiguredPrefixFailsTheStart() {
        assertThrows(IllegalArgumentException.class, () -> new UrlPrefix(Optional.of("https://host/x")));
        assertEquals("/x", new UrlPrefix(Optional.of(" ")).of("/x"));
    }
}
