package dev.orgpulse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared webhook fixtures (../shared/fixtures), located through the build's {@code orgpulse.fixtures.dir}. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path root() {
        String dir = System.getProperty("orgpulse.fixtures.dir");
        Path root = dir != null ? Path.of(dir) : Path.of("..", "..", "shared", "fixtures");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("fixtures not found at " + root.toAbsolutePath()
                    + "; the shared folder must sit beside the repository");
        }
        return root;
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
