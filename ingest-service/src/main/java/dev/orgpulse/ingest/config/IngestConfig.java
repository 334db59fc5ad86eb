package dev.orgpulse.ingest.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The ingest service's settings; each property can be set by its environment name (ORGPULSE_...). */
@ConfigMapping(prefix = "orgpulse")
public interface IngestConfig {

    /** {@code ORGPULSE_ADMIN_KEY}: the Bearer credential of {@code /admin/*}; without it they stay closed. */
    Optional<String> adminKey();

    GitHub github();

    PubSub pubsub();

    Ingest ingest();

    Meet meet();

    interface GitHub {

        /**
         * {@code ORGPULSE_GITHUB_WEBHOOK_SECRETS}: comma-separated; a delivery signed with any one of them is
         * accepted, so a secret can be rotated without refusing deliveries. None configured: every delivery is refused.
         */
        Optional<List<String>> webhookSecrets();

        /**
         * {@code ORGPULSE_GITHUB_TOKEN}: a token (personal, fine-grained or an App installation's) the service
         * calls GitHub's API with. Used when no App is configured; with neither, recovery and backfill are off.
         */
        Optional<String> token();

        /** {@code ORGPULSE_GITHUB_APP_ID}: the GitHub App the service authenticates as (with its private key). */
        Optional<String> appId();

        /** {@code ORGPULSE_GITHUB_APP_PRIVATE_KEY_FILE}: the App's private key, the PEM file GitHub generated. */
        Optional<String> appPrivateKeyFile();

        /** {@code ORGPULSE_GITHUB_ORG}: the organisation whose hook is recovered and whose App installation is used. */
        Optional<String> org();

        /** {@code ORGPULSE_GITHUB_API_URL}: the REST API root; {@code https://HOST/api/v3} for GitHub Enterprise Server. */
        @WithDefault("https://api.github.com")
        String apiUrl();

        /** {@code ORGPULSE_GITHUB_HOOK_ID}: the organisation webhook recovery looks after. */
        Optional<Long> hookId();

        /**
         * {@code ORGPULSE_GITHUB_HOOK_URL}: without a hook id, the organisation webhook posting to this URL (this
         * service's public {@code /webhooks/github}) is the one recovery looks after.
         */
        Optional<String> hookUrl();

        /** {@code ORGPULSE_GITHUB_RECOVERY_EVERY}: how often failed and missing deliveries are looked for. */
        @WithDefault("10M")
        Duration recoveryEvery();

        /**
         * {@code ORGPULSE_GITHUB_RECOVERY_LOOKBACK}: how far back the first recovery after a start looks (GitHub keeps
         * a hook's deliveries for three days); later runs look back to the previous run.
         */
        @WithDefault("1H")
        Duration recoveryLookback();

        Api api();

        /** How the service talks to GitHub's API. */
        interface Api {

            /** {@code ORGPULSE_GITHUB_API_REQUEST_TIMEOUT}: how long one call may take. */
            @WithDefault("30S")
            Duration requestTimeout();

            /** {@code ORGPULSE_GITHUB_API_MAX_ATTEMPTS}: attempts of one call while GitHub answers 5xx or not at all. */
            @WithDefault("5")
            int maxAttempts();

            /** {@code ORGPULSE_GITHUB_API_INITIAL_BACKOFF}: the wait before the first retry of a 5xx; it doubles after. */
            @WithDefault("1S")
            Duration initialBackoff();

            /**
             * {@code ORGPULSE_GITHUB_API_RATE_LIMIT_RESERVE}: calls of the hourly budget left untouched; below it the
             * service waits for the budget's reset (other tools of the organisation may share the budget).
             */
            @WithDefault("100")
            int rateLimitReserve();
        }
    }

    interface PubSub {

        /**
         * {@code ORGPULSE_PUBSUB_AUDIENCE}: the audience the push subscription puts in its Google ID tokens (the
         * push endpoint URL unless the subscription names another). None configured: every push is refused (401).
         */
        Optional<String> audience();

        /**
         * {@code ORGPULSE_PUBSUB_SERVICE_ACCOUNTS}: comma-separated; the service accounts whose tokens may push.
         * None configured: every push is refused (403).
         */
        Optional<List<String>> serviceAccounts();

        /** {@code ORGPULSE_PUBSUB_JWKS_URL}: the key set Google signs its ID tokens with. */
        @WithDefault("https://www.googleapis.com/oauth2/v3/certs")
        String jwksUrl();

        /**
         * {@code ORGPULSE_PUBSUB_JWKS_MIN_REFRESH_INTERVAL}: the least time between two fetches of the key set.
         * A token naming an unknown key makes the service look again, but no oftener than this, so a flood of
         * forged key ids cannot turn into a flood of requests to Google.
         */
        @WithDefault("30S")
        Duration jwksMinRefreshInterval();
    }

    interface Ingest {

        /**
         * {@code ORGPULSE_INGEST_MAX_BODY_SIZE}: the largest body accepted (GitHub caps payloads at 25 MB).
         * Larger bodies are refused with 413 while they stream in, never truncated.
         */
        @WithDefault("25M")
        MemorySize maxBodySize();

        /**
         * {@code ORGPULSE_INGEST_ACK_TIMEOUT}: how long a delivery waits for its record's log transaction to ask to
         * commit before the sender gets 503 and retries. A transaction that has not asked to commit by then is
         * aborted, so a 503 does not hide a record that is read later.
         */
        @WithDefault("6S")
        Duration ackTimeout();

        /**
         * {@code ORGPULSE_INGEST_INSTANCE_ID}: names this replica's log transactions. It must differ between replicas
         * (two with one name fence each other's transactions) and should stay the same across a replica's restarts:
         * the restarted replica then ends at once the transactions its previous run left open, which otherwise hide
         * later records from readers until the broker times them out. Default: the host name and the HTTP port.
         */
        Optional<String> instanceId();
    }

    /**
     * The Meet enricher: it looks up the people behind Meet participant events in the Meet REST API and appends
     * the answers to the log, so that no fold ever calls Google.
     */
    interface Meet {

        /**
         * {@code ORGPULSE_MEET_CREDENTIALS_FILE}: a Google service-account JSON key file ({@code client_email},
         * {@code private_key}, {@code token_uri}) with domain-wide delegation for the Meet read-only scope.
         * None configured: the enricher is off and participants are shown by their resource id.
         */
        Optional<String> credentialsFile();

        /**
         * {@code ORGPULSE_MEET_SUBJECT}: the Workspace user the service account acts as; the Meet API shows it
         * the meetings that user may see. None configured: the enricher is off.
         */
        Optional<String> subject();

        /** {@code ORGPULSE_MEET_API_URL}: the Meet REST API, up to and including its version. */
        @WithDefault("https://meet.googleapis.com/v2")
        String apiUrl();

        Enricher enricher();

        interface Enricher {

            /** {@code ORGPULSE_MEET_ENRICHER_ENABLED}: {@code false} keeps the enricher off even with credentials. */
            @WithDefault("true")
            boolean enabled();

            /**
             * {@code ORGPULSE_MEET_ENRICHER_MAX_ATTEMPTS}: how often one participant is asked for (token and API
             * call) while Google answers 429, 5xx or not at all, before the enricher logs it and moves on.
             */
            @WithDefault("4")
            int maxAttempts();

            /** {@code ORGPULSE_MEET_ENRICHER_INITIAL_BACKOFF}: the wait before the first retry; it doubles after. */
            @WithDefault("1S")
            Duration initialBackoff();

            /** {@code ORGPULSE_MEET_ENRICHER_MAX_BACKOFF}: the longest wait between two attempts. */
            @WithDefault("10S")
            Duration maxBackoff();

            /** {@code ORGPULSE_MEET_ENRICHER_REQUEST_TIMEOUT}: how long one call to Google may take. */
            @WithDefault("10S")
            Duration requestTimeout();

            /** {@code ORGPULSE_MEET_ENRICHER_CACHE_SIZE}: how many resolved participants are remembered. */
            @WithDefault("10000")
            int cacheSize();
        }
    }
}
