package tools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.GitHubOrg.Person;
import tools.GitHubOrg.Repo;

/**
 * Measures OrgPulse end to end on a local stack: signed GitHub {@code push} deliveries posted to the ingest
 * service, each matched to the {@code activity} event it causes on the query service's SSE stream.
 * <pre>
 * deploy/local/tools/run PipelineBenchmark [--ingest URL] [--query URL] [--secret S] [--access-key K] [--count N]
 *      [--rate R/s | --rate burst] [--concurrency C] [--warmup W] [--timeout-seconds T] [--repos N] [--trace FILE]
 * </pre>
 * Each delivery carries one commit whose first line of message is unique ({@code perf: bench <run> m000042});
 * the SSE event with that message is its arrival. Prints figures ({@link BenchPhase#report}) and never judges
 * them: the exit status is 0 whenever a measurement was made, 1 when none could be (stream refused, nothing
 * accepted), 2 on a bad command line. Only 127.0.0.1 is ever contacted.
 * <ul>
 * <li>{@code --rate R/s} (or {@code R/m}): open loop, one delivery every 1/R s, at most {@code --concurrency}
 * (default 16) in flight; a delivery that finds them all busy is sent late, and the achieved send rate says
 * so.</li>
 * <li>{@code --rate burst}: {@code --concurrency} (default 8) senders, each posting its next delivery as soon as
 * the previous one is answered.</li>
 * <li>{@code --warmup W} (default 20): W deliveries in the same mode first, waited for on the stream, not
 * counted.</li>
 * <li>{@code --timeout-seconds T} (default 120): the measured phase (sending plus waiting for the stream)
 * ends after T s at the latest; what was not sent or not seen by then is reported.</li>
 * <li>{@code --trace FILE}: also writes one CSV line per measured delivery (message, status, wall-clock times
 * of POST, answer and stream arrival), to be joined with the Kafka records' timestamps.</li>
 * </ul>
 */
public final class PipelineBenchmark {

    private static final String USAGE = "usage: deploy/local/tools/run PipelineBenchmark"
            + " [--ingest http://127.0.0.1:8081/webhooks/github] [--query http://127.0.0.1:8080]"
            + " [--secret S (default: first of ORGPULSE_GITHUB_WEBHOOK_SECRETS)]"
            + " [--access-key K (default: ORGPULSE_ACCESS_KEY)] [--count 500] [--rate 20/s | --rate burst]"
            + " [--concurrency C] [--warmup 20] [--timeout-seconds 120] [--repos 5] [--trace FILE.csv]";
    private static final int MAX_COUNT = 100_000;
    private static final double MAX_RATE = 10_000;

    /** The command line, validated; perSecond is 0 in burst mode. */
    record Options(URI ingest, URI query, String secret, String accessKey, int count, String rate, boolean burst,
            double perSecond, int concurrency, int warmup, Duration timeout, int repos, Path trace) {

        static Options from(CommandLine line) {
            URI ingest = local("ingest", line.text("ingest", "http://127.0.0.1:8081/webhooks/github"));
            URI query = local("query", line.text("query", "http://127.0.0.1:8080"));
            String secret = line.secret();
            String accessKey = line.text("access-key", System.getenv().getOrDefault("ORGPULSE_ACCESS_KEY", "").trim());
            if (accessKey.isEmpty()) {
                throw new IllegalArgumentException("no access key: pass --access-key or set ORGPULSE_ACCESS_KEY");
            }
            int count = line.number("count", 500, 1, MAX_COUNT);
            String rate = line.text("rate", "20/s");
            boolean burst = rate.equals("burst");
            double perSecond = burst ? 0 : CommandLine.perSecond(rate);
            if (perSecond > MAX_RATE) {
                throw new IllegalArgumentException("--rate must be at most 10000/s (or burst): " + rate);
            }
            return new Options(ingest, query, secret, accessKey, count, rate, burst, perSecond,
                    line.number("concurrency", burst ? 8 : 16, 1, 256), line.number("warmup", 20, 0, MAX_COUNT),
                    Duration.ofSeconds(line.number("timeout-seconds", 120, 1, 3600)), line.number("repos", 5, 1, 50),
                    line.has("trace") ? Path.of(line.text("trace", null)) : null);
        }

        /** A benchmark floods what it targets: only this machine's loopback address is allowed. */
        static URI local(String name, String url) {
            URI uri = URI.create(url);
            if (!"http".equals(uri.getScheme()) || !"127.0.0.1".equals(uri.getHost())) {
                throw new IllegalArgumentException("--" + name + " must be an http://127.0.0.1 URL (nothing else is"
                        + " benchmarked): " + uri);
            }
            return uri;
        }

        String mode() {
            return burst ? "burst, " + concurrency + " senders" : rate + ", at most " + concurrency + " in flight";
        }
    }

    private final Options options;
    private final WebhookClient client;
    private final Pushes pushes;

    private PipelineBenchmark(Options options, HttpClient http) {
        this.options = options;
        GitHubOrg org = GitHubOrg.of("acme-bench", options.repos(), 4);
        this.pushes = new Pushes(org);
        this.client = new WebhookClient(http, options.ingest(), options.secret(), org.id());
    }

    public static void main(String[] args) throws Exception {
        Options options = CommandLine.parse(args, Options::from, "bench", USAGE);
        BenchPhase measured = run(options);
        System.exit(measured == null || measured.accepted() == 0 ? 1 : 0);
    }

    /** The warm-up, then the measured phase, whose report it prints and returns; null when the stream did not open. */
    static BenchPhase run(Options options) throws Exception {
        String run = HexFormat.of().toHexDigits(new Random().nextInt()).substring(2);
        HttpClient http = WebhookClient.httpClient().executor(Executors.newCachedThreadPool(daemons("bench-http"))).build();
        PipelineBenchmark bench = new PipelineBenchmark(options, http);
        URI streamUri = options.query().resolve("/api/stream");
        System.out.printf("bench: run %s, %s, %d deliveries (+%d warm-up) to %s, stream %s%n", run, options.mode(),
                options.count(), options.warmup(), options.ingest(), streamUri);

        EventStream stream = new EventStream(http, streamUri, options.accessKey());
        String refused = stream.open(Duration.ofSeconds(15));
        if (refused != null) {
            System.err.println("bench: the stream did not open: " + refused);
            return null;
        }
        try {
            if (options.warmup() > 0) {
                BenchPhase warmup = new BenchPhase("perf: bench " + run + " w", options.warmup());
                bench.measure(warmup, stream, Duration.ofSeconds(60));
                System.out.printf("bench: warm-up: %d sent, %d accepted, %d seen on the stream%n", warmup.sent(),
                        warmup.accepted(), warmup.seen());
            }
            BenchPhase measured = new BenchPhase("perf: bench " + run + " m", options.count());
            bench.measure(measured, stream, options.timeout());
            System.out.println(measured.report(options.mode(), stream.summary()));
            if (options.trace() != null) {
                Files.writeString(options.trace(), measured.trace(), StandardCharsets.UTF_8);
                System.out.println("bench: per-delivery times written to " + options.trace());
            }
            return measured;
        } finally {
            stream.close();
        }
    }

    /** Sends a phase's deliveries and waits for their events, within the time given. */
    private void measure(BenchPhase phase, EventStream stream, Duration within) throws InterruptedException {
        stream.follow(phase);
        long deadline = System.nanoTime() + within.toNanos();
        if (options.burst()) {
            sendInBurst(phase, deadline);
        } else {
            sendAtRate(phase, deadline);
        }
        phase.awaitEvents(deadline);
    }

    private void sendInBurst(BenchPhase phase, long deadline) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        Thread[] senders = new Thread[options.concurrency()];
        for (int s = 0; s < senders.length; s++) {
            senders[s] = new Thread(() -> {
                for (int i; (i = next.getAndIncrement()) < phase.size() && System.nanoTime() < deadline; ) {
                    post(phase, i, pushes.push(phase.message(i), i));
                }
            }, "bench-sender-" + s);
            senders[s].start();
        }
        for (Thread sender : senders) {
            sender.join();
        }
    }

    private void sendAtRate(BenchPhase phase, long deadline) throws InterruptedException {
        Semaphore inFlight = new Semaphore(options.concurrency());
        ExecutorService workers = Executors.newCachedThreadPool(daemons("bench-sender"));
        long interval = (long) (1_000_000_000L / options.perSecond());
        long start = System.nanoTime();
        for (int i = 0; i < phase.size(); i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
            inFlight.acquire();
            int index = i;
            byte[] body = pushes.push(phase.message(index), index);
            workers.execute(() -> {
                try {
                    post(phase, index, body);
                } finally {
                    inFlight.release();
                }
            });
        }
        inFlight.acquire(options.concurrency());
        workers.shutdown();
    }

    /** Posts one delivery, noting when it was sent (after signing) and answered. */
    private void post(BenchPhase phase, int index, byte[] body) {
        HttpRequest request = client.request("push", UUID.randomUUID().toString(), body);
        phase.posted(index, System.nanoTime());
        WebhookClient.Answer answer;
        try {
            answer = client.send(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = new WebhookClient.Answer(0, "interrupted", null);
        }
        phase.answered(index, System.nanoTime(), answer.status(), answer.outcome());
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Pushes of one commit each to main, round-robin over the repositories and people; safe for many senders. */
    static final class Pushes {
        private final GitHubOrg org;
        private final GitHubPayloads payloads;
        private final Map<String, String> heads = new HashMap<>();

        Pushes(GitHubOrg org) {
            this.org = org;
            this.payloads = new GitHubPayloads(org, new Random());
        }

        byte[] push(String firstLine, int index) {
            Repo repo = org.repos().get(index % org.repos().size());
            Person person = org.people().get(index % org.people().size());
            String sha = payloads.sha();
            String before;
            synchronized (heads) {
                before = heads.getOrDefault(repo.name(), payloads.sha());
                heads.put(repo.name(), sha);
            }
            Map<String, Object> commit = payloads.commit(repo, sha,
                    firstLine + "\n\nA benchmark delivery of deploy/local/tools/PipelineBenchmark.", Instant.now(), person,
                    GitHubPayloads.identity(person), List.of(), List.of("README.md"));
            return Json.bytes(payloads.push(repo, "main", before, List.of(commit), person, 0));
        }
    }
}
