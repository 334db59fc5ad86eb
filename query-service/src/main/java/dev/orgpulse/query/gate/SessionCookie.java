package dev.orgpulse.query.gate;

import java.time.Duration;

import jakarta.ws.rs.core.NewCookie;

/** The viewer session cookie: HttpOnly (scripts never see it), SameSite=Lax, for the whole site. */
public final class SessionCookie {

    public static final String NAME = "orgpulse_session";

    private SessionCookie() {
    }

    static NewCookie open(String signedValue, Duration maxAge, boolean secure) {
        return builder(signedValue, secure).maxAge((int) maxAge.toSeconds()).build();
    }

    static NewCookie cleared(boolean secure) {
        return builder("", secure).maxAge(0).build();
    }

    private static NewCookie.Builder builder(String value, boolean secure) {
        return new NewCookie.Builder(NAME)
                .value(value)
                .path("/")
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .secure(secure);
    }
}
