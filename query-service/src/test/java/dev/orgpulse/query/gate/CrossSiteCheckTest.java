package dev.orgpulse.query.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class CrossSiteCheckTest {

    private static final String HOST = "wall.example.com";

    @Test
    void onlyMethodsThatMayChangeStateAreChecked() {
        assertFalse(CrossSiteCheck.changesState("GET"));
        assertFalse(CrossSiteCheck.changesState("head"));
        assertFalse(CrossSiteCheck.changesState("OPTIONS"));
        assertTrue(CrossSiteCheck.changesState("POST"));
        assertTrue(CrossSiteCheck.changesState("DELETE"));
    }

    @Test
    void aFormPostedFromThePageItselfPasses() {
        assertEquals(Optional.empty(), CrossSiteCheck.refusal("POST", "same-origin", "https://wall.example.com", HOST));
        assertEquals(Optional.empty(), CrossSiteCheck.refusal("POST", null, "http://localhost:8080", "localhost:8080"));
        // typed into the address bar or a bookmark
        assertEquals(Optional.empty(), CrossSiteCheck.refusal("POST", "none", null, HOST));
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefused() {
        assertTrue(CrossSiteCheck.refusal("POST", "cross-site", "https://evil.example", HOST).isPresent());
        assertTrue(CrossSiteCheck.refusal("POST", "same-site", "https://other.example.com", HOST).isPresent());
        // older browsers without Sec-Fetch-Site still send Origin
        assertTrue(CrossSiteCheck.refusal("POST", null, "https://evil.example", HOST).isPresent());
        assertTrue(CrossSiteCheck.refusal("POST", null, "https://wall.example.com:8443", HOST).isPresent());
        // sandboxed frames and some redirects send Origin: null
        assertTrue(CrossSiteCheck.refusal("POST", null, "null", HOST).isPresent());
    }

    @Test
    void readsAndNonBrowserClientsPass() {
        assertEquals(Optional.empty(), CrossSiteCheck.refusal("GET", "cross-site", "https://evil.example", HOST));
        assertEquals(Optional.empty(), CrossSiteCheck.refusal("POST", null, null, HOST));
    }
}
