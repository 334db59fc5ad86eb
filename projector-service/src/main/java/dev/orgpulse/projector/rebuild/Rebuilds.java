package dev.orgpulse.projector.rebuild;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.orgpulse.projector.fold.FoldOutput;
import dev.orgpulse.projector.version.ReadModelVersion;
import dev.orgpulse.projector.version.ReadModelVersions;
import dev.orgpulse.projector.version.VersionCatalog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Starts, cancels and lists rebuilds, and runs the active one on this replica when no other replica does (at start,
 * and every 10 s should the replica running it have gone). Blocking: called on worker threads.
 */
@ApplicationScoped
public class Rebuilds {

    private static final Logger LOG = Logger.getLogger(Rebuilds.class);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);

    private final RebuildStore store;
    private final VersionCatalog catalog;
    private final ReadModelVersions versions;
    private final RebuildContext context;
    private final AtomicReference<Running> running = new AtomicReference<>();

    private record Running(RebuildRunner runner, Thread thread) {
    }

    public Rebuilds(RebuildStore store, VersionCatalog catalog, ReadModelVersions versions, RebuildContext context,
            MeterRegistry metrics) {
        this.store = store;
        this.catalog = catalog;
        this.versions = versions;
        this.context = context;
        gauge(metrics, "orgpulse.rebuild.active", "1 while this replica runs a rebuild", snapshot -> 1);
        gauge(metrics, "orgpulse.rebuild.switching", "1 while the running rebuild has caught up and is switching",
                snapshot -> snapshot.state() == RebuildState.SWITCHING ? 1 : 0);
        gauge(metrics, "orgpulse.rebuild.folded", "records the running rebuild has folded",
                RebuildRunner.Snapshot::folded);
        gauge(metrics, "orgpulse.rebuild.remaining", "records of the log the running rebuild has still to read",
                snapshot -> snapshot.remaining() == null ? Double.NaN : snapshot.remaining());
        gauge(metrics, "orgpulse.rebuild.rate", "records per second of the running rebuild",
                RebuildRunner.Snapshot::ratePerSecond);
    }

    /**
     * After the read models are ready: resumes the active rebuild if no replica runs it, or starts one when this
     * release folds differently from what the current version was built with.
     */
    void onStart(@Observes StartupEvent start) {
        VersionCatalog.Current current = versions.started();
        if (store.active().isEmpty() && current.foldOutput() < FoldOutput.VERSION) {
            LOG.infof("The current read models (%s) were folded by fold output %d, this release folds %d: rebuilding "
                    + "them beside the live ones", current.version(), current.foldOutput(), FoldOutput.VERSION);
            try {
                start(Optional.empty());
            } catch (RebuildConflict alreadyStarted) {
                LOG.infof("Another replica started the rebuild: %s", alreadyStarted.getMessage());
            }
        }
        adoptActive();
    }

    /** Runs the active rebuild here when nobody does: the runner ends at once if another replica holds it. */
    @Scheduled(every = "10s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void adoptActive() {
        if (running.get() != null && running.get().thread().isAlive()) {
            return;
        }
        store.active().ifPresent(this::run);
    }

    /**
     * Starts a rebuild into a new version, or, with {@code keptVersion}, brings a kept older version up to date and
     * back (a roll back).
     *
     * @throws RebuildConflict when a rebuild is active
     */
    public Rebuild start(Optional<String> keptVersion) {
        store.active().ifPresent(active -> {
            throw new RebuildConflict(active);
        });
        ReadModelVersion version;
        if (keptVersion.isPresent()) {
            version = kept(keptVersion.get());
            catalog.migrate(version);
        } else {
            version = catalog.create(FoldOutput.VERSION);
        }
        String id = UUID.randomUUID().toString();
        try {
            store.insert(id, version, keptVersion.isPresent());
        } catch (RebuildConflict raced) {
            if (keptVersion.isEmpty()) {
                catalog.drop(version);
            }
            throw raced;
        }
        Rebuild rebuild = store.find(id).orElseThrow();
        LOG.infof("Rebuild %s of %s started%s", id, version, keptVersion.isPresent() ? " (bringing back a kept version)"
                : "");
        run(rebuild);
        return rebuild;
    }

    /**
     * Cancels an active rebuild: its runner stops and the new version is dropped (a kept version brought back is
     * left as it was).
     *
     * @throws RebuildNotFound when there is no such rebuild
     * @throws RebuildConflict when it has ended already
     */
    public Rebuild cancel(String id) {
        Rebuild rebuild = get(id);
        if (!rebuild.rebuildState().canBecome(RebuildState.CANCELLED) || !store.end(id, RebuildState.CANCELLED, null)) {
            throw new RebuildConflict("rebuild " + id + " has ended already (" + get(id).state() + ")");
        }
        Running local = running.get();
        if (local != null && local.runner().id().equals(id)) {
            local.runner().stop();
            try {
                local.thread().join(STOP_PATIENCE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!rebuild.resumed()) {
            catalog.drop(ReadModelVersion.named(rebuild.version()));
            versions.forget(ReadModelVersion.named(rebuild.version()));
        }
        LOG.infof("Rebuild %s of %s cancelled", id, rebuild.version());
        return get(id);
    }

    public Rebuild get(String id) {
        return store.find(id).orElseThrow(() -> new RebuildNotFound(id));
    }

    public List<Rebuild> all() {
        return store.all();
    }

    private ReadModelVersion kept(String name) {
        ReadModelVersion version;
        try {
            version = ReadModelVersion.named(name);
        } catch (IllegalArgumentException e) {
            throw new RebuildConflict(e.getMessage());
        }
        if (version.equals(catalog.current())) {
            throw new RebuildConflict(version + " is current already");
        }
        if (!catalog.kept().contains(version)) {
            throw new RebuildConflict(version + " is not kept (kept: " + catalog.kept() + ")");
        }
        return version;
    }

    private synchronized void run(Rebuild rebuild) {
        Running before = running.get();
        if (before != null && before.thread().isAlive()) {
            return;
        }
        RebuildRunner runner = new RebuildRunner(rebuild, context);
        Thread thread = new Thread(runner, "rebuild-" + rebuild.version());
        thread.setDaemon(true);
        running.set(new Running(runner, thread));
        thread.start();
    }

    private void gauge(MeterRegistry metrics, String name, String description,
            ToDoubleFunction<RebuildRunner.Snapshot> value) {
        Gauge.builder(name, running, current -> {
            RebuildRunner.Snapshot snapshot = current.get() == null ? null : current.get().runner().snapshot();
            return snapshot == null ? 0 : value.applyAsDouble(snapshot);
        }).description(description).register(metrics);
    }

    /** Lets the running rebuild finish its batch: it resumes from its checkpoints on the next start. */
    @PreDestroy
    void stop() {
        Running local = running.get();
        if (local != null) {
            local.runner().stop();
            try {
                local.thread().join(STOP_PATIENCE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
