package dev.orgpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.orgpulse.eventlog.Topics;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * deploy/k8s, parsed into typed models (unknown fields fail), against the code: ports, probe paths, configuration
 * names, images, the topics of the contract, replica bounds. The production overlay is checked with its patches.
 */
class KubernetesManifestsTest {

    private static final KubernetesResources BASE = KubernetesResources.of("deploy/k8s/base");
    private static final KubernetesResources PRODUCTION = KubernetesResources.of("deploy/k8s/overlays/production");
    /** Environment variables whose values are credentials: they must come from a Secret, never be written here. */
    private static final Set<String> CREDENTIALS = Set.of("ORGPULSE_GITHUB_WEBHOOK_SECRETS", "ORGPULSE_ACCESS_KEY",
            "ORGPULSE_ADMIN_KEY", "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_DATASOURCE_USERNAME");

    @Test
    void everyFileUnderDeployK8sIsPartOfAKustomization() throws IOException {
        Set<Path> read = Stream.concat(BASE.files.stream(), PRODUCTION.files.stream()).map(Path::normalize)
                .collect(Collectors.toSet());
        try (Stream<Path> files = Files.walk(Repository.path("deploy/k8s"))) {
            List<Path> stray = files.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .map(Path::normalize).filter(file -> !read.contains(file)).toList();
            assertEquals(List.of(), stray, "manifests no kustomization.yaml names (and so nothing checks)");
        }
    }

    @ParameterizedTest
    @EnumSource(ServiceCode.class)
    void eachServiceRunsItsImageOnItsPortsWithProbesOnTheManagementInterface(ServiceCode service) {
        Container container = container(service);
        assertEquals(service.image(), container.getImage());
        assertEquals(Map.of("http", service.httpPort(), "management", service.managementPort()),
                container.getPorts().stream().collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort)));
        assertProbe(service, container.getStartupProbe(), ServiceCode.STARTUP);
        assertProbe(service, container.getLivenessProbe(), ServiceCode.LIVENESS);
        assertProbe(service, container.getReadinessProbe(), ServiceCode.READINESS);
        assertNotNull(container.getResources().getRequests().get("cpu"), service.name + ": cpu request");
        assertNotNull(container.getResources().getRequests().get("memory"), service.name + ": memory request");
        assertNotNull(container.getResources().getLimits().get("memory"), service.name + ": memory limit");
    }

    @ParameterizedTest
    @EnumSource(ServiceCode.class)
    void everyVariableAServiceIsGivenIsConfigurationItReadsAndCredentialsComeFromSecrets(ServiceCode service) {
        for (EnvVar variable : container(service).getEnv()) {
            assertTrue(service.reads(variable.getName()),
                    service.module + " reads no configuration named " + variable.getName());
            if (CREDENTIALS.contains(variable.getName())) {
                assertNotNull(variable.getValueFrom(), variable.getName() + " must come from a Secret");
                assertNotNull(variable.getValueFrom().getSecretKeyRef(), variable.getName() + " must come from a Secret");
            }
        }
    }

    @Test
    void kafkaAndDatabaseAddressesNameTheClusterResources() {
        Kafka kafka = BASE.named(Kafka.class, KafkaTopicManifest.KAFKA_CLUSTER);
        GenericKafkaListener plain = kafka.getSpec().getKafka().getListeners().stream()
                .filter(listener -> !listener.isTls()).findFirst().orElseThrow();
        String bootstrap = kafka.getMetadata().getName() + "-kafka-bootstrap:" + plain.getPort();
        CnpgCluster database = BASE.all(CnpgCluster.class).get(0);
        String databaseUrl = "postgresql://" + database.metadata().getName() + "-rw:5432/"
                + database.spec().bootstrap().initdb().database();
        for (ServiceCode service : ServiceCode.values()) {
            Map<String, EnvVar> env = container(service).getEnv().stream()
                    .collect(Collectors.toMap(EnvVar::getName, variable -> variable));
            assertEquals(bootstrap, env.get("KAFKA_BOOTSTRAP_SERVERS").getValue(), service.name);
            if (service != ServiceCode.INGEST) {
                assertEquals(databaseUrl, env.get("QUARKUS_DATASOURCE_REACTIVE_URL").getValue(), service.name);
                for (String credential : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                    // CloudNativePG writes the owner's credentials to the Secret <cluster>-app
                    assertEquals(database.metadata().getName() + "-app",
                            env.get(credential).getValueFrom().getSecretKeyRef().getName(), service.name + " " + credential);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ServiceCode.class)
    void eachServiceHasAServiceOnItsNamedPortsAndADisruptionBudget(ServiceCode service) {
        Deployment deployment = BASE.named(Deployment.class, service.name);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Service kubernetesService = BASE.named(Service.class, service.name);
        assertTrue(podLabels.entrySet().containsAll(kubernetesService.getSpec().getSelector().entrySet()));
        assertEquals(Map.of("http", service.httpPort(), "management", service.managementPort()),
                kubernetesService.getSpec().getPorts().stream().collect(Collectors.toMap(ServicePort::getName, ServicePort::getPort)));
        kubernetesService.getSpec().getPorts().forEach(port -> assertEquals(port.getName(), port.getTargetPort().getStrVal()));
        assertTrue(podLabels.entrySet().containsAll(deployment.getSpec().getSelector().getMatchLabels().entrySet()));

        PodDisruptionBudget budget = BASE.named(PodDisruptionBudget.class, service.name);
        assertTrue(podLabels.entrySet().containsAll(budget.getSpec().getSelector().getMatchLabels().entrySet()));
    }

    @Test
    void theIngressRoutesWebhooksToIngestAndTheRestToQueryOnTheirPublicPorts() {
        Ingress ingress = BASE.all(Ingress.class).get(0);
        Map<String, String> routes = ingress.getSpec().getRules().stream()
                .flatMap(rule -> rule.getHttp().getPaths().stream())
                .collect(Collectors.toMap(HTTPIngressPath::getPath,
                        path -> path.getBackend().getService().getName() + ":" + path.getBackend().getService().getPort().getName()));
        assertEquals(Map.of("/webhooks", "ingest:http", "/", "query:http"), routes);
    }

    @Test
    void prometheusScrapesEveryServicesManagementPort() {
        ServiceMonitor monitor = BASE.all(ServiceMonitor.class).get(0);
        Map<String, String> selector = monitor.getSpec().getSelector().getMatchLabels();
        for (ServiceCode service : ServiceCode.values()) {
            assertTrue(BASE.named(Service.class, service.name).getMetadata().getLabels().entrySet()
                    .containsAll(selector.entrySet()), service.name + " is not selected");
        }
        Endpoint endpoint = monitor.getSpec().getEndpoints().get(0);
        assertEquals("management", endpoint.getPort());
        for (ServiceCode service : ServiceCode.values()) {
            assertEquals(service.managementPath(ServiceCode.METRICS), endpoint.getPath());
        }
    }

    @Test
    void replicasStayWithinWhatEachServiceAllows() {
        for (KubernetesResources overlay : List.of(BASE, PRODUCTION)) {
            for (ServiceCode stateless : List.of(ServiceCode.INGEST, ServiceCode.QUERY)) {
                assertTrue(replicas(overlay, stateless) >= 2, stateless.name + " runs fewer than 2 replicas");
                HorizontalPodAutoscaler autoscaler = BASE.named(HorizontalPodAutoscaler.class, stateless.name);
                assertEquals(stateless.name, autoscaler.getSpec().getScaleTargetRef().getName());
                int minimum = overlay.patch(HorizontalPodAutoscaler.class, stateless.name)
                        .map(patch -> patch.getSpec().getMinReplicas()).orElse(autoscaler.getSpec().getMinReplicas());
                assertTrue(minimum >= 2, stateless.name + " may scale below 2 replicas");
            }
            // each partition of the log is folded by one projector at a time: more would idle
            int projectors = replicas(overlay, ServiceCode.PROJECTOR);
            assertTrue(projectors >= 1 && projectors <= Topics.EVENTS_PARTITIONS,
                    projectors + " projectors for " + Topics.EVENTS_PARTITIONS + " partitions");
            assertFalse(BASE.all(HorizontalPodAutoscaler.class).stream()
                    .anyMatch(autoscaler -> autoscaler.getSpec().getScaleTargetRef().getName().equals(ServiceCode.PROJECTOR.name)),
                    "a CPU autoscaler would push the projector past the partition count");
        }
    }

    @Test
    void kafkaRunsInKRaftModeAndItsTopicsAreTheContracts() {
        Kafka kafka = BASE.named(Kafka.class, KafkaTopicManifest.KAFKA_CLUSTER);
        assertEquals("enabled", kafka.getMetadata().getAnnotations().get("strimzi.io/kraft"));
        assertEquals("enabled", kafka.getMetadata().getAnnotations().get("strimzi.io/node-pools"));
        assertEquals(null, kafka.getSpec().getZookeeper());
        assertEquals(false, kafka.getSpec().getKafka().getConfig().get("auto.create.topics.enable"));
        List<KafkaNodePool> pools = BASE.all(KafkaNodePool.class);
        assertTrue(pools.stream().allMatch(pool -> KafkaTopicManifest.KAFKA_CLUSTER.equals(pool.getMetadata().getLabels().get("strimzi.io/cluster"))));
        assertTrue(pools.stream().anyMatch(pool -> pool.getSpec().getRoles().contains(ProcessRoles.CONTROLLER)));
        int brokers = pools.stream().filter(pool -> pool.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(pool -> pool.getSpec().getReplicas()).sum();
        int minInSync = ((Number) kafka.getSpec().getKafka().getConfig().get("min.insync.replicas")).intValue();

        Map<String, KafkaTopic> topics = BASE.all(KafkaTopic.class).stream()
                .collect(Collectors.toMap(topic -> topic.getSpec().getTopicName(), topic -> topic));
        assertEquals(Topics.ALL.stream().map(Topics.Spec::name).collect(Collectors.toSet()), topics.keySet());
        Topics.ALL.forEach(spec -> assertTopic(topics.get(spec.name()), spec.partitions(), spec.config()));
        for (KafkaTopic topic : topics.values()) {
            assertTrue(topic.getSpec().getReplicas() <= brokers, "more replicas than brokers");
            // acks=all must survive one lost broker
            assertTrue(minInSync < topic.getSpec().getReplicas(), "min.insync.replicas leaves no broker to lose");
        }
    }

    @Test
    void productionOverlayPatchesOnlyWhatTheBaseHasAndRunsTheVersionsImages() {
        Set<String> base = BASE.resources.stream().map(manifest -> manifest.kind() + "/" + manifest.name())
                .collect(Collectors.toCollection(TreeSet::new));
        PRODUCTION.patches.forEach(patch -> assertTrue(base.contains(patch.kind() + "/" + patch.name()),
                patch.file() + " patches " + patch.kind() + "/" + patch.name() + ", which the base does not have"));
        Set<String> images = Stream.of(ServiceCode.values()).map(service -> service.image().substring(0, service.image().indexOf(':')))
                .collect(Collectors.toSet());
        assertEquals(images, PRODUCTION.kustomization.images().stream().map(Kustomization.Image::name).collect(Collectors.toSet()));
        PRODUCTION.kustomization.images().forEach(image -> assertEquals(Repository.version(), image.newTag(), image.name()));
        assertEquals("orgpulse", PRODUCTION.kustomization.namespace());
    }

    private static void assertTopic(KafkaTopic topic, int partitions, Map<String, String> config) {
        assertEquals(partitions, topic.getSpec().getPartitions(), topic.getSpec().getTopicName());
        assertEquals(config, topic.getSpec().getConfig().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> String.valueOf(entry.getValue()))), topic.getSpec().getTopicName());
    }

    private static void assertProbe(ServiceCode service, Probe probe, String path) {
        assertNotNull(probe, service.name + ": probe " + path);
        assertEquals(service.managementPath(path), probe.getHttpGet().getPath(), service.name);
        assertEquals("management", probe.getHttpGet().getPort().getStrVal(), service.name + " " + path);
    }

    private static int replicas(KubernetesResources overlay, ServiceCode service) {
        return overlay.patch(Deployment.class, service.name).map(patch -> patch.getSpec().getReplicas())
                .orElse(BASE.named(Deployment.class, service.name).getSpec().getReplicas());
    }

    private static Container container(ServiceCode service) {
        List<Container> containers = BASE.named(Deployment.class, service.name).getSpec().getTemplate().getSpec().getContainers();
        assertEquals(List.of(service.name), containers.stream().map(Container::getName).toList());
        return containers.get(0);
    }
}
