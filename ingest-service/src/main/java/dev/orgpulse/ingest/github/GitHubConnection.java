package dev.orgpulse.ingest.github;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgpulse.ingest.config.IngestConfig;
import dev.orgpulse.ingest.signing.RsaPemKeys;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How the service reaches GitHub's API, as configured: as a GitHub App ({@code ORGPULSE_GITHUB_APP_ID} and
 * {@code ORGPULSE_GITHUB_APP_PRIVATE_KEY_FILE}) through its installation in each organisation, else with
 * {@code ORGPULSE_GITHUB_TOKEN}, else not at all (recovery and backfill are then off).
 */
@ApplicationScoped
public class GitHubConnection {

    private static final Logger LOG = Logger.getLogger(GitHubConnection.class);

    private final IngestConfig.GitHub config;
    private final RateBudget budget;
    private final GitHubApi.Settings settings;
    private final Optional<GitHubApi> asApp;
    private final Optional<GitHubApi> withToken;
    private final Map<String, GitHubApi> byOrg = new ConcurrentHashMap<>();

    public GitHubConnection(IngestConfig config, MeterRegistry registry) {
        this.config = config.github();
        this.budget = new RateBudget(registry);
        IngestConfig.GitHub.Api api = this.config.api();
        this.settings = new GitHubApi.Settings(api.requestTimeout(), api.maxAttempts(), api.initialBackoff(),
                api.rateLimitReserve());
        this.asApp = app();
        this.withToken = asApp.isPresent() ? Optional.empty()
                : this.config.token().filter(token -> !token.isBlank())
                        .map(token -> api(new TokenCredentials(token.strip())));
        if (asApp.isEmpty() && withToken.isEmpty()) {
            LOG.info("No GitHub API access configured (ORGPULSE_GITHUB_APP_ID with ORGPULSE_GITHUB_APP_PRIVATE_KEY_FILE, "
                    + "or ORGPULSE_GITHUB_TOKEN): delivery recovery, backfills and push completion are off");
        }
    }

    public boolean configured() {
        return asApp.isPresent() || withToken.isPresent();
    }

    /** @return the API as seen by an organisation (through the App's installation there), if any access is configured */
    public Optional<GitHubApi> forOrg(String org) {
        if (asApp.isPresent()) {
            return Optional.of(byOrg.computeIfAbsent(org,
                    name -> api(new InstallationTokens(asApp.get(), name, Clock.systemUTC()))));
        }
        return withToken;
    }

    /** @return the organisation of {@code ORGPULSE_GITHUB_ORG}, if configured */
    public Optional<String> org() {
        return config.org().filter(org -> !org.isBlank());
    }

    public RateBudget budget() {
        return budget;
    }

    private Optional<GitHubApi> app() {
        Optional<String> appId = config.appId().filter(id -> !id.isBlank());
        Optional<String> keyFile = config.appPrivateKeyFile().filter(file -> !file.isBlank());
        if (appId.isEmpty() || keyFile.isEmpty()) {
            if (appId.isPresent() || keyFile.isPresent()) {
                LOG.error("GitHub App half configured: ORGPULSE_GITHUB_APP_ID and ORGPULSE_GITHUB_APP_PRIVATE_KEY_FILE "
                        + "go together; the App is not used");
            }
            return Optional.empty();
        }
        PrivateKey key;
        try {
            key = RsaPemKeys.privateKey(Files.readString(Path.of(keyFile.get())));
        } catch (IOException | IllegalArgumentException e) {
            LOG.errorf("GitHub App %s not used: its private key %s cannot be read: %s", appId.get(), keyFile.get(),
                    e.getMessage());
            return Optional.empty();
        }
        LOG.infof("GitHub API at %s as GitHub App %s", config.apiUrl(), appId.get());
        return Optional.of(api(new AppJwt(appId.get(), key, Clock.systemUTC())));
    }

    private GitHubApi api(GitHubCredentials credentials) {
        return new GitHubApi(config.apiUrl(), credentials, settings, budget, Sleeper.REAL, Clock.systemUTC());
    }
}
