package tools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import tools.OrgStory.Delivery;

/**
 * Posts realistic, signed GitHub organisation webhook deliveries ({@link OrgStory}) to an OrgPulse ingest
 * endpoint at a chosen rate:
 * <pre>
 * deploy/local/tools/run GitHubSimulator [--url URL[,URL...]] [--secret SECRET] [--rate 2/s] [--repos 5] [--people 8]
 *      [--org NAME] [--count N] [--duration SECONDS] [--state FILE] [--seed N]
 * </pre>
 * The secret defaults to the first of {@code ORGPULSE_GITHUB_WEBHOOK_SECRETS}. Only the given URLs are
 * contacted: several (the ingest instances of one deployment) take the deliveries in turn, as a load balancer in
 * front of them would, and a retry goes to the next one. A 429/502/503/504 or a connection failure is retried with exponential backoff (GitHub itself
 * does not retry, but a simulator should neither lose deliveries nor hammer a service that is catching up).
 * Stops on Ctrl-C or TERM, after {@code --count} deliveries, or after {@code --duration} seconds; exits 1
 * when any delivery ended without a 2xx, 2 on a bad command line.
 */
public final class GitHubSimulator {

    private static final String USAGE = "usage: deploy/local/tools/run GitHubSimulator [--url URL[,URL...]] [--secret SECRET]"
            + " [--rate N/s|N/m] [--repos N] [--people N] [--org NAME] [--count N] [--duration SECONDS] [--state FILE]"
            + " [--seed N]";
    private static final Set<Integer> RETRIED = Set.of(0, 429, 502, 503, 504);
    private static final int MAX_ATTEMPTS = 6;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** The command line, validated; count 0 and a null duration mean no bound. */
    record Options(List<URI> urls, String secret, String rate, double perSecond, int repos, int people, String org, int count,
            Duration duration, Path state, Long seed) {

        static Options from(CommandLine line) {
            String rate = line.text("rate", "1/s");
            return new Options(line.urls("url", "http://127.0.0.1:8081/webhooks/github"), line.secret(),
                    rate, CommandLine.perSecond(rate),
                    line.number("repos", 5, 1, Integer.MAX_VALUE), line.number("people", 8, 1, Integer.MAX_VALUE),
                    line.text("org", "acme-labs"), line.number("count", 0, 1, Integer.MAX_VALUE),
                    line.has("duration") ? Duration.ofSeconds(line.number("duration", 0, 1, Integer.MAX_VALUE)) : null,
                    line.has("state") ? Path.of(line.text("state", null)) : null,
                    line.has("seed") ? line.number("seed", 0L) : null);
        }
    }

    private final Options options;
    private final OrgStory story;
    private final WebhookClient client;
    private int turn;
    private volatile boolean stopping;

    private GitHubSimulator(Options options) throws IOException {
        this.options = options;
        GitHubOrg org = GitHubOrg.of(options.org(), options.repos(), options.people());
        this.story = new OrgStory(org, options.seed() == null ? new Random() : new Random(options.seed()));
        if (options.state() != null) {
            story.load(options.state());
        }
        this.client = new WebhookClient(WebhookClient.httpClient().build(), options.urls().get(0), options.secret(),
                org.id());
    }

    public static void main(String[] args) throws Exception {
        Options options = CommandLine.parse(args, Options::from, "simulator", USAGE);
        GitHubSimulator simulator = new GitHubSimulator(options);

        Thread main = Thread.currentThread();
        AtomicBoolean finished = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (finished.get()) {
                return;
            }
            // Ctrl-C or TERM: let the main thread stop between deliveries and print its summary
            simulator.stopping = true;
            main.interrupt();
            try {
                main.join(10_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }));
        System.out.printf("simulator: posting to %s at %s, %d repositories of %s, %d people%s%s%n",
                options.urls().stream().map(URI::toString).collect(Collectors.joining(" and ")),
                options.rate(), options.repos(), options.org(), options.people(),
                options.count() > 0 ? ", " + options.count() + " deliveries" : "",
                options.duration() != null ? ", for " + options.duration().toSeconds() + " s" : "");
        Summary summary = simulator.run();
        System.out.println("simulator: " + summary);
        finished.set(true);
        if (!simulator.stopping) {
            // on Ctrl-C or TERM the JVM is already on its way out, with the signal's exit status
            System.exit(summary.failed > 0 ? 1 : 0);
        }
    }

    private Summary run() {
        Summary summary = new Summary();
        long intervalNanos = (long) (1_000_000_000L / options.perSecond());
        long started = System.nanoTime();
        long due = started;
        try {
            while (options.count() == 0 || summary.sent < options.count()) {
                long now = System.nanoTime();
                if (options.duration() != null && now - started >= options.duration().toNanos()) {
                    break;
                }
                if (due > now) {
                    Thread.sleep((due - now) / 1_000_000, (int) ((due - now) % 1_000_000));
                }
                Delivery delivery = story.next();
                if (options.state() != null) {
                    story.save(options.state());
                }
                summary.add(deliver(delivery));
                // a slow receiver lowers the rate instead of causing a burst afterwards
                due = Math.max(due + intervalNanos, System.nanoTime());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return summary;
    }

    /**
     * Posts a delivery to the next URL in turn, retrying (with the same delivery id, at the URL after) what a busy or
     * restarting receiver refuses, and logs each attempt. Returns the final status, 0 when no answer came.
     */
    private int deliver(Delivery delivery) throws InterruptedException {
        String deliveryId = UUID.randomUUID().toString();
        Duration backoff = Duration.ofSeconds(1);
        for (int attempt = 1; ; attempt++) {
            URI to = options.urls().get(turn++ % options.urls().size());
            HttpRequest request = client.request(to, delivery.event(), deliveryId, delivery.body());
            long started = System.nanoTime();
            WebhookClient.Answer answer = client.send(request);
            long millis = (System.nanoTime() - started) / 1_000_000;
            boolean retry = RETRIED.contains(answer.status()) && attempt < MAX_ATTEMPTS && !stopping;
            Duration wait = answer.retryAfter() != null ? answer.retryAfter() : backoff;
            System.out.printf("%s %-19s %s -> %s (%d ms) delivery %s%s%s%n",
                    DateTimeFormatter.ISO_LOCAL_TIME.format(LocalTime.now().truncatedTo(ChronoUnit.SECONDS)),
                    delivery.event(), delivery.description(), answer.outcome(), millis, deliveryId,
                    options.urls().size() > 1 ? " via " + to.getAuthority() : "",
                    retry ? ", retrying in " + wait.toSeconds() + " s" : "");
            if (!retry) {
                return answer.status();
            }
            Thread.sleep(wait.toMillis());
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    /** Counts final status codes. */
    private static final class Summary {
        private final Map<String, Integer> byStatus = new TreeMap<>();
        private int sent;
        private int failed;

        void add(int status) {
            sent++;
            if (status < 200 || status > 299) {
                failed++;
            }
            byStatus.merge(status == 0 ? "no answer" : String.valueOf(status), 1, Integer::sum);
        }

        @Override
        public String toString() {
            return sent + " deliveries sent" + (byStatus.isEmpty() ? "" : ": " + byStatus.entrySet().stream()
                    .map(entry -> entry.getValue() + " x " + entry.getKey()).collect(Collectors.joining(", ")));
        }
    }
}
