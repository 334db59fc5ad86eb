package dev.orgpulse.projector.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The projector's {@code orgpulse.*} settings (environment {@code ORGPULSE_*}). */
@ConfigMapping(prefix = "orgpulse")
public interface ProjectorConfig {

    /** {@code ORGPULSE_ADMIN_KEY}: the Bearer credential of the admin endpoints; without it they stay closed. */
    Optional<String> adminKey();

    /**
     * {@code ORGPULSE_WINDOW_DAYS}: the feed's rolling window; older feed items are trimmed (their facts and the
     * daily activity stay). The query service reads the same setting.
     */
    @WithDefault("90")
    int windowDays();

    Projector projector();

    Rebuild rebuild();

    interface Rebuild {

        /**
         * {@code ORGPULSE_REBUILD_KEEP}: how many read-model versions older than the current one are kept after a
         * rebuild switched (a kept version can be brought back); older ones are dropped.
         */
        @WithDefault("1")
        int keep();
    }

    interface Projector {

        /**
         * {@code ORGPULSE_PROJECTOR_CONSUMER_GROUP}: the Kafka consumer group of the fold, also the key under
         * which its checkpoints are stored.
         */
        String consumerGroup();

        /**
         * {@code ORGPULSE_PROJECTOR_CHANGES_TOPIC}: where change notices go; the query service reads them from
         * {@code ORGPULSE_QUERY_CHANGES_TOPIC}, by default the same, so only a benchmark's projector, kept away from
         * live query nodes, sets another.
         */
        @WithDefault("orgpulse-changes")
        String changesTopic();
    }
}
