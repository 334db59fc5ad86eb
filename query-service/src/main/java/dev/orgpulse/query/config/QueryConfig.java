package dev.orgpulse.query.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.orgpulse.eventlog.Topics;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The query service's settings; every property has an {@code ORGPULSE_*} environment name. */
@ConfigMapping(prefix = "orgpulse")
public interface QueryConfig {

    /** Rolling window of the feed, stats, contributors, top repos and heatmap, in days ({@code ORGPULSE_WINDOW_DAYS}). */
    @WithDefault("90")
    int windowDays();

    /** Count bots ({@code [bot]} logins, {@code type: Bot}) in the people metrics ({@code ORGPULSE_INCLUDE_BOTS}). */
    @WithDefault("false")
    boolean includeBots();

    /**
     * {@code /api/members}: a person is active when their last activity is at most this many days old
     * ({@code ORGPULSE_ACTIVE_DAYS}).
     */
    @WithDefault("14")
    int activeDays();

    /** The viewer gate's shared key ({@code ORGPULSE_ACCESS_KEY}); without it (and without the bypass) the API is closed. */
    Optional<String> accessKey();

    /** Opens the viewer gate to anyone; local use only ({@code ORGPULSE_DEV_AUTH_BYPASS}). */
    @WithDefault("false")
    boolean devAuthBypass();

    /**
     * The path under which a reverse proxy publishes the service, e.g. {@code /orgpulse} ({@code ORGPULSE_URL_PREFIX});
     * without it the proxy's {@code X-Forwarded-Prefix} is honoured.
     */
    Optional<String> urlPrefix();

    /** The Google Workspace domain whose accounts may sign in with Google ({@code ORGPULSE_ALLOWED_EMAIL_DOMAIN}). */
    Optional<String> allowedEmailDomain();

    Oidc oidc();

    Query query();

    Stream stream();

    Session session();

    Bottleneck bottleneck();

    Dora dora();

    /** Google Workspace sign-in (OpenID Connect, authorization-code flow); off without a client id. */
    interface Oidc {

        /** The OAuth client id from the Google Cloud console ({@code ORGPULSE_OIDC_CLIENT_ID}). */
        Optional<String> clientId();

        /** Its client secret ({@code ORGPULSE_OIDC_CLIENT_SECRET}). */
        Optional<String> clientSecret();

        /** The OpenID provider; its discovery document is {@code <issuer>/.well-known/openid-configuration}. */
        @WithDefault("https://accounts.google.com")
        String issuer();
    }

    interface Query {

        /**
         * {@code ORGPULSE_QUERY_CHANGES_TOPIC}: where the projectors' change notices are read; the projectors publish
         * them on {@code orgpulse-changes} unless {@code ORGPULSE_PROJECTOR_CHANGES_TOPIC} says otherwise.
         */
        @WithDefault(Topics.CHANGES)
        String changesTopic();
    }

    interface Stream {

        /** Longest silence on {@code /api/stream} before a heartbeat comment ({@code ORGPULSE_STREAM_HEARTBEAT}). */
        @WithDefault("15s")
        Duration heartbeat();

        /**
         * {@code ORGPULSE_STREAM_VERSION_CHECK}: how often the read-model version is read, to notice a switch (caches
         * emptied, {@code event: reset}) when no change notice of the new version arrives first.
         */
        @WithDefault("5s")
        Duration versionCheck();

        /**
         * Feed items read at a time for a client that resumes with {@code Last-Event-ID}; it gets all it missed, a
         * page at a time ({@code ORGPULSE_STREAM_REPLAY_LIMIT}).
         */
        @WithDefault("500")
        int replayLimit();
    }

    interface Session {

        /** How long a viewer session cookie from the login page stays valid ({@code ORGPULSE_SESSION_MAX_AGE}). */
        @WithDefault("12h")
        Duration maxAge();
    }

    /** When an open pull request's wait shows on {@code /api/prs/bottlenecks} as a warning, and as critical. */
    interface Bottleneck {

        /** {@code ORGPULSE_BOTTLENECK_WARNING} */
        @WithDefault("24h")
        Duration warning();

        /** {@code ORGPULSE_BOTTLENECK_CRITICAL} */
        @WithDefault("72h")
        Duration critical();
    }

    interface Dora {

        /** The deployment environments {@code /api/dora} counts without {@code ?environment=} ({@code ORGPULSE_DORA_ENVIRONMENTS}). */
        @WithDefault("production")
        List<String> environments();
    }
}
