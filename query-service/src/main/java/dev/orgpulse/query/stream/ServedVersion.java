package dev.orgpulse.query.stream;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.orgpulse.query.api.Healthz;
import dev.orgpulse.query.config.QueryConfig;
import dev.orgpulse.query.readmodel.ReadModelCaches;
import dev.orgpulse.query.readmodel.StatsReadModel;
import dev.orgpulse.query.readmodel.StatusReadModel;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * The read-model version this node serves, and what happens when it changes. The projector switches versions in one
 * transaction that also replaces the views this service reads through, so every query after it answers from the new
 * version at once; what this node must still do is forget the answers it cached from the old one and tell the stream
 * clients ({@code event: reset}, then fresh stats). It notices the switch from the first change notice of the new
 * version, or by reading the version every {@code ORGPULSE_STREAM_VERSION_CHECK} when no notice comes.
 */
@ApplicationScoped
public class ServedVersion {

    private static final Logger LOG = Logger.getLogger(ServedVersion.class);

    private final StatusReadModel status;
    private final ReadModelCaches caches;
    private final StatsReadModel stats;
    private final ChangeHub hub;
    private final StreamMessages messages;
    private final QueryConfig config;
    private final AtomicReference<String> served = new AtomicReference<>();
    private Cancellable checking;

    public ServedVersion(StatusReadModel status, ReadModelCaches caches, StatsReadModel stats, ChangeHub hub,
            StreamMessages messages, QueryConfig config) {
        this.status = status;
        this.caches = caches;
        this.stats = stats;
        this.hub = hub;
        this.messages = messages;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        checking = Multi.createFrom().ticks().every(config.stream().versionCheck())
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> check()
                        .onFailure().recoverWithItem(failure -> {
                            LOG.debugf("read-model version not checked: %s", failure.toString());
                            return null;
                        }))
                .subscribe().with(version -> { });
    }

    /**
     * Whether a change notice of {@code version} concerns what this node serves: yes when it is the served version,
     * or when the read models have just switched to it (then caches are emptied and streams reset first); a notice of
     * any other version (another projector's database, a stale one) is not.
     */
    public Uni<Boolean> serves(String version) {
        if (version != null && version.equals(served.get())) {
            return Uni.createFrom().item(true);
        }
        return check().map(current -> current.equals(version));
    }

    /** Reads the version the read models are at now; on a change, empties every cache and resets the streams. */
    Uni<String> check() {
        return status.health().map(Healthz::version).call(current -> {
            String before = served.getAndSet(current);
            if (before == null || before.equals(current)) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof("read models switched from %s to %s: caches emptied, stream clients reset", before, current);
            return caches.invalidateAll()
                    .chain(stats::current)
                    .invoke(fresh -> hub.publish(FeedChange.reset(current, messages.statsData(fresh),
                            hub.pushed().orElse(null))));
        });
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (checking != null) {
            checking.cancel();
        }
    }
}
