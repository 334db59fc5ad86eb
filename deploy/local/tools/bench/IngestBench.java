package tools;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.Topics;

/**
 * Part {@code ingest} of {@link Bench}: signed push deliveries of about {@value #BODY_BYTES} bytes, shaped as the
 * simulator's (so the projector folds each into a commit beside the load, as it would GitHub's: a push it could not
 * fold would be set aside as a dead letter, a cheaper path), each with a commit of its own (a sha, a delivery id and
 * a valid HMAC signature per request), over {@value #REPOSITORIES} repositories so that every partition takes its
 * share, posted by
 * {@code --ingest-senders} (default 64) keep-alive connections for {@code --ingest-seconds} (default 20, after
 * {@code --ingest-warmup-seconds}, default 60); accepted deliveries per second, p50/p99 latency and the ingest's CPU per delivery (the whole
 * process, /proc). Its ceiling: a raw {@code KafkaProducer} ({@code acks=all}, idempotent) sending the same records
 * (key, contract headers, body) with as many in flight as there are senders, to a throwaway topic with the partitions
 * and settings of {@code orgpulse-events}, in the same run.
 */
final class IngestBench implements Bench.Part {

    static final int BODY_BYTES = 4096;
    private static final int REPOSITORIES = 64;
    private static final String CEILING_TOPIC = "orgpulse-bench-ingest";

    private final BenchTarget target;
    private final int senders;
    private final long measureNanos;
    private final long warmupNanos;
    private final String bootstrap;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sent = new AtomicLong();

    private IngestBench(BenchTarget target, int senders, int seconds, int warmupSeconds, String bootstrap) {
        this.target = target;
        this.senders = senders;
        this.measureNanos = TimeUnit.SECONDS.toNanos(seconds);
        this.warmupNanos = TimeUnit.SECONDS.toNanos(warmupSeconds);
        this.bootstrap = bootstrap;
    }

    static IngestBench from(CommandLine line, BenchTarget target) {
        return new IngestBench(target, line.number("ingest-senders", 64, 1, 1024),
                line.number("ingest-seconds", 20, 1, 600), line.number("ingest-warmup-seconds", 60, 0, 600),
                line.text("ingest-bootstrap",
                        System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")));
    }

    @Override
    public void run() throws Exception {
        List<PushTemplate> pushes = pushes();
        URI ingest = target.ingest();
        WebhookClient signer = new WebhookClient(null, ingest, target.requireSecret(), 1);
        System.out.printf(Locale.ROOT, "bench ingest: push bodies of %d-%d bytes, one new commit each%n",
                pushes.stream().mapToInt(push -> push.body().length).min().orElse(0),
                pushes.stream().mapToInt(push -> push.body().length).max().orElse(0));
        HttpLoad load = new HttpLoad(ingest.getHost(), ingest.getPort(), () -> {
            long n = sent.getAndIncrement();
            byte[] body = pushes.get((int) (n % REPOSITORIES)).withHead(commitSha(n));
            return post(ingest, deliveryId(n), body, signer.signature256(body));
        });
        long pid = target.ingestPid();

        // the JIT compiler is still the ingest's busiest thread after 20 s of this load
        load.run(senders, warmupNanos, 0);
        long cpuBefore = pid > 0 ? BenchTarget.cpuNanos(pid) : 0;
        Map<String, Long> threadsBefore = pid > 0 ? BenchTarget.cpuNanosByThreadName(pid) : Map.of();
        HttpLoad.Result result = load.run(senders, 0, measureNanos);
        long delivered = result.answered() - result.notOk();
        double cpuMicros = pid > 0 ? (BenchTarget.cpuNanos(pid) - cpuBefore) / 1e3 / delivered : Double.NaN;
        Map<String, Long> threadsAfter = pid > 0 ? BenchTarget.cpuNanosByThreadName(pid) : Map.of();
        long[] latencies = BenchTarget.sorted(result.latencies(), result.count());
        double accepted = (result.answered() - result.notOk()) * 1e9 / result.elapsedNanos();

        Ceiling ceiling = ceiling(pushes);
        String is = "raw KafkaProducer (acks=all, idempotent), same records, " + senders + " in flight";
        BenchTarget.figure("ingest", "accepted/s", accepted, ceiling.perSecond, "/s", false, is);
        BenchTarget.figure("ingest", "p50", BenchTarget.percentile(latencies, 50) / 1e6, ceiling.p50 / 1e6, "ms", true,
                is);
        BenchTarget.figure("ingest", "p99", BenchTarget.percentile(latencies, 99) / 1e6, ceiling.p99 / 1e6, "ms", true,
                is);
        System.out.printf(Locale.ROOT, "bench ingest: %d senders, %d answered, %d not 2xx; ingest CPU %.1f us per "
                + "accepted delivery (pid %d); load generator CPU %.1f us per request%n", senders, result.answered(),
                result.notOk(), cpuMicros, pid, result.clientCpuNanos() / 1e3 / result.answered());
        threadsAfter.entrySet().stream()
                .map(thread -> Map.entry(thread.getKey(), thread.getValue() - threadsBefore.getOrDefault(thread.getKey(), 0L)))
                .filter(thread -> thread.getValue() > 0).sorted(Map.Entry.<String, Long> comparingByValue().reversed())
                .limit(10).forEach(thread -> System.out.printf(Locale.ROOT, "bench ingest:   %-32s %8.1f us per accepted "
                        + "delivery%n", thread.getKey(), thread.getValue() / 1e3 / delivered));
    }

    private String deliveryId(long n) {
        return "bench-" + run + "-" + n;
    }

    /** A sha of its own for the n-th delivery's commit: the run, then n, in hex. */
    private String commitSha(long n) {
        return run + String.format(Locale.ROOT, "%032x", n);
    }

    /**
     * One push of one commit per repository, the commit's message padded so that the body is {@value #BODY_BYTES}
     * bytes (a push whose repository alone takes more stays larger).
     */
    private static List<PushTemplate> pushes() {
        GitHubOrg org = GitHubOrg.of("bench-org", REPOSITORIES, 8);
        GitHubPayloads payloads = new GitHubPayloads(org, new Random(REPOSITORIES));
        Instant at = Instant.now();
        return IntStream.range(0, REPOSITORIES).mapToObj(repository -> {
            GitHubOrg.Repo repo = org.repos().get(repository);
            GitHubOrg.Person person = org.people().get(repository % org.people().size());
            String head = payloads.sha();
            String before = payloads.sha();
            IntFunction<byte[]> withMessage = length -> Json.bytes(payloads.push(repo, "main", before,
                    List.of(payloads.commit(repo, head, "perf: ingest bench\n\n" + "x".repeat(length), at, person,
                            GitHubPayloads.identity(person), List.of(), List.of(repo.files().get(0)))),
                    person, 0));
            int bare = withMessage.apply(0).length;
            return PushTemplate.of(withMessage.apply(Math.max(0, BODY_BYTES - bare)), head);
        }).toList();
    }

    /**
     * A push whose commit sha (in its id and URL, the push's after and head_commit) is replaced by a new
     * one for each delivery, in place: the same length, so the body stays valid JSON of the same size.
     */
    private record PushTemplate(byte[] body, int[] shaAt, String key) {

        /** The key is the ingest's own for the body, so the raw producer's records spread over partitions as its do. */
        static PushTemplate of(byte[] body, String sha) {
            byte[] needle = sha.getBytes(StandardCharsets.US_ASCII);
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i <= body.length - needle.length; i++) {
                if (Arrays.equals(body, i, i + needle.length, needle, 0, needle.length)) {
                    at.add(i);
                }
            }
            String key = dev.orgpulse.eventlog.GitHubPayloads.recordKey(dev.orgpulse.eventlog.GitHubPayloads.parse(body,
                    "application/json", dev.orgpulse.eventlog.GitHubPayloads.RECORD_KEY_MEMBERS));
            return new PushTemplate(body, at.stream().mapToInt(Integer::intValue).toArray(), key);
        }

        /** @param sha 40 hex digits */
        byte[] withHead(String sha) {
            byte[] copy = body.clone();
            byte[] digits = sha.getBytes(StandardCharsets.US_ASCII);
            for (int at : shaAt) {
                System.arraycopy(digits, 0, copy, at, digits.length);
            }
            return copy;
        }
    }

    private static byte[] post(URI ingest, String deliveryId, byte[] body, String signature) {
        String head = "POST " + ingest.getPath() + " HTTP/1.1\r\nHost: " + ingest.getHost() + ":" + ingest.getPort()
                + "\r\nContent-Type: application/json\r\nX-GitHub-Event: push\r\nX-GitHub-Delivery: " + deliveryId
                + "\r\nX-Hub-Signature-256: " + signature + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        ByteArrayOutputStream request = new ByteArrayOutputStream(head.length() + body.length);
        request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body);
        return request.toByteArray();
    }

    private record Ceiling(double perSecond, long p50, long p99) {
    }

    /** The raw producer on a throwaway topic, warmed up then measured for as long as the ingest was. */
    private Ceiling ceiling(List<PushTemplate> pushes) throws Exception {
        Map<String, Object> admin = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin topics = Admin.create(admin)) {
            topics.createTopics(List.of(new NewTopic(CEILING_TOPIC, Topics.EVENTS_PARTITIONS, (short) 1)
                    .configs(Topics.EVENTS_CONFIG))).all().get(30, TimeUnit.SECONDS);
        }
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(),
                new ByteArraySerializer())) {
            send(producer, pushes, measureNanos, null);
            AtomicLongArray latencies = new AtomicLongArray(4_000_000);
            long measured = send(producer, pushes, measureNanos, latencies);
            int count = (int) Math.min(measured, latencies.length());
            long[] values = new long[count];
            for (int i = 0; i < count; i++) {
                values[i] = latencies.get(i);
            }
            long[] sorted = BenchTarget.sorted(values, count);
            return new Ceiling(measured * 1e9 / measureNanos, BenchTarget.percentile(sorted, 50),
                    BenchTarget.percentile(sorted, 99));
        } finally {
            try (Admin topics = Admin.create(admin)) {
                topics.deleteTopics(List.of(CEILING_TOPIC)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Sends for {@code nanos} with {@link #senders} records in flight; returns how many were acknowledged. */
    private long send(KafkaProducer<String, byte[]> producer, List<PushTemplate> pushes, long nanos,
            AtomicLongArray latencies)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(senders);
        AtomicLong acknowledged = new AtomicLong();
        long end = System.nanoTime() + nanos;
        for (long n = 0; System.nanoTime() < end; n++) {
            inFlight.acquire();
            PushTemplate push = pushes.get((int) (n % REPOSITORIES));
            String id = "bench-raw-" + run + "-" + n;
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(CEILING_TOPIC, null, push.key(), push.body(),
                    DeliveryMetadata.accepted("github", "push", id, Instant.now(), "application/json", "secret-1")
                            .toHeaders());
            long sentAt = System.nanoTime();
            producer.send(record, (position, failure) -> {
                if (failure == null && sentAt < end) {
                    long index = acknowledged.getAndIncrement();
                    if (latencies != null && index < latencies.length()) {
                        latencies.set((int) index, System.nanoTime() - sentAt);
                    }
                }
                inFlight.release();
            });
        }
        inFlight.acquire(senders);
        return acknowledged.get();
    }
}
