package dev.orgpulse.deploy;

import java.nio.file.Path;

/** Where the repository is (the build passes it) and what it is built as. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        return Path.of(System.getProperty("orgpulse.repository.dir", "../..")).toAbsolutePath().normalize();
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    /** The project version: the tag of the images the manifests run. */
    static String version() {
        return System.getProperty("orgpulse.version", "1.0.0-SNAPSHOT");
    }
}
