package tools;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;

/**
 * Part {@code e2e} of {@link Bench}: {@link PipelineBenchmark} at {@code --e2e-rate} (default 20/s) for
 * {@code --e2e-count} deliveries (default 500, after 50 of warm-up): POST to the ingest, then the {@code activity}
 * event on the SSE stream. Its ceiling is what the pipeline cannot avoid: a delivery crosses the broker twice (the
 * event log, then the change notice), so twice the latency of one record from a raw producer ({@code acks=all},
 * as the ingest) to a raw consumer through the same broker, on a throwaway topic, at the same rate.
 */
final class EndToEndBench implements Bench.Part {

    private static final String HOP_TOPIC = "orgpulse-bench-hop";

    private final BenchTarget target;
    private final int count;
    private final String rate;
    private final String bootstrap;

    private EndToEndBench(BenchTarget target, int count, String rate, String bootstrap) {
        this.target = target;
        this.count = count;
        this.rate = rate;
        this.bootstrap = bootstrap;
    }

    static EndToEndBench from(CommandLine line, BenchTarget target) {
        String rate = line.text("e2e-rate", "20/s");
        CommandLine.perSecond(rate);
        return new EndToEndBench(target, line.number("e2e-count", 500, 1, 100_000), rate,
                line.text("e2e-bootstrap", System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")));
    }

    @Override
    public void run() throws Exception {
        double perSecond = CommandLine.perSecond(rate);
        BenchPhase measured = PipelineBenchmark.run(new PipelineBenchmark.Options(target.ingest(), target.query(),
                target.requireSecret(), target.accessKey(), count, rate, false, perSecond, 16, 50, Duration.ofSeconds(120),
                5, null));
        if (measured == null) {
            return;
        }
        long[] endToEnd = measured.endToEndNanos();
        long[] hop = rawHops(Math.min(count, 200), perSecond);
        String is = "2 x one record through the broker, raw producer (acks=all) to raw consumer";
        BenchTarget.figure("e2e", "POST -> SSE p50", BenchTarget.percentile(endToEnd, 50) / 1e6,
                2 * BenchTarget.percentile(hop, 50) / 1e6, "ms", true, is);
        BenchTarget.figure("e2e", "POST -> SSE p99", BenchTarget.percentile(endToEnd, 99) / 1e6,
                2 * BenchTarget.percentile(hop, 99) / 1e6, "ms", true, is);
    }

    /** Latencies of {@code records} records, from send to poll, sent at {@code perSecond}; sorted. */
    private long[] rawHops(int records, double perSecond) throws Exception {
        Map<String, Object> admin = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin topics = Admin.create(admin)) {
            topics.createTopics(List.of(new NewTopic(HOP_TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try {
            return hops(records, perSecond);
        } finally {
            try (Admin topics = Admin.create(admin)) {
                topics.deleteTopics(List.of(HOP_TOPIC)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private long[] hops(int records, double perSecond) throws Exception {
        Properties producing = new Properties();
        producing.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producing.put(ProducerConfig.ACKS_CONFIG, "all");
        producing.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        Properties consuming = new Properties();
        consuming.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consuming.put(ConsumerConfig.GROUP_ID_CONFIG, "orgpulse-bench-hop-" + UUID.randomUUID());
        consuming.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        TopicPartition partition = new TopicPartition(HOP_TOPIC, 0);
        List<Long> latencies = new ArrayList<>();
        try (KafkaProducer<Long, Long> producer = new KafkaProducer<>(producing, new LongSerializer(), new LongSerializer());
                KafkaConsumer<Long, Long> consumer = new KafkaConsumer<>(consuming, new LongDeserializer(),
                        new LongDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            Thread sender = new Thread(() -> {
                long interval = (long) (1e9 / perSecond);
                long start = System.nanoTime();
                for (int i = 0; i < records; i++) {
                    long wait = start + i * interval - System.nanoTime();
                    if (wait > 0) {
                        try {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    producer.send(new ProducerRecord<>(HOP_TOPIC, (long) i, System.nanoTime()));
                }
            }, "bench-hop-sender");
            sender.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30) + (long) (records / perSecond * 1e9);
            while (latencies.size() < records && System.nanoTime() < deadline) {
                for (ConsumerRecord<Long, Long> record : consumer.poll(Duration.ofMillis(100))) {
                    latencies.add(System.nanoTime() - record.value());
                }
            }
            sender.join();
        }
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}
