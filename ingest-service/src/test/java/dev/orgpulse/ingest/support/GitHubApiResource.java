package dev.orgpulse.ingest.support;

import java.util.HashMap;
import java.util.Map;

import dev.orgpulse.testing.github.GitHubStandIn;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector.AnnotatedAndMatchesType;

/**
 * Stands in for GitHub's API ({@link GitHubStandIn}, injected with {@link InjectGitHub}): the service calls it with a
 * token for its organisation, recovery runs once an hour only (tests run it through the admin endpoint) and waits
 * are short.
 */
public class GitHubApiResource implements QuarkusTestResourceLifecycleManager {

    private GitHubStandIn github;

    @Override
    public Map<String, String> start() {
        github = GitHubStandIn.start();
        Map<String, String> config = new HashMap<>(github.tokenConfig());
        config.put("orgpulse.github.recovery-every", "1H");
        config.put("orgpulse.github.api.initial-backoff", "PT0.05S");
        return config;
    }

    @Override
    public void stop() {
        if (github != null) {
            github.close();
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(github, new AnnotatedAndMatchesType(InjectGitHub.class, GitHubStandIn.class));
    }
}
