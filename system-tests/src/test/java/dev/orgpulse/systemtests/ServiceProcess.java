package dev.orgpulse.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One packaged OrgPulse service ({@code target/quarkus-app/quarkus-run.jar}) running as its own JVM. */
final class ServiceProcess implements AutoCloseable {

    // several JVMs starting at once on two cores shared with builds have taken 100 s
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);

    /**
     * Quarkus's startup line, once both servers listen: "Listening on: http://0.0.0.0:38843. Management interface
     * listening on http://0.0.0.0:44809."
     */
    private static final Pattern LISTENING = Pattern.compile(
            "Listening on: https?://[^ ]+:(\\d+)\\. Management interface listening on https?://[^ ]+:(\\d+)");

    private final String name;
    private final Process process;
    private final Path log;
    /** Known once the process says where it listens ({@link #awaitReady}). */
    private int port;
    private int managementPort;

    private ServiceProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code <repository>/<module>/target/quarkus-app/quarkus-run.jar} and waits until it is ready. */
    static ServiceProcess start(String module, Map<String, String> environment) throws IOException, InterruptedException {
        ServiceProcess service = launch(module, module, environment);
        service.awaitReady();
        return service;
    }

    /**
     * Starts a module's jar as the instance {@code name} (its log is {@code target/services/<name>.log}) without
     * waiting: several instances start side by side, then each is awaited ({@link #awaitReady}). It binds ports the
     * system picks (port 0) and says which in its log: a port probed free beforehand can be taken by another process
     * before the service binds it, and the service then exits.
     */
    static ServiceProcess launch(String module, String name, Map<String, String> environment) throws IOException {
        Path repository = Path.of(System.getProperty("orgpulse.repository.dir", ".."));
        Path jar = repository.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (mvn verify does)");
        }
        Path log = Path.of("target", "services", name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", "0");
        if (module.equals("ingest-service")) {
            // an ingest names its log transactions after its HTTP port unless told otherwise, and every one's is 0 here
            builder.environment().putIfAbsent("ORGPULSE_INGEST_INSTANCE_ID", name);
        }
        return new ServiceProcess(name, builder.start(), log);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    /** A path on the management interface, where health and metrics answer ({@code /q/health/ready}). */
    URI managementUri(String path) {
        return URI.create("http://127.0.0.1:" + managementPort + path);
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until the process says where it listens and {@code /q/health/ready} answers 200; fails, with the end of
     * the log, when it exits or takes too long.
     */
    void awaitReady() throws InterruptedException, IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log.toAbsolutePath()
                        + ":\n" + tail());
            }
            if (port == 0) {
                readPorts();
                Thread.sleep(250);
                continue;
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(managementUri("/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + STARTUP_LIMIT + "; see " + log.toAbsolutePath()
                + ":\n" + tail());
    }

    private String tail() throws IOException {
        var lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private void readPorts() throws IOException {
        Matcher listening = LISTENING.matcher(new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
        if (listening.find()) {
            port = Integer.parseInt(listening.group(1));
            managementPort = Integer.parseInt(listening.group(2));
        }
    }

    /** SIGKILL: the process gets no chance to finish a batch, commit, or say goodbye to the broker. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
