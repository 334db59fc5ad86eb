package dev.orgpulse.ingest.github;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.LogJson;

/**
 * Blocking calls to GitHub's REST and GraphQL APIs, for the service's own background work (recovery, backfill,
 * completing pushes), each on a thread of its own. Every call respects the rate limits: it is held back while the
 * primary budget runs low (and until its reset once it is spent), waits as told by {@code Retry-After} (secondary
 * limits), and is retried with a doubling back-off on 5xx and broken connections. An interrupted wait ends the
 * call with a {@link CancellationException}.
 */
public final class GitHubApi {

    /**
     * @param maxAttempts attempts of one call on 5xx, broken connections and secondary limits
     * @param rateLimitReserve calls of the primary budget left for others
     */
    public record Settings(Duration requestTimeout, int maxAttempts, Duration initialBackoff, long rateLimitReserve) {
    }

    public record Response(int status, java.net.http.HttpHeaders headers, byte[] body) {

        public JsonNode json() {
            try {
                return LogJson.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new GitHubApiException(status, "GitHub answered no JSON: " + e.getMessage(), e);
            }
        }
    }

    private static final Logger LOG = Logger.getLogger(GitHubApi.class);
    /** GitHub's advice for a secondary limit that names no {@code Retry-After}: wait at least a minute. */
    static final Duration SECONDARY_LIMIT_DEFAULT_WAIT = Duration.ofMinutes(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final String apiUrl;
    private final String graphQlUrl;
    private final GitHubCredentials credentials;
    private final Settings settings;
    private final RateBudget budget;
    private final Sleeper sleeper;
    private final Clock clock;
    private final HttpClient client;

    public GitHubApi(String apiUrl, GitHubCredentials credentials, Settings settings, RateBudget budget,
            Sleeper sleeper, Clock clock) {
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        this.graphQlUrl = graphQlUrl(this.apiUrl);
        this.credentials = credentials;
        this.settings = settings;
        this.budget = budget;
        this.sleeper = sleeper;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public String apiUrl() {
        return apiUrl;
    }

    public GitHubCredentials credentials() {
        return credentials;
    }

    /** @throws GitHubApiException unless GitHub answers 2xx */
    public JsonNode get(String pathOrUrl) {
        return send("GET", pathOrUrl, null).json();
    }

    /** @throws GitHubApiException unless GitHub answers 2xx */
    public JsonNode post(String path, JsonNode body) {
        return send("POST", path, LogJson.MAPPER.valueToTree(body).toString()).json();
    }

    /**
     * GitHub's GraphQL endpoint beside its REST one: {@code https://api.github.com/graphql} for
     * {@code https://api.github.com}, and {@code https://host/api/graphql} for an Enterprise Server's
     * {@code https://host/api/v3}.
     */
    static String graphQlUrl(String apiUrl) {
        String restSuffix = "/api/v3";
        return apiUrl.endsWith(restSuffix) ? apiUrl.substring(0, apiUrl.length() - restSuffix.length()) + "/api/graphql"
                : apiUrl + "/graphql";
    }

    /**
     * Runs a GraphQL query with the same limits as a REST call, and more: GraphQL answers a spent budget with 200
     * and an error of type {@code RATE_LIMITED}, which waits for the reset the headers tell (or a minute) and asks
     * again. Errors beside data (a repository not found among several) are logged and the data returned.
     *
     * @return the answer's {@code data}
     * @throws GitHubApiException when the answer carries errors and no data, or the budget stays spent
     */
    public JsonNode graphQl(String query, JsonNode variables) {
        String body = LogJson.MAPPER.createObjectNode().put("query", query).set("variables", variables).toString();
        for (int attempt = 1;; attempt++) {
            Response response = send("POST", graphQlUrl, body);
            JsonNode answer = response.json();
            JsonNode errors = answer.path("errors");
            if (isRateLimited(errors) && attempt < settings.maxAttempts()) {
                // the answer's headers told the budget (none left) and its reset: the next call waits for it
                boolean resetKnown = RateLimit.fromHeaders(response.headers()).isPresent();
                LOG.warnf("GitHub's GraphQL budget is spent; asking again %s (attempt %d of %d)",
                        resetKnown ? "after its reset" : "in " + SECONDARY_LIMIT_DEFAULT_WAIT, attempt,
                        settings.maxAttempts());
                if (!resetKnown) {
                    sleep(SECONDARY_LIMIT_DEFAULT_WAIT);
                }
                continue;
            }
            if (!errors.isArray() || errors.isEmpty()) {
                return answer.path("data");
            }
            if (!answer.path("data").isObject()) {
                throw GitHubApiException.answered("POST " + URI.create(graphQlUrl).getPath(), response.status(),
                        response.body());
            }
            LOG.warnf("GitHub's GraphQL answer carries errors beside its data: %s", errors);
            return answer.path("data");
        }
    }

    private static boolean isRateLimited(JsonNode errors) {
        for (JsonNode error : errors) {
            if ("RATE_LIMITED".equals(error.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads a list page by page (following {@code Link: rel="next"}) while {@code page} asks for more.
     *
     * @param page given each page's JSON; returns whether to read the next one
     */
    public void forEachPage(String pathOrUrl, Predicate<JsonNode> page) {
        Optional<String> next = Optional.of(pathOrUrl);
        while (next.isPresent()) {
            Response response = send("GET", next.get(), null);
            if (!page.test(response.json())) {
                return;
            }
            next = LinkHeader.next(response.headers().firstValue("Link").orElse(null));
        }
    }

    /** @throws GitHubApiException unless GitHub answers 2xx after the retries the answer allows */
    public Response send(String method, String pathOrUrl, String jsonBody) {
        URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : apiUrl + pathOrUrl);
        String call = method + " " + uri.getPath();
        int failures = 0;
        boolean renewed = false;
        boolean waitedForReset = false;
        while (true) {
            if (!waitedForReset) {
                holdBackForBudget(call);
            }
            waitedForReset = false;
            String authorization = credentials.authorization();
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                    .header("Accept", "application/vnd.github+json")
                    .header("X-GitHub-Api-Version", "2022-11-28")
                    .header("User-Agent", "orgpulse")
                    .header("Authorization", authorization)
                    .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
            if (jsonBody != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<byte[]> response;
            try {
                budget.called();
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                failures++;
                if (failures >= settings.maxAttempts()) {
                    throw new GitHubApiException(0, call + " failed " + failures + " times, last: " + e, e);
                }
                backOff(call, failures, e.toString());
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException(call + " interrupted");
            }
            Optional<RateLimit> limit = RateLimit.fromHeaders(response.headers());
            limit.ifPresent(budget::observed);
            int status = response.statusCode();
            if (status < 300) {
                return new Response(status, response.headers(), response.body());
            }
            if (status == 401 && !renewed) {
                // an installation token revoked or expired early: one more try with a fresh one
                renewed = true;
                credentials.refused(authorization);
                continue;
            }
            if (status == 403 || status == 429) {
                Optional<Duration> retryAfter = retryAfter(response);
                if (retryAfter.isPresent() || isSecondaryLimit(response)) {
                    failures++;
                    if (failures >= settings.maxAttempts()) {
                        throw GitHubApiException.answered(call, status, response.body());
                    }
                    Duration wait = retryAfter.orElse(SECONDARY_LIMIT_DEFAULT_WAIT);
                    LOG.warnf("%s hit GitHub's secondary rate limit (%d); waiting %s as told", call, status, wait);
                    sleep(wait);
                    continue;
                }
                if (limit.map(RateLimit::exhausted).orElse(false)) {
                    Duration wait = limit.get().pause(clock.instant(), 0);
                    LOG.warnf("%s: GitHub's API budget is spent; waiting %s for its reset at %s", call, wait,
                            limit.get().reset());
                    sleep(wait);
                    waitedForReset = true;
                    continue;
                }
            }
            if (status >= 500 && ++failures < settings.maxAttempts()) {
                backOff(call, failures, "answered " + status);
                continue;
            }
            throw GitHubApiException.answered(call, status, response.body());
        }
    }

    private void holdBackForBudget(String call) {
        RateLimit limit = budget.last();
        if (limit == null) {
            return;
        }
        Duration pause = limit.pause(clock.instant(), settings.rateLimitReserve());
        if (pause.isZero()) {
            return;
        }
        if (limit.remaining() <= settings.rateLimitReserve()) {
            LOG.warnf("GitHub API budget down to %d calls (reserve %d): %s waits %s for the reset at %s",
                    limit.remaining(), settings.rateLimitReserve(), call, pause, limit.reset());
        } else {
            LOG.debugf("GitHub API budget low (%d of %d): %s slowed by %s", limit.remaining(), limit.limit(), call,
                    pause);
        }
        sleep(pause);
    }

    private void backOff(String call, int failures, String why) {
        Duration wait = settings.initialBackoff().multipliedBy(1L << Math.min(failures - 1, 16));
        if (wait.compareTo(MAX_BACKOFF) > 0) {
            wait = MAX_BACKOFF;
        }
        LOG.warnf("%s %s (attempt %d of %d); retrying in %s", call, why, failures, settings.maxAttempts(), wait);
        sleep(wait);
    }

    private void sleep(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for GitHub");
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<byte[]> response) {
        try {
            return response.headers().firstValue("Retry-After").map(String::strip).map(Long::parseLong)
                    .map(Duration::ofSeconds);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isSecondaryLimit(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8).toLowerCase().contains("secondary rate limit");
    }
}
