package tools;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.GitHubPayloads;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.eventlog.Topics;
import tools.OrgStory.Delivery;

/**
 * Writes a realistic log straight to Kafka, as ingest-service would have appended it: the simulator's story
 * ({@link OrgStory}: branches, pushes, pull requests and their lifecycle, reviews and review comments, comments,
 * issues, CI workflow runs)
 * of an organisation of {@code --repos} repositories and {@code --people} people, each delivery a record with the
 * contract's headers and record key, into a topic made as {@link Topics} makes {@code orgpulse-events}. A topic that
 * already holds exactly {@code --count} records is kept, so that repeated benchmarks read the same log.
 */
final class LogGenerator {

    static final String USAGE = """
            usage: deploy/local/tools/run LogGenerator [--count 1000000] [--repos 200] [--people 500] [--seed 8]
                                                       [--bootstrap 127.0.0.1:9092] [--topic orgpulse-events-bench]""";

    record Options(int count, int repos, int people, long seed, String bootstrap, String topic) {

        static Options from(CommandLine line) {
            return new Options(line.number("count", 1_000_000, 1, Integer.MAX_VALUE),
                    line.number("repos", 200, 1, 100_000), line.number("people", 500, 2, 100_000),
                    line.number("seed", 8), line.text("bootstrap", "127.0.0.1:9092"),
                    line.text("topic", "orgpulse-events-bench"));
        }
    }

    /** What the topic holds. */
    record Log(long records, long bytes, Duration took, boolean reused) {
    }

    private LogGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Options options = CommandLine.parse(args, Options::from, "LogGenerator", USAGE);
        Log log = ensure(options);
        System.out.println(describe(options, log));
    }

    static String describe(Options options, Log log) {
        return log.reused()
                ? String.format(Locale.ROOT, "log: %s already holds %,d records, kept", options.topic(), log.records())
                : String.format(Locale.ROOT, "log: %,d records (%,d bytes of bodies, %,d on average) written to %s in "
                        + "%.1f s: %,.0f records/s", log.records(), log.bytes(), log.bytes() / log.records(),
                        options.topic(), seconds(log.took()), log.records() / seconds(log.took()));
    }

    /** The topic with exactly {@code count} records of the story: kept when it has, made afresh otherwise. */
    static Log ensure(Options options) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap()))) {
            long held = records(admin, options.topic());
            if (held == options.count()) {
                return new Log(held, 0, Duration.ZERO, true);
            }
            if (held >= 0) {
                admin.deleteTopics(Set.of(options.topic())).all().get();
                while (records(admin, options.topic()) >= 0) {
                    Thread.sleep(200);
                }
            }
            admin.createTopics(List.of(new NewTopic(options.topic(), Topics.EVENTS_PARTITIONS, (short) 1)
                    .configs(Topics.EVENTS_CONFIG))).all().get();
        }
        return write(options);
    }

    /** The records a topic holds (its partitions' end offsets: nothing is ever deleted), or -1 without the topic. */
    static long records(Admin admin, String topic) throws InterruptedException, ExecutionException {
        try {
            int partitions = admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
            for (int partition = 0; partition < partitions; partition++) {
                ends.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
            return admin.listOffsets(ends).all().get().values().stream().mapToLong(end -> end.offset()).sum();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return -1;
            }
            throw e;
        }
    }

    /** Deliveries turned into records together by one worker. */
    private static final int CHUNK = 500;

    /**
     * The story is told on this thread (it is one sequence: numbers, open pull requests, runs under way), while workers
     * turn its deliveries into records (record key, headers) chunk by chunk; the chunks are sent in the story's order,
     * so each repository's records keep theirs. The producer batches (512 KB, 20 ms linger) as the ingest's does not
     * need to: it answers one webhook at a time.
     */
    private static Log write(Options options) throws InterruptedException, ExecutionException {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(512 * 1024));
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L * 1024 * 1024));
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(Topics.EVENTS_MAX_RECORD_BYTES));
        OrgStory story = new OrgStory(GitHubOrg.of("acme-labs", options.repos(), options.people()),
                new Random(options.seed()));
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        Deque<Future<List<ProducerRecord<String, byte[]>>>> chunks = new ArrayDeque<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long bytes = 0;
        long sent = 0;
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int told = 0; told < options.count() && failure.get() == null;) {
                List<Delivery> chunk = new ArrayList<>(CHUNK);
                for (; chunk.size() < CHUNK && told < options.count(); told++) {
                    Delivery delivery = story.next();
                    chunk.add(delivery);
                    bytes += delivery.body().length;
                }
                chunks.add(workers.submit(() -> records(options.topic(), chunk)));
                while (chunks.size() > 2 * threads) {
                    sent = send(producer, chunks.poll().get(), sent, failure);
                }
            }
            while (!chunks.isEmpty()) {
                sent = send(producer, chunks.poll().get(), sent, failure);
            }
            producer.flush();
        } finally {
            workers.shutdownNow();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the broker refused a record: " + failure.get(), failure.get());
        }
        return new Log(options.count(), bytes, Duration.ofNanos(System.nanoTime() - started), false);
    }

    /** The deliveries as the ingest appends them: keyed by repository, with the contract's headers. */
    private static List<ProducerRecord<String, byte[]>> records(String topic, List<Delivery> deliveries) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(deliveries.size());
        for (Delivery delivery : deliveries) {
            String key = GitHubPayloads.recordKey(GitHubPayloads.parse(delivery.body(), null, GitHubPayloads.RECORD_KEY_MEMBERS));
            DeliveryMetadata metadata = DeliveryMetadata.accepted(Sources.GITHUB, delivery.event(),
                    UUID.randomUUID().toString(), Instant.now(), "application/json", "log-generator");
            records.add(new ProducerRecord<>(topic, null, key, delivery.body(), metadata.toHeaders()));
        }
        return records;
    }

    private static long send(KafkaProducer<String, byte[]> producer, List<ProducerRecord<String, byte[]>> records,
            long sent, AtomicReference<Exception> failure) {
        for (ProducerRecord<String, byte[]> record : records) {
            producer.send(record, (written, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
            });
            if (++sent % 100_000 == 0) {
                System.out.printf(Locale.ROOT, "log: %,d records written%n", sent);
            }
        }
        return sent;
    }

    static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
