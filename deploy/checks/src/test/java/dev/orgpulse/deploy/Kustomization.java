package dev.orgpulse.deploy;

import java.util.List;

/** A {@code kustomization.yaml}, the fields the manifests use (an unknown one fails). */
record Kustomization(String apiVersion, String kind, String namespace, List<String> resources, List<Image> images,
        List<Patch> patches) {

    record Image(String name, String newName, String newTag) {
    }

    record Patch(String path) {
    }
}
