package dev.orgpulse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

import dev.orgpulse.eventlog.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A real single-node KRaft Kafka broker for a Quarkus test, with the contract's topics created as in
 * production. A test field annotated {@link InjectKafkaBroker} receives this resource, to read end
 * offsets or to stop the broker.
 * <p>
 * The broker keeps its ports, cluster id and log directory for the resource's whole life, so that it can be stopped
 * and started again ({@link #stopBroker}, {@link #restartBroker}) as a restarted production broker comes back:
 * same address, same log. The log directory is deleted when the resource stops.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedKafkaBroker broker;
    private Path logDirectory;
    private int kafkaPort;
    private int controllerPort;
    private final String clusterId = Uuid.randomUuid().toString();

    @Override
    public Map<String, String> start() {
        try {
            logDirectory = Files.createTempDirectory("orgpulse-kafka-");
            kafkaPort = freePort();
            controllerPort = freePort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the broker's log directory and ports", e);
        }
        broker = newBroker().start();
        try (Admin admin = admin()) {
            for (KafkaFuture<Void> created : admin.createTopics(Topics.ALL.stream()
                    .map(spec -> new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.config())).toList())
                    .values().values()) {
                try {
                    created.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // on a loaded machine the admin client retries a creation that timed out, and finds its own topic
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create the log's topics", e);
        }
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    private EmbeddedKafkaBroker newBroker() {
        return new EmbeddedKafkaBroker()
                .withKafkaPort(kafkaPort)
                .withControllerPort(controllerPort)
                .withClusterId(clusterId)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(properties -> {
                    properties.put("log.dir", logDirectory.toString());
                    properties.put("auto.create.topics.enable", "false");
                    properties.put("group.initial.rebalance.delay.ms", "0");
                    // The ingest appends in transactions (the embedded broker already keeps their state log with one
                    // replica). Fewer partitions for that log: the first transaction waits for them all to be created.
                    properties.put("transaction.state.log.num.partitions", "4");
                    // A killed ingest's open transaction hides the records after it until the broker aborts it at
                    // its timeout; the broker looks for timed-out transactions every 10 s by default.
                    properties.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
                });
    }

    /**
     * A port free now, below Linux's ephemeral range (32768-60999): the broker binds it again when it restarts, and a
     * port of that range can meanwhile become the local end of any outgoing connection on the machine.
     */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (BindException taken) {
                // try another
            }
        }
        throw new IOException("no free port found between 20000 and 32000");
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
        if (logDirectory != null) {
            try (Stream<Path> files = Files.walk(logDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete the broker's log directory " + logDirectory, e);
            }
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(this, new TestInjector.AnnotatedAndMatchesType(InjectKafkaBroker.class,
                KafkaBrokerResource.class));
    }

    public String bootstrapServers() {
        return broker.getAdvertisedListeners();
    }

    /** Stops the broker (its log stays), to see how a service behaves when the log does not answer. */
    public void stopBroker() {
        broker.close();
    }

    /** Starts the stopped broker again on the same ports with the same log, as a restarted broker comes back. */
    public void restartBroker() {
        broker = newBroker().start();
    }

    public Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Admin.create(properties);
    }

    /** The end offset of every partition of a topic: what was durably appended so far. */
    public Map<TopicPartition, Long> endOffsets(String topic) {
        try (Admin admin = admin()) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (int partition = 0; partition < partitions; partition++) {
                latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException("could not read the end offsets of " + topic, e);
        }
    }

    /** The number of records ever appended to a topic. */
    public long recordCount(String topic) {
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }
}
