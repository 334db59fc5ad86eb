package dev.orgpulse.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * The resources of one Kustomize directory, each parsed into its typed model: the files its kustomization.yaml
 * lists (a directory: its own kustomization, recursively) and, apart, its patches. A kind not known here fails.
 */
final class KubernetesResources {

    /** apiVersion/kind → model. */
    private static final Map<String, Class<?>> MODELS = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "v1/Service", Service.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class,
            "kafka.strimzi.io/v1beta2/Kafka", Kafka.class,
            "kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class,
            "kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class,
            "postgresql.cnpg.io/v1/Cluster", CnpgCluster.class);

    /** One parsed document. */
    record Manifest(Path file, String kind, String name, Object model) {
    }

    final Kustomization kustomization;
    final List<Manifest> resources = new ArrayList<>();
    final List<Manifest> patches = new ArrayList<>();
    /** Every file read, kustomization.yaml included. */
    final List<Path> files = new ArrayList<>();

    private KubernetesResources(Path directory) {
        Path kustomizationFile = directory.resolve("kustomization.yaml");
        files.add(kustomizationFile);
        List<JsonNode> documents = StrictYaml.documents(kustomizationFile);
        kustomization = StrictYaml.read(documents.get(0), Kustomization.class, kustomizationFile.toString());
        for (String resource : kustomization.resources()) {
            Path path = directory.resolve(resource).normalize();
            if (Files.isDirectory(path)) {
                KubernetesResources nested = new KubernetesResources(path);
                resources.addAll(nested.resources);
                patches.addAll(nested.patches);
                files.addAll(nested.files);
            } else {
                resources.addAll(parse(path));
            }
        }
        if (kustomization.patches() != null) {
            kustomization.patches().forEach(patch -> patches.addAll(parse(directory.resolve(patch.path()))));
        }
    }

    static KubernetesResources of(String directory) {
        return new KubernetesResources(Repository.path(directory));
    }

    private List<Manifest> parse(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(file + " is named in a kustomization.yaml but does not exist");
        }
        files.add(file);
        List<Manifest> manifests = new ArrayList<>();
        for (JsonNode document : StrictYaml.documents(file)) {
            String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
            String name = document.path("metadata").path("name").asText();
            Class<?> model = MODELS.get(type);
            if (model == null) {
                throw new AssertionError(file + ": " + type + " " + name + " is not a kind these checks know");
            }
            manifests.add(new Manifest(file, document.path("kind").asText(), name,
                    StrictYaml.read(document, model, file + " (" + type + " " + name + ")")));
        }
        return manifests;
    }

    <T> List<T> all(Class<T> type) {
        return resources.stream().map(Manifest::model).filter(type::isInstance).map(type::cast).toList();
    }

    <T> T named(Class<T> type, String name) {
        return resources.stream().filter(manifest -> manifest.name().equals(name)).map(Manifest::model)
                .filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
    }

    /** The patch of {@code type} named {@code name}, if this directory has one. */
    <T> java.util.Optional<T> patch(Class<T> type, String name) {
        return patches.stream().filter(manifest -> manifest.name().equals(name)).map(Manifest::model)
                .filter(type::isInstance).map(type::cast).findFirst();
    }
}
