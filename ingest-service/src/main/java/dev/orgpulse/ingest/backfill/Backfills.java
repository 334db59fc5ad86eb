package dev.orgpulse.ingest.backfill;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.ingest.admin.AdminRefusedException;
import dev.orgpulse.ingest.config.IngestConfig;
import dev.orgpulse.ingest.delivery.LogIntake;
import dev.orgpulse.ingest.github.GitHubConnection;
import dev.orgpulse.ingest.leader.Leadership;
import dev.orgpulse.ingest.log.CompactedStates;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Backfills: requested on any replica (the request is saved on {@link dev.orgpulse.eventlog.Topics#BACKFILLS}), run
 * one at a time by the {@link Leadership leader}, which looks every second for a running backfill it does not run
 * yet (a new one, or one a former leader or a restart left halfway) and for a cancellation of the one it runs.
 * Progress is on the metrics {@code orgpulse.github.backfill.repos.done} and {@code ...repos.total}.
 */
@ApplicationScoped
public class Backfills {

    private static final Logger LOG = Logger.getLogger(Backfills.class);
    private static final Duration TICK = Duration.ofSeconds(1);

    private final GitHubConnection github;
    private final Leadership leadership;
    private final LogIntake log;
    private final Map<String, Object> kafka;
    private final Duration ackTimeout;
    private final AtomicLong reposDone = new AtomicLong();
    private final AtomicLong reposTotal = new AtomicLong();
    private CompactedStates<BackfillState> states;
    private ScheduledExecutorService ticker;
    private ExecutorService runner;
    private BackfillRun active;
    private Future<?> activeTask;

    public Backfills(IngestConfig config, GitHubConnection github, Leadership leadership, LogIntake log,
            @Identifier("default-kafka-broker") Map<String, Object> kafka, MeterRegistry registry) {
        this.github = github;
        this.leadership = leadership;
        this.log = log;
        this.kafka = kafka;
        this.ackTimeout = config.ingest().ackTimeout();
        registry.gauge("orgpulse.github.backfill.repos.done", reposDone);
        registry.gauge("orgpulse.github.backfill.repos.total", reposTotal);
    }

    void start(@Observes StartupEvent started) {
        if (!github.configured()) {
            return;
        }
        states = new CompactedStates<>(kafka, ackTimeout, Topics.BACKFILLS, "orgpulse-ingest-backfills",
                BackfillState.class, Backfills::isBackfillId, BackfillState::latest);
        runner = Executors.newSingleThreadExecutor(task -> daemon(task, "orgpulse-backfill"));
        ticker = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "orgpulse-backfill-ticker"));
        ticker.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (ticker == null) {
            return;
        }
        ticker.shutdownNow();
        runner.shutdownNow();
        try {
            runner.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        states.close();
    }

    /** @return the new backfill's id; it starts on the leader within a second */
    public String create(String org, String since) {
        CompactedStates<BackfillState> known = available();
        if (org == null || org.isBlank()) {
            throw new AdminRefusedException(Response.Status.BAD_REQUEST, "bad request", "org is required");
        }
        Instant now = Instant.now();
        Instant from;
        try {
            from = Since.parse(since, now);
        } catch (IllegalArgumentException e) {
            throw new AdminRefusedException(Response.Status.BAD_REQUEST, "bad request", e.getMessage());
        }
        BackfillState requested = BackfillState.requested(UUID.randomUUID().toString(), org.strip(), from, now);
        known.save(requested.id(), requested);
        LOG.infof("Backfill %s of %s since %s requested", requested.id(), requested.org(), from);
        return requested.id();
    }

    public BackfillStatus status(String id) {
        return BackfillStatus.of(state(id), github.budget().remaining(), Instant.now());
    }

    /** Cancels a running backfill (its leader stops within a second); an ended one is left as it is. */
    public BackfillStatus cancel(String id) {
        BackfillState state = state(id);
        if (state.running()) {
            available().save(id, state.ended(BackfillState.CANCELLED, 0, null, Instant.now()));
            LOG.infof("Backfill %s of %s cancelled by request", id, state.org());
        }
        return status(id);
    }

    private BackfillState state(String id) {
        return available().get(id).orElseThrow(() -> new AdminRefusedException(Response.Status.NOT_FOUND,
                "not found", "no backfill " + id));
    }

    private CompactedStates<BackfillState> available() {
        if (states == null) {
            throw new AdminRefusedException(Response.Status.SERVICE_UNAVAILABLE, "backfills are off",
                    "configure GitHub API access: ORGPULSE_GITHUB_APP_ID and ORGPULSE_GITHUB_APP_PRIVATE_KEY_FILE, "
                            + "or ORGPULSE_GITHUB_TOKEN");
        }
        return states;
    }

    private synchronized void tick() {
        try {
            if (active != null && activeTask.isDone()) {
                active = null;
            }
            if (active != null) {
                BackfillState seen = states.get(active.id()).orElseThrow();
                if (seen.state().equals(BackfillState.CANCELLED)) {
                    active.cancel();
                    activeTask.cancel(true);
                } else if (!leadership.leading()) {
                    activeTask.cancel(true);
                }
                BackfillState progress = active.current();
                reposDone.set(progress.reposFinished().size());
                reposTotal.set(progress.reposTotal());
                return;
            }
            if (!leadership.leading()) {
                return;
            }
            Optional<BackfillState> next = states.all().stream().filter(BackfillState::running)
                    .min(Comparator.comparing(BackfillState::startedAt));
            if (next.isEmpty()) {
                return;
            }
            BackfillState state = next.get();
            active = new BackfillRun(state, github.forOrg(state.org()).orElseThrow(), states, log, kafka,
                    ackTimeout.multipliedBy(2));
            activeTask = runner.submit(active);
        } catch (RuntimeException e) {
            LOG.error("Backfill coordination failed; it looks again in a second", e);
        }
    }

    /** Backfills are keyed by their id (a UUID); recovery requests share the topic under keys with a colon. */
    private static boolean isBackfillId(String key) {
        return !key.contains(":");
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
