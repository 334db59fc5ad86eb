package dev.orgpulse.projector.version;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.orgpulse.projector.fold.FoldOutput;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Which version the live fold writes, and a connection pool per version whose connections have the version's schema
 * as {@code search_path}: the fold's SQL names no schema, the same statements write any version.
 */
@ApplicationScoped
public class ReadModelVersions {

    private static final Logger LOG = Logger.getLogger(ReadModelVersions.class);

    /** A batch holds one connection; the few more serve a dead-letter fallback and a rebuild beside the live fold. */
    private static final int CONNECTIONS_PER_VERSION = 4;

    private final VersionCatalog catalog;
    private final Vertx vertx;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Map<ReadModelVersion, Pool> pools = new ConcurrentHashMap<>();
    private final AtomicReference<ReadModelVersion> live = new AtomicReference<>();
    private volatile VersionCatalog.Current started;

    public ReadModelVersions(VersionCatalog catalog, Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.catalog = catalog;
        this.vertx = vertx;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** Before the fold starts: the database brought to this release, the live version known. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        started = catalog.bootstrap(FoldOutput.VERSION);
        live.set(started.version());
        LOG.infof("Live read models: %s (schema %s, fold output %d; this release folds %d)", started.version(),
                started.version().schema(), started.foldOutput(), FoldOutput.VERSION);
    }

    /** The current version at start and what its fold output was, as the bootstrap found them. */
    public VersionCatalog.Current started() {
        return started;
    }

    /** Where the live fold writes its next batch. */
    public FoldTarget live() {
        ReadModelVersion version = live.get();
        if (version == null) {
            throw new IllegalStateException("the read models are not ready yet (the projector is starting)");
        }
        return new FoldTarget(version, pool(version), true);
    }

    /** Where a rebuild of {@code version} writes. */
    public FoldTarget rebuilding(ReadModelVersion version) {
        return new FoldTarget(version, pool(version), false);
    }

    /** The live fold continues in {@code current} from its next batch on. Non-blocking. */
    public void follow(ReadModelVersion current) {
        ReadModelVersion before = live.getAndSet(current);
        if (!current.equals(before)) {
            LOG.infof("The live fold follows the pointer from %s to %s", before, current);
        }
    }

    /** Closes the pool of a version whose schema was dropped. */
    public void forget(ReadModelVersion version) {
        Pool pool = pools.remove(version);
        if (pool != null) {
            pool.closeAndForget();
        }
    }

    private Pool pool(ReadModelVersion version) {
        return pools.computeIfAbsent(version, this::connect);
    }

    private Pool connect(ReadModelVersion version) {
        PgConnectOptions options = PgConnectOptions.fromUri(url).setCachePreparedStatements(true)
                .addProperty("search_path", version.schema());
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        return Pool.newInstance(PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(CONNECTIONS_PER_VERSION))
                .connectingTo(options).using(vertx).build());
    }

    @PreDestroy
    void close() {
        pools.values().forEach(Pool::closeAndForget);
    }
}
