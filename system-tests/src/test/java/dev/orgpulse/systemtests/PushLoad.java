package dev.orgpulse.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.eventlog.LogJson;
import dev.orgpulse.testing.Fixtures;
import dev.orgpulse.testing.GitHubDeliveries;

/**
 * A bounded load of signed GitHub push deliveries, each bringing one new commit to one of {@code repos}
 * repositories (so records spread over the log's partitions by their repository key), posted by a few concurrent
 * senders to whichever ingest instances are alive, in turn. Each delivery is posted once and its answer kept: the
 * deliveries answered 2xx are the {@linkplain Outcome#accepted() accepted} ones, which must all be folded once;
 * the others (503, no answer from a killed instance) must leave no trace. The commit's message names its delivery,
 * so what a reader sees can be traced back to the delivery that brought it ({@link #deliveryIn}).
 */
final class PushLoad implements AutoCloseable {

    private static final Pattern DELIVERY_IN_MESSAGE = Pattern.compile("load delivery ([0-9a-f-]{36})");
    private static final String ORG = "faults-org";

    /** What the ingest instances answered: the delivery ids answered 2xx, and the status of every other one (0: no answer). */
    record Outcome(Set<String> accepted, Map<String, Integer> refused) {

        /** The refused deliveries by status, for a message. */
        Map<Integer, Long> refusedByStatus() {
            return refused.values().stream().collect(Collectors.groupingBy(status -> status, Collectors.counting()));
        }
    }

    private final ObjectNode template;
    private final Supplier<List<ServiceProcess>> ingests;
    private final int count;
    private final int repos;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService senders;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> refused = new ConcurrentHashMap<>();

    private PushLoad(Supplier<List<ServiceProcess>> ingests, int count, int repos, int concurrency) throws IOException {
        this.template = (ObjectNode) LogJson.MAPPER.readTree(Fixtures.github("push", "with-new-branch.payload.json"));
        this.ingests = ingests;
        this.count = count;
        this.repos = repos;
        this.senders = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "push-load");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts posting {@code count} deliveries over {@code repos} repositories with {@code concurrency} senders, to
     * the instances {@code ingests} names at each delivery (those alive of them).
     */
    static PushLoad start(Supplier<List<ServiceProcess>> ingests, int count, int repos, int concurrency)
            throws IOException {
        PushLoad load = new PushLoad(ingests, count, repos, concurrency);
        for (int sender = 0; sender < concurrency; sender++) {
            load.senders.execute(load::sendUntilDone);
        }
        load.senders.shutdown();
        return load;
    }

    /** The delivery id a feed message or an SSE event's data names, or null when it is not of a load. */
    static String deliveryIn(String text) {
        Matcher matcher = DELIVERY_IN_MESSAGE.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** Waits until at least {@code answers} deliveries have had their answer (or the load is over). */
    void awaitAnswered(int answers) throws InterruptedException {
        while (answered.get() < Math.min(answers, count) && !senders.isTerminated()) {
            Thread.sleep(20);
        }
    }

    /** Waits for the last answer. */
    Outcome finish() throws InterruptedException {
        if (!senders.awaitTermination(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the load did not end within 5 minutes: " + answered.get() + " of " + count
                    + " answered");
        }
        return new Outcome(Set.copyOf(accepted), Map.copyOf(refused));
    }

    private void sendUntilDone() {
        for (int index = next.getAndIncrement(); index < count; index = next.getAndIncrement()) {
            String delivery = UUID.randomUUID().toString();
            int status = post(index, delivery);
            if (status >= 200 && status < 300) {
                accepted.add(delivery);
            } else {
                refused.put(delivery, status);
            }
            answered.incrementAndGet();
        }
    }

    private int post(int index, String delivery) {
        List<ServiceProcess> alive = ingests.get().stream().filter(ServiceProcess::isAlive).toList();
        if (alive.isEmpty()) {
            return 0;
        }
        ServiceProcess ingest = alive.get(index % alive.size());
        byte[] body = body(index, delivery);
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingest.baseUri() + "/webhooks/github"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", GitHubDeliveries.signature(SystemStack.WEBHOOK_SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException noAnswer) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** A push of one new commit (its sha derived from the delivery id) to the main branch of repository index % repos. */
    private byte[] body(int index, String delivery) {
        int repo = index % repos;
        String name = "load-" + repo;
        String sha = sha1(delivery);
        ObjectNode push = template.deepCopy();
        ObjectNode repository = (ObjectNode) push.get("repository");
        repository.put("id", 900_000_000L + repo).put("name", name).put("full_name", ORG + "/" + name)
                .put("default_branch", "main");
        ((ObjectNode) repository.get("owner")).put("login", ORG);
        push.put("ref", "refs/heads/main").put("created", false).put("before", "0".repeat(40)).put("after", sha);
        String developer = "load-dev-" + index % 50;
        ObjectNode commit = ((ObjectNode) push.withArray("commits").get(0)).deepCopy();
        commit.put("id", sha).put("message", "load delivery " + delivery).put("timestamp", Instant.now().toString());
        ((ObjectNode) commit.get("author")).put("name", developer).put("username", developer);
        ArrayNode commits = push.putArray("commits");
        commits.add(commit);
        push.set("head_commit", commit);
        ((ObjectNode) push.get("sender")).put("login", developer).put("id", 700_000_000L + index % 50);
        try {
            return LogJson.MAPPER.writeValueAsBytes(push);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}
