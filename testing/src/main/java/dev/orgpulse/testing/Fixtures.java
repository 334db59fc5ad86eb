package dev.orgpulse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The webhook fixtures kept in the repository under {@code testing/fixtures} (octokit/webhooks payloads, MIT,
 * and hand-made Pub/Sub pushes). The build names the folder in {@code orgpulse.fixtures.dir}; a test started
 * from an IDE or a module's folder finds it by walking up from the working directory.
 */
public final class Fixtures {

    private static final Path IN_REPOSITORY = Path.of("testing", "fixtures");

    private Fixtures() {
    }

    public static Path root() {
        String configured = System.getProperty("orgpulse.fixtures.dir");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(IN_REPOSITORY))) {
                return dir.resolve(IN_REPOSITORY);
            }
        }
        throw new IllegalStateException("fixtures not found: neither orgpulse.fixtures.dir (" + configured
                + ") nor " + IN_REPOSITORY + " above " + Path.of("").toAbsolutePath());
    }

    /** A GitHub webhook payload, e.g. {@code github("push", "payload.json")}. */
    public static byte[] github(String event, String file) {
        return read(root().resolve("github-webhooks").resolve(event).resolve(file));
    }

    /** Every payload file of one GitHub event type, sorted by name. */
    public static List<Path> githubFiles(String event) {
        try (Stream<Path> files = Files.list(root().resolve("github-webhooks").resolve(event))) {
            return files.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] pubsub(String file) {
        return read(root().resolve("pubsub").resolve(file));
    }

    public static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
