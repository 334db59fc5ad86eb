package dev.orgpulse.projector.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The projector's {@code orgpulse.*} settings (environment {@code ORGPULSE_*}). */
@ConfigMapping(prefix = "orgpulse")
public interface ProjectorConfig {

    /** {@code ORGPULSE_ADMIN_KEY}: the Bearer credential of the admin endpoints; without it they stay closed. */
    Optional<String> adminKey();

    Projector projector();

    interface Projector {

        /**
         * {@code ORGPULSE_PROJECTOR_CONSUMER_GROUP}: the Kafka consumer group of the fold, also the key under
         * which its checkpoints are stored.
         */
        String consumerGroup();
    }
}
