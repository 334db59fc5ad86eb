package dev.orgpulse.query.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class GoogleAccountRuleTest {

    private final GoogleAccountRule rule = new GoogleAccountRule("Example.com");

    @Test
    void aVerifiedAddressOfTheWorkspaceIsAdmitted() {
        assertEquals(Optional.empty(), rule.refusal("ada@example.com", true, "example.com"));
        assertEquals(Optional.empty(), rule.refusal("Ada@EXAMPLE.com", "true", "Example.COM"));
    }

    @Test
    void anUnverifiedOrMissingAddressIsRefused() {
        assertTrue(rule.refusal("ada@example.com", false, "example.com").orElseThrow().contains("not verified"));
        assertTrue(rule.refusal("ada@example.com", null, "example.com").isPresent());
        assertTrue(rule.refusal(null, true, "example.com").orElseThrow().contains("no email"));
    }

    @Test
    void theAddressMustBeInTheDomainNotMerelyEndWithIt() {
        assertTrue(rule.refusal("eve@evil-example.com", true, "example.com").isPresent());
        assertTrue(rule.refusal("eve@example.com.evil.org", true, "example.com").isPresent());
        assertTrue(rule.refusal("eve@sub.example.com", true, "example.com").isPresent());
    }

    @Test
    void aConsumerAccountWithTheDomainsAddressButNoMatchingHostedDomainIsRefused() {
        assertTrue(rule.refusal("ada@example.com", true, null).orElseThrow().contains("hosted domain: none"));
        assertTrue(rule.refusal("ada@example.com", true, "other.org").isPresent());
    }

    @Test
    void aDomainThatIsNoDomainIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new GoogleAccountRule(" "));
        assertThrows(IllegalArgumentException.class, () -> new GoogleAccountRule("@example.com"));
        assertThrows(IllegalArgumentException.class, () -> new GoogleAccountRule("localhost"));
    }
}
