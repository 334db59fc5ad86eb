package dev.orgpulse.ingest.recovery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.ingest.admin.AdminRefusedException;
import dev.orgpulse.ingest.config.IngestConfig;
import dev.orgpulse.ingest.github.GitHubApi;
import dev.orgpulse.ingest.github.GitHubApiException;
import dev.orgpulse.ingest.github.GitHubConnection;
import dev.orgpulse.ingest.leader.Leadership;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Delivery recovery: GitHub does not retry a delivery that failed, so every {@code ORGPULSE_GITHUB_RECOVERY_EVERY}
 * (and as soon as this replica becomes the {@link Leadership leader}) the organisation hook's attempts since the
 * previous run are listed, compared with the delivery ids on the log, and every event the log lacks is
 * redelivered ({@link RecoveryPlan}). A redelivery carries the event's GUID, so one that arrives twice has no second
 * effect in the projector.
 */
@ApplicationScoped
public class DeliveryRecovery {

    /** Each run looks this far behind the previous one, so an attempt listed late is not missed. */
    static final Duration OVERLAP = Duration.ofMinutes(1);
    /** The log is read from this long before the oldest attempt: GitHub's clock and the broker's are not one clock. */
    static final Duration LOG_MARGIN = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(DeliveryRecovery.class);

    private final IngestConfig.GitHub config;
    private final GitHubConnection github;
    private final Leadership leadership;
    private final Map<String, Object> kafka;
    private final MeterRegistry registry;
    private ScheduledExecutorService scheduler;
    private Instant lastRun;
    private Long hookId;

    public DeliveryRecovery(IngestConfig config, GitHubConnection github, Leadership leadership,
            @Identifier("default-kafka-broker") Map<String, Object> kafka, MeterRegistry registry) {
        this.config = config.github();
        this.github = github;
        this.leadership = leadership;
        this.kafka = kafka;
        this.registry = registry;
    }

    void start(@Observes StartupEvent started) {
        if (!github.configured()) {
            return;
        }
        if (github.org().isEmpty() || (config.hookId().isEmpty() && config.hookUrl().isEmpty())) {
            LOG.warn("Delivery recovery off: it needs ORGPULSE_GITHUB_ORG and the hook (ORGPULSE_GITHUB_HOOK_ID or "
                    + "ORGPULSE_GITHUB_HOOK_URL)");
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "orgpulse-delivery-recovery");
            thread.setDaemon(true);
            return thread;
        });
        leadership.onChange(leading -> {
            if (leading) {
                scheduler.execute(this::scheduledRun);
            }
        });
        long every = config.recoveryEvery().toMillis();
        scheduler.scheduleWithFixedDelay(this::scheduledRun, every, every, TimeUnit.MILLISECONDS);
        LOG.infof("Delivery recovery every %s for the hook of %s, on the replica that leads", config.recoveryEvery(),
                github.org().get());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void scheduledRun() {
        if (!leadership.leading()) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Delivery recovery failed; it runs again in %s", config.recoveryEvery());
            registry.counter("orgpulse.github.recovery.runs", "outcome", "failed").increment();
        }
    }

    /**
     * Runs recovery now, on this replica if it leads.
     *
     * @throws AdminRefusedException when recovery is not configured or another replica leads
     */
    public RecoveryReport runNow() {
        String org = github.org().orElseThrow(() -> new AdminRefusedException(Response.Status.SERVICE_UNAVAILABLE,
                "recovery is off", "configure GitHub API access, ORGPULSE_GITHUB_ORG and the hook"));
        if (scheduler == null) {
            throw new AdminRefusedException(Response.Status.SERVICE_UNAVAILABLE, "recovery is off",
                    "configure GitHub API access (" + org + "), ORGPULSE_GITHUB_HOOK_ID or ORGPULSE_GITHUB_HOOK_URL");
        }
        if (!leadership.leading()) {
            throw new AdminRefusedException(Response.Status.CONFLICT, "not the leader",
                    "another replica runs recovery (it holds the lead); it runs every " + config.recoveryEvery());
        }
        return run();
    }

    private synchronized RecoveryReport run() {
        String org = github.org().orElseThrow();
        GitHubApi api = github.forOrg(org).orElseThrow();
        Instant started = Instant.now();
        Instant since = lastRun == null ? started.minus(config.recoveryLookback()) : lastRun.minus(OVERLAP);
        long hook = hookId(api, org);

        List<HookDelivery> attempts = new ArrayList<>();
        api.forEachPage("/orgs/" + org + "/hooks/" + hook + "/deliveries?per_page=100", page -> {
            boolean older = false;
            for (JsonNode delivery : page) {
                HookDelivery attempt = HookDelivery.of(delivery);
                if (attempt.deliveredAt().isBefore(since)) {
                    older = true;
                } else {
                    attempts.add(attempt);
                }
            }
            return page.size() > 0 && !older;
        });
        Set<String> inLog = LogDeliveryIds.since(kafka, since.minus(LOG_MARGIN),
                delivery -> Sources.GITHUB.equals(delivery.source()));
        RecoveryPlan plan = RecoveryPlan.of(attempts, inLog);

        int redelivered = 0;
        for (HookDelivery attempt : plan.redeliver()) {
            try {
                api.send("POST", "/orgs/" + org + "/hooks/" + hook + "/deliveries/" + attempt.id() + "/attempts",
                        "{}");
                redelivered++;
                LOG.infof("Asked GitHub to redeliver %s delivery %s (attempt %d, answered %d at %s)", attempt.event(),
                        attempt.guid(), attempt.id(), attempt.statusCode(), attempt.deliveredAt());
            } catch (GitHubApiException e) {
                LOG.errorf("Could not have %s delivery %s redelivered: %s; the next run tries again",
                        attempt.event(), attempt.guid(), e.getMessage());
            }
        }
        lastRun = started;
        RecoveryReport report = new RecoveryReport(plan.checked(), plan.failed(), redelivered, plan.alreadyInLog());
        LOG.infof("Delivery recovery of %s hook %d since %s: %d deliveries checked, %d failed, %d redelivered, "
                + "%d already in the log", org, hook, since, report.checked(), report.failed(), report.redelivered(),
                report.alreadyInLog());
        registry.counter("orgpulse.github.recovery.runs", "outcome", "done").increment();
        registry.counter("orgpulse.github.recovery.redelivered").increment(redelivered);
        return report;
    }

    private long hookId(GitHubApi api, String org) {
        if (hookId == null) {
            hookId = config.hookId().orElseGet(() -> findHook(api, org));
        }
        return hookId;
    }

    private long findHook(GitHubApi api, String org) {
        String url = config.hookUrl().orElseThrow();
        List<Long> ids = new ArrayList<>();
        api.forEachPage("/orgs/" + org + "/hooks?per_page=100", page -> {
            page.forEach(hook -> {
                if (url.equals(hook.path("config").path("url").asText())) {
                    ids.add(hook.path("id").asLong());
                }
            });
            return ids.isEmpty();
        });
        return ids.stream().findFirst().orElseThrow(() -> new AdminRefusedException(Response.Status.SERVICE_UNAVAILABLE,
                "hook not found", "no webhook of " + org + " posts to " + url + " (ORGPULSE_GITHUB_HOOK_URL)"));
    }
}
