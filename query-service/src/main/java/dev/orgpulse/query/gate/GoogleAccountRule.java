package dev.orgpulse.query.gate;

import java.util.Locale;
import java.util.Optional;

/**
 * Which Google accounts may read: a verified email address in the allowed Workspace domain, and an ID token whose
 * {@code hd} (hosted domain) claim names that same domain. The email alone is not enough: a consumer Google account
 * can carry any address, only Workspace accounts carry {@code hd}.
 */
public final class GoogleAccountRule {

    private final String allowedDomain;

    public GoogleAccountRule(String allowedDomain) {
        String domain = allowedDomain.trim().toLowerCase(Locale.ROOT);
        if (domain.isEmpty() || domain.startsWith("@") || !domain.contains(".")) {
            throw new IllegalArgumentException("ORGPULSE_ALLOWED_EMAIL_DOMAIN must be a domain such as example.com, not '"
                    + allowedDomain + "'");
        }
        this.allowedDomain = domain;
    }

    public String allowedDomain() {
        return allowedDomain;
    }

    /**
     * @param email         the ID token's {@code email}, or null
     * @param emailVerified its {@code email_verified} (a boolean, or the string {@code "true"} some providers send)
     * @param hostedDomain  its {@code hd}, or null
     * @return why the account is refused, or empty when it may read
     */
    public Optional<String> refusal(String email, Object emailVerified, String hostedDomain) {
        if (email == null || email.isBlank()) {
            return Optional.of("the Google account has no email address");
        }
        if (!Boolean.TRUE.equals(emailVerified) && !"true".equals(emailVerified)) {
            return Optional.of("the email address " + email + " is not verified by Google");
        }
        int at = email.lastIndexOf('@');
        String emailDomain = at < 0 ? "" : email.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!emailDomain.equals(allowedDomain)) {
            return Optional.of(email + " is not an address of " + allowedDomain);
        }
        if (hostedDomain == null || !hostedDomain.toLowerCase(Locale.ROOT).equals(allowedDomain)) {
            return Optional.of(email + " does not belong to the Google Workspace of " + allowedDomain
                    + " (hosted domain: " + (hostedDomain == null ? "none" : hostedDomain) + ")");
        }
        return Optional.empty();
    }
}
