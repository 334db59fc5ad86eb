package dev.orgpulse.systemtests;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.PostgresDatabaseResource;
import dev.orgpulse.testing.TcpProxy;
import io.restassured.specification.RequestSpecification;

/**
 * OrgPulse with several instances of each service, as a production deployment runs it: one broker (the log's six
 * partitions), one database, and {@code replicas} ingest, projector and query processes. The projectors reach
 * PostgreSQL through a {@link TcpProxy}, so that a test can take the database away from them alone. Instances can
 * be killed and new ones started; the lists hold every instance started, alive or not.
 */
final class ReplicatedStack implements AutoCloseable {

    private final KafkaBrokerResource broker = new KafkaBrokerResource();
    private final PostgresDatabaseResource database = new PostgresDatabaseResource();
    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<ServiceProcess> ingests = new ArrayList<>();
    private final List<ServiceProcess> projectors = new ArrayList<>();
    private final List<ServiceProcess> queries = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private TcpProxy databaseProxy;

    private ReplicatedStack() {
    }

    /** Starts everything, or stops what had started and fails. */
    static ReplicatedStack start(int replicas) throws Exception {
        ReplicatedStack stack = new ReplicatedStack();
        try {
            stack.startAll(replicas);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(int replicas) throws Exception {
        environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.start().get("kafka.bootstrap.servers"));
        started.add(broker::stop);
        Map<String, String> databaseConfig = database.start();
        started.add(database::stop);
        environment.putAll(SystemStack.asEnvironment(databaseConfig));
        environment.put("ORGPULSE_GITHUB_WEBHOOK_SECRETS", SystemStack.WEBHOOK_SECRET);
        environment.put("ORGPULSE_ACCESS_KEY", SystemStack.ACCESS_KEY);
        environment.put("ORGPULSE_ADMIN_KEY", SystemStack.ADMIN_KEY);
        environment.put("ORGPULSE_WINDOW_DAYS", "36500");
        databaseProxy = TcpProxy.to(PostgresDatabaseResource.serverHost(), PostgresDatabaseResource.serverPort());
        started.add(databaseProxy);

        // the first projector migrates the schema (Flyway) before anyone else uses it
        startProjector("projector-1", database);
        List<ServiceProcess> launched = new ArrayList<>();
        for (int replica = 1; replica <= replicas; replica++) {
            if (replica > 1) {
                launched.add(launch("projector-service", "projector-" + replica, projectorEnvironment(database), projectors));
            }
            launched.add(launch("ingest-service", "ingest-" + replica, environment, ingests));
            launched.add(launch("query-service", "query-" + replica, environment, queries));
        }
        for (ServiceProcess service : launched) {
            service.awaitReady();
        }
    }

    /**
     * Starts a projector into {@code into} (through the proxy when it is this stack's database), with the
     * environment's consumer group unless {@code overrides} names another, and waits until it is ready.
     */
    ServiceProcess startProjector(String name, PostgresDatabaseResource into, Map<String, String> overrides)
            throws IOException, InterruptedException {
        Map<String, String> projectorEnvironment = projectorEnvironment(into);
        projectorEnvironment.putAll(overrides);
        ServiceProcess projector = launch("projector-service", name, projectorEnvironment, projectors);
        projector.awaitReady();
        return projector;
    }

    ServiceProcess startProjector(String name, PostgresDatabaseResource into) throws IOException, InterruptedException {
        return startProjector(name, into, Map.of());
    }

    private Map<String, String> projectorEnvironment(PostgresDatabaseResource into) {
        Map<String, String> projectorEnvironment = new HashMap<>(environment);
        // A projector killed with SIGKILL never leaves its consumer group: the broker gives its partitions to the
        // others when its session expires, 45 s by default. 10 s keeps the takeover within a test's patience.
        projectorEnvironment.put("JAVA_TOOL_OPTIONS", "-Dmp.messaging.incoming.events.session.timeout.ms=10000");
        // Flyway's first connection waits at most 5 s by default; several JVMs starting at once on a machine shared
        // with builds have been seen to need longer
        projectorEnvironment.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "30S");
        projectorEnvironment.putAll(SystemStack.asEnvironment(into == database
                ? database.configReachedAt("127.0.0.1", databaseProxy.port())
                : into.configReachedAt(PostgresDatabaseResource.serverHost(), PostgresDatabaseResource.serverPort())));
        return projectorEnvironment;
    }

    private ServiceProcess launch(String module, String name, Map<String, String> serviceEnvironment,
            List<ServiceProcess> instances) throws IOException {
        ServiceProcess service = ServiceProcess.launch(module, name, serviceEnvironment);
        started.add(service);
        instances.add(service);
        return service;
    }

    KafkaBrokerResource broker() {
        return broker;
    }

    PostgresDatabaseResource database() {
        return database;
    }

    /** The proxy between the projectors and PostgreSQL. */
    TcpProxy databaseProxy() {
        return databaseProxy;
    }

    List<ServiceProcess> ingests() {
        return List.copyOf(ingests);
    }

    List<ServiceProcess> projectors() {
        return List.copyOf(projectors);
    }

    List<ServiceProcess> queries() {
        return List.copyOf(queries);
    }

    /** A request to a query instance as a viewer with the access key. */
    static RequestSpecification viewer(ServiceProcess query) {
        return given().baseUri(query.baseUri()).header("Authorization", "Bearer " + SystemStack.ACCESS_KEY);
    }

    /** A request to a projector instance's admin endpoints. */
    static RequestSpecification admin(ServiceProcess projector) {
        return given().baseUri(projector.baseUri()).header("Authorization", "Bearer " + SystemStack.ADMIN_KEY);
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        // services first, then the proxy, the database and the broker they use
        for (int part = started.size() - 1; part >= 0; part--) {
            failure = SystemStack.closeQuietly(started.get(part), failure);
        }
        if (failure != null) {
            throw failure;
        }
    }
}
