package dev.orgpulse.ingest.recovery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.ingest.admin.AdminRefusedException;
import dev.orgpulse.ingest.config.IngestConfig;
import dev.orgpulse.ingest.github.GitHubApi;
import dev.orgpulse.ingest.github.GitHubApiException;
import dev.orgpulse.ingest.github.GitHubConnection;
import dev.orgpulse.ingest.leader.Leadership;
import dev.orgpulse.ingest.log.CompactedStates;
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
 * <p>
 * {@code POST /admin/recovery} works on any replica: the request is saved on {@link Topics#BACKFILLS}
 * ({@link RecoveryRequest}), the leader looks for requests every second and answers all those waiting with the
 * report of one run that started after them, and the replica that took the request waits for that answer. So
 * exactly one replica runs recovery at a time, and a request made while a run is under way waits for the next one.
 */
@ApplicationScoped
public class DeliveryRecovery {

    /** Each run looks this far behind the previous one, so an attempt listed late is not missed. */
    static final Duration OVERLAP = Duration.ofMinutes(1);
    /** The log is read from this long before the oldest attempt: GitHub's clock and the broker's are not one clock. */
    static final Duration LOG_MARGIN = Duration.ofMinutes(5);
    /** How long {@code POST /admin/recovery} waits for the leader's answer before it says none came. */
    static final Duration ANSWER_WAIT = Duration.ofMinutes(2);
    private static final Duration REQUESTS_EVERY = Duration.ofSeconds(1);
    private static final Duration ANSWER_POLL = Duration.ofMillis(100);
    private static final Logger LOG = Logger.getLogger(DeliveryRecovery.class);

    private final IngestConfig.GitHub config;
    private final GitHubConnection github;
    private final Leadership leadership;
    private final Map<String, Object> kafka;
    private final MeterRegistry registry;
    private final Duration ackTimeout;
    private ScheduledExecutorService scheduler;
    private CompactedStates<RecoveryRequest> requests;
    private Instant lastRun;
    private Long hookId;

    public DeliveryRecovery(IngestConfig config, GitHubConnection github, Leadership leadership,
            @Identifier("default-kafka-broker") Map<String, Object> kafka, MeterRegistry registry) {
        this.config = config.github();
        this.ackTimeout = config.ingest().ackTimeout();
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
        requests = new CompactedStates<>(kafka, ackTimeout, Topics.BACKFILLS, "orgpulse-ingest-recovery",
                RecoveryRequest.class, RecoveryRequest::isKey, RecoveryRequest::latest);
        scheduler.scheduleWithFixedDelay(this::answerRequests, REQUESTS_EVERY.toMillis(), REQUESTS_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.infof("Delivery recovery every %s for the hook of %s, on the replica that leads", config.recoveryEvery(),
                github.org().get());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (scheduler != null) {
            scheduler.shutdownNow();
            requests.close();
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
     * Has the leader (this replica or another) run recovery now, and waits for its report.
     *
     * @throws AdminRefusedException when recovery is not configured, fails, or no leader answers in
     *         {@link #ANSWER_WAIT}
     */
    public RecoveryReport runNow() {
        String org = github.org().orElseThrow(() -> new AdminRefusedException(Response.Status.SERVICE_UNAVAILABLE,
                "recovery is off", "configure GitHub API access, ORGPULSE_GITHUB_ORG and the hook"));
        if (scheduler == null) {
            throw new AdminRefusedException(Response.Status.SERVICE_UNAVAILABLE, "recovery is off",
                    "configure GitHub API access (" + org + "), ORGPULSE_GITHUB_HOOK_ID or ORGPULSE_GITHUB_HOOK_URL");
        }
        RecoveryRequest request = RecoveryRequest.requested(UUID.randomUUID().toString(), Instant.now());
        String key = RecoveryRequest.key(request.id());
        requests.save(key, request);
        LOG.infof("Delivery recovery %s requested; %s", request.id(),
                leadership.leading() ? "this replica leads and runs it" : "the leading replica runs it");
        Instant deadline = Instant.now().plus(ANSWER_WAIT);
        while (Instant.now().isBefore(deadline)) {
            RecoveryRequest seen = requests.get(key).orElse(request);
            if (seen.answered()) {
                if (seen.report() == null) {
                    throw new AdminRefusedException(Response.Status.SERVICE_UNAVAILABLE, "recovery failed",
                            seen.error());
                }
                return seen.report();
            }
            try {
                Thread.sleep(ANSWER_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AdminRefusedException(Response.Status.SERVICE_UNAVAILABLE, "no answer yet",
                "no leading replica answered recovery request " + request.id() + " within " + ANSWER_WAIT
                        + "; it stays requested and runs when a replica leads");
    }

    /** On the leader: one run answers every request waiting, since it starts after each was made. */
    private void answerRequests() {
        if (!leadership.leading()) {
            return;
        }
        List<RecoveryRequest> waiting = requests.all().stream().filter(request -> !request.answered())
                .sorted(Comparator.comparing(RecoveryRequest::requestedAt)).toList();
        if (waiting.isEmpty()) {
            return;
        }
        Function<RecoveryRequest, RecoveryRequest> answer;
        try {
            RecoveryReport report = run();
            answer = request -> request.done(report);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Delivery recovery requested by %d admin calls failed", waiting.size());
            registry.counter("orgpulse.github.recovery.runs", "outcome", "failed").increment();
            answer = request -> request.failed(String.valueOf(e.getMessage()));
        }
        for (RecoveryRequest request : waiting) {
            try {
                requests.save(RecoveryRequest.key(request.id()), answer.apply(request));
            } catch (RuntimeException e) {
                LOG.errorf("Recovery request %s could not be answered: %s; its caller is told no answer came",
                        request.id(), e.getMessage());
            }
        }
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
