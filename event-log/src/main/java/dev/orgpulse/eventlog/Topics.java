package dev.orgpulse.eventlog;

import java.util.List;
import java.util.Map;

/** The topics of the log contract, with the settings they are created with. */
public final class Topics {

    /** One record per accepted delivery, kept forever. */
    public static final String EVENTS = "orgpulse-events";

    /** Small change notices from the projectors; only needed while caches and streams catch up. */
    public static final String CHANGES = "orgpulse-changes";

    /** Partitions of {@link #EVENTS}: records with one key (one repository, one meeting) stay in order. */
    public static final int EVENTS_PARTITIONS = 6;

    /** The largest record the log takes: the ingest cap for a delivery body (25 MiB) plus room for key and headers. */
    public static final int EVENTS_MAX_RECORD_BYTES = 25 * 1024 * 1024 + 64 * 1024;

    public static final Map<String, String> EVENTS_CONFIG = Map.of(
            "retention.ms", "-1",
            "retention.bytes", "-1",
            "cleanup.policy", "delete",
            "max.message.bytes", String.valueOf(EVENTS_MAX_RECORD_BYTES));

    public static final int CHANGES_PARTITIONS = 1;

    public static final Map<String, String> CHANGES_CONFIG = Map.of(
            "retention.ms", String.valueOf(24L * 60 * 60 * 1000),
            "cleanup.policy", "delete");

    /**
     * The ingest service's backfills: the latest state of each (keyed by backfill id), so any replica can report
     * it and the one that runs them resumes them after a restart; and {@code POST /admin/recovery} requests with
     * their reports (keyed {@code recovery:<id>}), so any replica takes one. Its single partition also elects that
     * replica:
     * the member of the ingest's GitHub consumer group that holds it runs recovery and backfills.
     */
    public static final String BACKFILLS = "orgpulse-backfills";

    public static final int BACKFILLS_PARTITIONS = 1;

    public static final Map<String, String> BACKFILLS_CONFIG = Map.of(
            "cleanup.policy", "compact");

    /** A topic as every place that creates topics creates it: the local broker, the tests, Kubernetes, Compose. */
    public record Spec(String name, int partitions, Map<String, String> config) {
    }

    /** Every topic of the contract, so that a new one reaches every place that creates topics. */
    public static final List<Spec> ALL = List.of(
            new Spec(EVENTS, EVENTS_PARTITIONS, EVENTS_CONFIG),
            new Spec(CHANGES, CHANGES_PARTITIONS, CHANGES_CONFIG),
            new Spec(BACKFILLS, BACKFILLS_PARTITIONS, BACKFILLS_CONFIG));

    private Topics() {
    }
}
