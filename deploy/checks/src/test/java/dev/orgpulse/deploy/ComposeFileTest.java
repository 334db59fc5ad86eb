package dev.orgpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.orgpulse.eventlog.Topics;

/** deploy/compose/compose.yaml, parsed into typed records (unknown fields fail), against the code. */
class ComposeFileTest {

    private static final ComposeFile COMPOSE = StrictYaml.read(
            StrictYaml.documents(Repository.path("deploy/compose/compose.yaml")).get(0), ComposeFile.class,
            "deploy/compose/compose.yaml");

    @ParameterizedTest
    @EnumSource(ServiceCode.class)
    void eachServiceRunsItsImageOnItsPortsWithTheManagementPortOnlyOnLoopback(ServiceCode service) {
        ComposeFile.Service compose = service(service.name);
        assertEquals(service.image(), compose.image());
        Map<Integer, String> published = new TreeMap<>();
        compose.ports().forEach(mapping -> {
            int separator = mapping.lastIndexOf(':');
            published.put(Integer.parseInt(mapping.substring(separator + 1)), mapping.substring(0, separator));
        });
        assertEquals(List.of(service.httpPort(), service.managementPort()).stream().sorted().toList(),
                List.copyOf(published.keySet()), service.name + " publishes other ports than its own");
        assertTrue(published.get(service.managementPort()).startsWith("127.0.0.1:"),
                service.name + ": health and metrics must not be published beyond this host");
    }

    @ParameterizedTest
    @EnumSource(ServiceCode.class)
    void everyVariableAServiceIsGivenIsConfigurationItReadsAndSecretsComeFromTheEnvironment(ServiceCode service) {
        service(service.name).environment().forEach((name, value) -> {
            assertTrue(service.reads(name), service.module + " reads no configuration named " + name);
            if (name.endsWith("_KEY") || name.endsWith("_SECRETS") || name.endsWith("_PASSWORD")) {
                assertTrue(value.startsWith("${") && value.contains(":?"),
                        name + " must come from the environment, and be required: ${VARIABLE:?message}");
            }
        });
        assertEquals("kafka:9092", service(service.name).environment().get("KAFKA_BOOTSTRAP_SERVERS"));
    }

    @Test
    void theBrokerRunsKRaftAndAdvertisesTheAddressTheServicesUse() {
        Map<String, String> broker = service("kafka").environment();
        assertTrue(service("kafka").image().startsWith("apache/kafka:"));
        assertEquals("broker,controller", broker.get("KAFKA_PROCESS_ROLES"));
        assertTrue(broker.get("KAFKA_ADVERTISED_LISTENERS").contains("PLAINTEXT://kafka:9092"));
        assertEquals("false", broker.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"));
    }

    @Test
    void theTopicsAreCreatedWithTheContractsSettings() {
        List<String> words = Arrays.asList(String.join(" ", service("kafka-topics").command()).split("\\s+"));
        Map<String, Topic> created = new TreeMap<>();
        Topic current = null;
        for (int i = 0; i < words.size() - 1; i++) {
            String value = words.get(i + 1);
            switch (words.get(i)) {
                case "--topic" -> {
                    current = new Topic(new ArrayList<>(), new TreeMap<>());
                    created.put(value, current);
                }
                case "--partitions" -> current.partitions().add(Integer.parseInt(value));
                case "--config" -> current.config().put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
                default -> {
                }
            }
        }
        assertEquals(Topics.ALL.stream().collect(Collectors.toMap(Topics.Spec::name,
                spec -> new Topic(List.of(spec.partitions()), new TreeMap<>(spec.config())))), created);
    }

    @Test
    void theProjectorMigratesTheSchemaBeforeTheQueryServiceReadsIt() {
        assertEquals("service_started", service(ServiceCode.QUERY.name).dependsOn().get(ServiceCode.PROJECTOR.name).condition());
        assertEquals("service_completed_successfully", service(ServiceCode.PROJECTOR.name).dependsOn().get("kafka-topics").condition());
        assertEquals("service_completed_successfully", service(ServiceCode.INGEST.name).dependsOn().get("kafka-topics").condition());
    }

    private record Topic(List<Integer> partitions, Map<String, String> config) {
    }

    private static ComposeFile.Service service(String name) {
        ComposeFile.Service service = COMPOSE.services().get(name);
        if (service == null) {
            throw new AssertionError("deploy/compose/compose.yaml has no service " + name);
        }
        return service;
    }
}
