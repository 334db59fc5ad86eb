import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import dev.orgpulse.eventlog.Topics;

/**
 * Makes the broker hold the log's topics exactly as {@link Topics} defines them: creates a missing
 * topic, sets drifted settings back, and prints what the broker reports. A partition count that
 * differs is an error: changing it would move keys to other partitions and break their order.
 * Compiled by deploy/local/kafka-topics together with event-log's Topics.java, so that the
 * contract has one source.
 */
public final class CreateTopics {

    public static void main(String[] args) throws InterruptedException {
        String bootstrapServers = args.length > 0 ? args[0] : "127.0.0.1:9092";
        try (Admin admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000))) {
            Set<String> existing = admin.listTopics().names().get();
            List<String> problems = new ArrayList<>();
            for (Topics.Spec spec : Topics.ALL) {
                if (existing.contains(spec.name())) {
                    problems.addAll(reconcile(admin, spec));
                } else {
                    create(admin, spec);
                }
                report(admin, spec);
            }
            if (!problems.isEmpty()) {
                problems.forEach(problem -> System.err.println("kafka: " + problem));
                System.exit(1);
            }
        } catch (ExecutionException e) {
            System.err.println("kafka: could not set up the topics on " + bootstrapServers + ": " + e.getCause());
            System.exit(1);
        }
    }

    private static void create(Admin admin, Topics.Spec spec) throws InterruptedException, ExecutionException {
        admin.createTopics(List.of(new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.config())))
                .all().get();
        System.out.println("kafka: created topic " + spec.name());
    }

    private static List<String> reconcile(Admin admin, Topics.Spec spec) throws InterruptedException, ExecutionException {
        int partitions = partitionsOf(admin, spec.name());
        if (partitions != spec.partitions()) {
            return List.of("topic " + spec.name() + " has " + partitions + " partitions, the contract says "
                    + spec.partitions() + "; remove deploy/local/.run/kafka to start with a fresh log");
        }
        Map<String, String> actual = configOf(admin, spec.name());
        Collection<AlterConfigOp> corrections = new ArrayList<>();
        spec.config().forEach((key, value) -> {
            if (!value.equals(actual.get(key))) {
                corrections.add(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET));
            }
        });
        if (!corrections.isEmpty()) {
            admin.incrementalAlterConfigs(Map.of(resource(spec.name()), corrections)).all().get();
            System.out.println("kafka: set " + corrections.size() + " drifted setting(s) of " + spec.name()
                    + " back to the contract's values");
        }
        return List.of();
    }

    private static void report(Admin admin, Topics.Spec spec) throws InterruptedException, ExecutionException {
        for (int attempt = 1; ; attempt++) {
            try {
                Map<String, String> actual = configOf(admin, spec.name());
                Map<String, String> shown = new TreeMap<>();
                spec.config().keySet().forEach(key -> shown.put(key, actual.get(key)));
                System.out.println("kafka: topic " + spec.name() + ": " + partitionsOf(admin, spec.name())
                        + " partition(s), " + shown);
                return;
            } catch (ExecutionException e) {
                // a topic just created reaches the metadata that answers these requests a moment later
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || attempt == 40) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }

    private static int partitionsOf(Admin admin, String topic) throws InterruptedException, ExecutionException {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    }

    private static Map<String, String> configOf(Admin admin, String topic) throws InterruptedException, ExecutionException {
        Map<String, String> values = new TreeMap<>();
        admin.describeConfigs(List.of(resource(topic))).all().get().get(resource(topic)).entries()
                .forEach(entry -> values.put(entry.name(), entry.value()));
        return values;
    }

    private static ConfigResource resource(String topic) {
        return new ConfigResource(ConfigResource.Type.TOPIC, topic);
    }
}
