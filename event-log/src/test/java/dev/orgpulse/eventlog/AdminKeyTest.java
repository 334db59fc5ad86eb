package dev.orgpulse.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.orgpulse.eventlog.AdminKey.Verdict;

class AdminKeyTest {

    private final AdminKey key = AdminKey.of(Optional.of("s3cret-admin"));

    @Test
    void withoutAConfiguredKeyNothingIsAccepted() {
        assertEquals(Verdict.NOT_CONFIGURED, AdminKey.of(Optional.empty()).check("Bearer anything"));
        assertEquals(Verdict.NOT_CONFIGURED, AdminKey.of(Optional.of("  ")).check("Bearer "));
        assertEquals(Verdict.NOT_CONFIGURED, AdminKey.of(Optional.empty()).check(null));
    }

    @Test
    void theConfiguredKeyAsBearerIsAccepted() {
        assertEquals(Verdict.ACCEPTED, key.check("Bearer s3cret-admin"));
        assertEquals(Verdict.ACCEPTED, key.check("bearer s3cret-admin"));
    }

    @Test
    void anythingElseIsRefused() {
        assertEquals(Verdict.NO_CREDENTIAL, key.check(null));
        assertEquals(Verdict.NO_CREDENTIAL, key.check("Basic czNjcmV0LWFkbWlu"));
        assertEquals(Verdict.WRONG_CREDENTIAL, key.check("Bearer s3cret-admin2"));
        assertEquals(Verdict.WRONG_CREDENTIAL, key.check("Bearer s3cret"));
        assertEquals(Verdict.WRONG_CREDENTIAL, key.check("Bearer "));
    }
}
