package dev.orgpulse.deploy;

import java.util.Map;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/**
 * CloudNativePG's {@code Cluster} ({@code postgresql.cnpg.io/v1}), the part of its schema the manifests use: no
 * Java model of it is published, and an unknown field fails here as it would at the API server.
 */
record CnpgCluster(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    record Spec(Integer instances, String imageName, Bootstrap bootstrap, Storage storage,
            ResourceRequirements resources, Monitoring monitoring, Postgresql postgresql) {
    }

    record Bootstrap(InitDb initdb) {
    }

    record InitDb(String database, String owner) {
    }

    record Storage(String size, String storageClass) {
    }

    record Monitoring(Boolean enablePodMonitor) {
    }

    record Postgresql(Map<String, String> parameters) {
    }
}
