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

    GitHub github();

    Ingest ingest();

    interface GitHub {

        /**
         * {@code ORGPULSE_GITHUB_WEBHOOK_SECRETS}: comma-separated; a delivery signed with any one of them is
         * accepted, so a secret can be rotated without refusing deliveries. None configured: every delivery is refused.
         */
        Optional<List<String>> webhookSecrets();
    }

    interface Ingest {

        /**
         * {@code ORGPULSE_INGEST_MAX_BODY_SIZE}: the largest body accepted (GitHub caps payloads at 25 MB).
         * Larger bodies are refused with 413 while they stream in, never truncated.
         */
        @WithDefault("25M")
        MemorySize maxBodySize();

        /**
         * {@code ORGPULSE_INGEST_ACK_TIMEOUT}: how long a delivery waits for the broker to acknowledge its record
         * before the sender gets 503 and retries. The producer gives up on the record within this time too, so
         * a 503 does not hide a record that lands later.
         */
        @WithDefault("6S")
        Duration ackTimeout();
    }
}
