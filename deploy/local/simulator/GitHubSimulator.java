import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts realistic, signed GitHub organisation webhook deliveries to an OrgPulse ingest endpoint:
 * pushes with several commits, pull requests opened, then merged (followed by the push of their
 * merge commit, as on GitHub) or closed, for a handful of repositories and people, at a chosen
 * rate. Payloads are shaped like GitHub's (the fixtures under shared/fixtures/github-webhooks),
 * signed with {@code X-Hub-Signature-256} over the exact body bytes.
 *
 * <p>Dependency-free; run it with the JDK's source launcher:
 * <pre>
 * java deploy/local/simulator/GitHubSimulator.java [--url URL] [--secret SECRET] [--rate 2/s]
 *      [--repos 5] [--people 8] [--org NAME] [--count N] [--duration SECONDS] [--state FILE] [--seed N]
 * </pre>
 * The secret defaults to the first of {@code ORGPULSE_GITHUB_WEBHOOK_SECRETS}. {@code --state} keeps
 * pull-request numbers, open pull requests and branch heads between runs, so that a second run
 * against the same log continues the story instead of reusing numbers. Only the given URL is
 * contacted. A 429/502/503/504 or a connection failure is retried with exponential backoff (GitHub
 * itself does not retry, but a simulator should not pile up lost deliveries nor hammer a service
 * that is catching up). Stops on Ctrl-C or TERM, after {@code --count} deliveries, or after
 * {@code --duration} seconds; exits 1 when any delivery ended without a 2xx.
 */
public final class GitHubSimulator {

    private static final String USAGE = "usage: java GitHubSimulator.java [--url URL] [--secret SECRET] [--rate N/s|N/m]"
            + " [--repos N] [--people N] [--org NAME] [--count N] [--duration SECONDS] [--state FILE] [--seed N]";
    private static final int MAX_ATTEMPTS = 6;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("simulator: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        // pull requests stay open for a while (twenty deliveries' time) before they are merged or closed
        Duration reviewTime = Duration.ofMillis((long) (20_000 / options.perSecond()));
        Organisation organisation = new Organisation(options.org(), options.repos(), options.people(), reviewTime,
                options.seed() == null ? new Random() : new Random(options.seed()));
        if (options.state() != null) {
            organisation.load(options.state());
        }
        Sender sender = new Sender(options.url(), options.secret(), organisation.id());
        Thread main = Thread.currentThread();
        AtomicBoolean finished = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (finished.get()) {
                return;
            }
            // Ctrl-C or TERM: let the main thread stop between deliveries and print its summary
            sender.stop();
            main.interrupt();
            try {
                main.join(10_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }));
        System.out.printf("simulator: posting to %s at %s, %d repositories of %s, %d people%s%s%n", options.url(),
                options.rateText(), options.repos(), options.org(), options.people(),
                options.count() > 0 ? ", " + options.count() + " deliveries" : "",
                options.duration() != null ? ", for " + options.duration().toSeconds() + " s" : "");
        Summary summary = run(options, organisation, sender);
        System.out.println("simulator: " + summary);
        finished.set(true);
        if (!sender.stopping()) {
            // on Ctrl-C or TERM the JVM is already on its way out, with the signal's exit status
            System.exit(summary.failed() > 0 ? 1 : 0);
        }
    }

    private static Summary run(Options options, Organisation organisation, Sender sender) {
        Summary summary = new Summary();
        long intervalNanos = (long) (1_000_000_000L / options.perSecond());
        long started = System.nanoTime();
        long due = started;
        try {
            while (options.count() <= 0 || summary.sent() < options.count()) {
                long now = System.nanoTime();
                if (options.duration() != null && now - started >= options.duration().toNanos()) {
                    break;
                }
                if (due > now) {
                    Thread.sleep((due - now) / 1_000_000, (int) ((due - now) % 1_000_000));
                }
                Delivery delivery = organisation.next();
                if (options.state() != null) {
                    organisation.save(options.state());
                }
                summary.add(sender.send(delivery));
                // a slow receiver lowers the rate instead of causing a burst afterwards
                due = Math.max(due + intervalNanos, System.nanoTime());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return summary;
    }

    /** The command line, validated. */
    record Options(URI url, String secret, double perSecond, String rateText, int repos, int people, String org,
            long count, Duration duration, Path state, Long seed) {

        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("unexpected argument " + args[i]);
                }
                given.put(args[i].substring(2), args[++i]);
            }
            URI url = URI.create(given.getOrDefault("url", "http://127.0.0.1:8081/webhooks/github"));
            given.remove("url");
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException("--url must be an http(s) URL: " + url);
            }
            String rate = given.getOrDefault("rate", "1/s");
            given.remove("rate");
            double perSecond = parseRate(rate);
            int repos = positive("repos", given.remove("repos"), 5);
            int people = positive("people", given.remove("people"), 8);
            String org = given.getOrDefault("org", "acme-labs");
            given.remove("org");
            long count = positive("count", given.remove("count"), 0);
            String durationText = given.remove("duration");
            Duration duration = durationText == null ? null : Duration.ofSeconds(positive("duration", durationText, 0));
            String stateText = given.remove("state");
            String seedText = given.remove("seed");
            String secret = given.remove("secret");
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown option(s) " + given.keySet());
            }
            if (secret == null) {
                String secrets = System.getenv().getOrDefault("ORGPULSE_GITHUB_WEBHOOK_SECRETS", "");
                secret = secrets.split(",", -1)[0].trim();
            }
            if (secret.isEmpty()) {
                throw new IllegalArgumentException("no secret: pass --secret or set ORGPULSE_GITHUB_WEBHOOK_SECRETS");
            }
            return new Options(url, secret, perSecond, rate, repos, people, org, count, duration,
                    stateText == null ? null : Path.of(stateText), seedText == null ? null : Long.valueOf(seedText));
        }

        private static double parseRate(String rate) {
            try {
                String[] parts = rate.split("/", 2);
                double amount = Double.parseDouble(parts[0]);
                double seconds = parts.length == 1 || parts[1].equals("s") ? 1 : parts[1].equals("m") ? 60 : Double.NaN;
                if (!(amount > 0) || Double.isNaN(seconds)) {
                    throw new NumberFormatException();
                }
                return amount / seconds;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--rate must look like 2/s, 30/m or 0.5: " + rate);
            }
        }

        private static int positive(String name, String value, int fallback) {
            if (value == null) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(value);
                if (parsed > 0) {
                    return parsed;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException("--" + name + " must be a positive whole number: " + value);
        }
    }

    /** One webhook delivery, ready to sign and send. */
    record Delivery(String event, String description, byte[] body) {
    }

    /** Signs deliveries and posts them, retrying what a busy or restarting receiver refuses. */
    static final class Sender {

        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final URI url;
        private final SecretKeySpec sha256Key;
        private final SecretKeySpec sha1Key;
        private final long organisationId;
        private final String hookId = String.valueOf(400_000_000 + new Random().nextInt(99_999_999));
        private final String userAgent = "GitHub-Hookshot/" + HexFormat.of().toHexDigits(new Random().nextInt()).substring(1);
        private volatile boolean stopping;

        Sender(URI url, String secret, long organisationId) {
            this.url = url;
            this.sha256Key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            this.sha1Key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
            this.organisationId = organisationId;
        }

        void stop() {
            stopping = true;
        }

        boolean stopping() {
            return stopping;
        }

        /** Returns the final status code, or 0 when no answer came. */
        int send(Delivery delivery) throws InterruptedException {
            String deliveryId = UUID.randomUUID().toString();
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .header("Accept", "*/*")
                    .header("User-Agent", userAgent)
                    .header("X-GitHub-Event", delivery.event())
                    .header("X-GitHub-Delivery", deliveryId)
                    .header("X-GitHub-Hook-ID", hookId)
                    .header("X-GitHub-Hook-Installation-Target-Type", "organization")
                    .header("X-GitHub-Hook-Installation-Target-ID", String.valueOf(organisationId))
                    .header("X-Hub-Signature", "sha1=" + hmac(sha1Key, delivery.body()))
                    .header("X-Hub-Signature-256", "sha256=" + hmac(sha256Key, delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()))
                    .build();
            Duration backoff = Duration.ofSeconds(1);
            for (int attempt = 1; ; attempt++) {
                long started = System.nanoTime();
                String outcome;
                int status = 0;
                Duration retryAfter = null;
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    status = response.statusCode();
                    outcome = String.valueOf(status);
                    if (status >= 300 && !response.body().isBlank()) {
                        outcome += " " + abbreviate(response.body());
                    }
                    retryAfter = response.headers().firstValue("Retry-After").flatMap(Sender::seconds).orElse(null);
                } catch (IOException e) {
                    outcome = "no answer (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
                }
                long millis = (System.nanoTime() - started) / 1_000_000;
                boolean retry = (status == 0 || status == 429 || status == 502 || status == 503 || status == 504)
                        && attempt < MAX_ATTEMPTS && !stopping;
                Duration wait = retryAfter != null ? retryAfter : backoff;
                System.out.printf("%s %-12s %s -> %s (%d ms) delivery %s%s%n",
                        DateTimeFormatter.ISO_LOCAL_TIME.format(OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS)),
                        delivery.event(), delivery.description(), outcome, millis, deliveryId,
                        retry ? ", retrying in " + wait.toSeconds() + " s" : "");
                if (!retry) {
                    return status;
                }
                Thread.sleep(wait.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }

        private static java.util.Optional<Duration> seconds(String value) {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Math.min(Long.parseLong(value.trim()), 60)));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        }

        private static String abbreviate(String body) {
            String line = body.replaceAll("\\s+", " ").trim();
            return line.length() > 160 ? line.substring(0, 160) + "..." : line;
        }

        private static String hmac(SecretKeySpec key, byte[] body) {
            try {
                Mac mac = Mac.getInstance(key.getAlgorithm());
                mac.init(key);
                return HexFormat.of().formatHex(mac.doFinal(body));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(key.getAlgorithm() + " is part of every JDK", e);
            }
        }
    }

    /** Counts final status codes. */
    static final class Summary {
        private final Map<String, Integer> byStatus = new TreeMap<>();
        private int sent;
        private int failed;

        void add(int status) {
            sent++;
            if (status < 200 || status > 299) {
                failed++;
            }
            byStatus.merge(status == 0 ? "no answer" : String.valueOf(status), 1, Integer::sum);
        }

        int sent() {
            return sent;
        }

        int failed() {
            return failed;
        }

        @Override
        public String toString() {
            return sent + " deliveries sent" + (byStatus.isEmpty() ? "" : ": " + byStatus.entrySet().stream()
                    .map(entry -> entry.getValue() + " x " + entry.getKey()).collect(Collectors.joining(", ")));
        }
    }

    record Person(String login, String name, String email, long id, ZoneOffset zone, boolean bot) {
    }

    record Repo(String name, String language, long id, List<String> files) {
    }

    record PullRequest(String repo, int number, String author, String title, String branch, String headSha,
            Instant createdAt, boolean draft, int commits, int additions, int deletions, int changedFiles) {

        String encode() {
            return String.join("\t", author, branch, headSha, createdAt.toString(), String.valueOf(draft),
                    String.valueOf(commits), String.valueOf(additions), String.valueOf(deletions),
                    String.valueOf(changedFiles), title);
        }

        static PullRequest decode(String repo, int number, String line) {
            String[] f = line.split("\t", 10);
            return new PullRequest(repo, number, f[0], f[9], f[1], f[2], Instant.parse(f[3]), Boolean.parseBoolean(f[4]),
                    Integer.parseInt(f[5]), Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]));
        }
    }

    /**
     * The simulated organisation: its repositories, people, branch heads, pull requests, and the
     * deliveries their work causes.
     */
    static final class Organisation {

        private static final String[][] PEOPLE = {
                {"alice-nguyen", "Alice Nguyen", "+07:00"}, {"bkowalski", "Bartek Kowalski", "+01:00"},
                {"chen-wei", "Chen Wei", "+08:00"}, {"dpatel", "Divya Patel", "+05:30"},
                {"emma-schmidt", "Emma Schmidt", "+01:00"}, {"fjohansson", "Fredrik Johansson", "+01:00"},
                {"gabriela-costa", "Gabriela Costa", "-03:00"}, {"hiro-tanaka", "Hiroshi Tanaka", "+09:00"},
                {"ines-moreau", "Inès Moreau", "+01:00"}, {"jokafor", "James Okafor", "Z"},
                {"kasia-lis", "Katarzyna Lis", "+01:00"}, {"liam-obrien", "Liam O'Brien", "-05:00"}};
        private static final String[][] REPOS = {
                {"api-gateway", "Go"}, {"billing-service", "Java"}, {"web-dashboard", "TypeScript"},
                {"data-pipeline", "Python"}, {"mobile-app", "Kotlin"}, {"auth-service", "Java"},
                {"search-indexer", "Rust"}, {"infra", "HCL"}, {"notifications", "TypeScript"}, {"docs", "MDX"}};
        private static final Map<String, List<String>> FILES = Map.of(
                "Go", List.of("cmd/server/main.go", "internal/%s/handler.go", "internal/%s/handler_test.go",
                        "internal/%s/store.go", "go.mod", "go.sum"),
                "Java", List.of("pom.xml", "src/main/java/com/acme/%s/Service.java",
                        "src/main/java/com/acme/%s/Resource.java", "src/test/java/com/acme/%s/ServiceTest.java",
                        "src/main/resources/application.properties"),
                "TypeScript", List.of("package.json", "src/%s/index.ts", "src/%s/api.ts", "src/components/Header.tsx",
                        "src/%s/api.test.ts"),
                "Python", List.of("pyproject.toml", "%s/jobs.py", "%s/transform.py", "tests/test_transform.py",
                        "dags/daily.py"),
                "Kotlin", List.of("app/build.gradle.kts", "app/src/main/kotlin/com/acme/%s/MainActivity.kt",
                        "app/src/main/kotlin/com/acme/%s/Repository.kt", "app/src/test/kotlin/RepositoryTest.kt"),
                "Rust", List.of("Cargo.toml", "src/main.rs", "src/%s/index.rs", "src/%s/query.rs", "tests/index.rs"),
                "HCL", List.of("modules/%s/main.tf", "modules/%s/variables.tf", "envs/prod/main.tf", "envs/staging/main.tf"),
                "MDX", List.of("docs/getting-started.mdx", "docs/%s/overview.mdx", "docs/api/webhooks.mdx",
                        "docusaurus.config.js"));
        private static final String[][] CHANGES = {
                {"feat", "add pagination to the %s list"}, {"feat", "support retries for %s requests"},
                {"feat", "expose %s metrics"}, {"feat", "add dark mode toggle"}, {"feat", "cache %s lookups"},
                {"fix", "handle an empty %s payload"}, {"fix", "avoid a race in the %s cache"},
                {"fix", "use UTC when grouping %s by day"}, {"fix", "close the %s connection on timeout"},
                {"refactor", "split %s into smaller functions"}, {"perf", "batch %s writes"},
                {"test", "cover %s edge cases"}, {"docs", "explain %s configuration"},
                {"chore", "update the CI workflow"}, {"chore", "bump dependencies"}};
        /** Per language: Dependabot's ecosystem, a dependency, the version bumped from and to. */
        private static final Map<String, List<String>> BUMPS = Map.of(
                "Go", List.of("go_modules", "golang.org/x/net", "0.25.0", "0.26.0"),
                "Java", List.of("maven", "com.fasterxml.jackson.core:jackson-databind", "2.17.1", "2.17.2"),
                "TypeScript", List.of("npm_and_yarn", "eslint", "9.4.0", "9.5.0"),
                "Python", List.of("pip", "requests", "2.31.0", "2.32.3"),
                "Kotlin", List.of("gradle", "com.squareup.okhttp3:okhttp", "4.11.0", "4.12.0"),
                "Rust", List.of("cargo", "tokio", "1.38.0", "1.38.1"),
                "HCL", List.of("terraform", "hashicorp/aws", "5.50.0", "5.54.1"),
                "MDX", List.of("npm_and_yarn", "@docusaurus/core", "3.4.0", "3.5.2"));
        private static final Person DEPENDABOT = new Person("dependabot[bot]", "dependabot[bot]",
                "49699333+dependabot[bot]@users.noreply.github.com", 49_699_333, ZoneOffset.UTC, true);
        private static final String ZERO_SHA = "0".repeat(40);

        private final String org;
        private final long id;
        private final Duration reviewTime;
        private final Random random;
        private final List<Repo> repos = new ArrayList<>();
        private final List<Person> people = new ArrayList<>();
        private final Map<String, Integer> nextNumber = new TreeMap<>();
        private final Map<String, String> mainHead = new TreeMap<>();
        private final List<PullRequest> open = new ArrayList<>();
        private final Deque<Delivery> followUps = new ArrayDeque<>();

        Organisation(String org, int repoCount, int peopleCount, Duration reviewTime, Random random) {
            this.org = org;
            this.id = stableId("org:" + org, 30_000_000);
            this.reviewTime = reviewTime;
            this.random = random;
            for (int i = 0; i < repoCount; i++) {
                String name = i < REPOS.length ? REPOS[i][0] : "service-" + (i + 1);
                String language = i < REPOS.length ? REPOS[i][1] : "Go";
                String word = name.split("-")[0];
                repos.add(new Repo(name, language, stableId("repo:" + org + "/" + name, 200_000_000),
                        FILES.get(language).stream().map(path -> String.format(path, word)).toList()));
            }
            for (int i = 0; i < peopleCount; i++) {
                String login = i < PEOPLE.length ? PEOPLE[i][0] : "dev-" + (i + 1);
                String name = i < PEOPLE.length ? PEOPLE[i][1] : "Developer " + (i + 1);
                ZoneOffset zone = ZoneOffset.of(i < PEOPLE.length ? PEOPLE[i][2] : "Z");
                long userId = stableId("user:" + login, 10_000_000);
                // some commit with their work address, some with GitHub's private one
                String email = i % 3 == 0 ? userId + "+" + login + "@users.noreply.github.com"
                        : login.replace('-', '.') + "@" + org + ".example";
                people.add(new Person(login, name, email, userId, zone, false));
            }
        }

        long id() {
            return id;
        }

        Delivery next() {
            if (!followUps.isEmpty()) {
                return followUps.poll();
            }
            double roll = random.nextDouble();
            Instant reviewed = Instant.now().minus(reviewTime);
            List<PullRequest> ready = open.stream().filter(pr -> pr.createdAt().isBefore(reviewed)).toList();
            boolean crowded = open.size() > 3 * repos.size();
            if (!ready.isEmpty() && (roll >= 0.8 || crowded)) {
                return close(pick(ready));
            }
            return roll < 0.55 ? push(pick(repos), pick(people)) : openPullRequest(pick(repos));
        }

        private Delivery push(Repo repo, Person pusher) {
            boolean toMain = random.nextDouble() < 0.7;
            String branch = toMain ? "main" : pusher.login() + "/" + slug(change(repo)[1]);
            String before = toMain ? mainHead.computeIfAbsent(repo.name(), name -> sha()) : ZERO_SHA;
            int count = 1 + (int) Math.floor(Math.pow(random.nextDouble(), 2) * 4);
            Instant time = Instant.now().minusSeconds(random.nextInt(90));
            List<Object> commits = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String[] change = change(repo);
                String message = change[0] + ": " + change[1]
                        + (random.nextDouble() < 0.3 ? "\n\nRefs #" + (1 + random.nextInt(400)) : "");
                Instant at = time.minus((long) (count - 1 - i) * (3 + random.nextInt(37)), ChronoUnit.MINUTES);
                commits.add(commit(repo, sha(), message, at, pusher, identity(pusher)));
            }
            return pushDelivery(repo, branch, before, commits, pusher);
        }

        private Delivery pushDelivery(Repo repo, String branch, String before, List<Object> commits, Person pusher) {
            @SuppressWarnings("unchecked")
            Map<String, Object> head = (Map<String, Object>) commits.get(commits.size() - 1);
            String after = (String) head.get("id");
            if (branch.equals("main")) {
                mainHead.put(repo.name(), after);
            }
            boolean created = before.equals(ZERO_SHA);
            Map<String, Object> payload = object(
                    "ref", "refs/heads/" + branch,
                    "before", before,
                    "after", after,
                    "repository", repository(repo, true),
                    "pusher", object("name", pusher.login(), "email", pusher.email()),
                    "organization", organization(),
                    "sender", user(pusher),
                    "created", created,
                    "deleted", false,
                    "forced", false,
                    "base_ref", null,
                    "compare", created ? html(repo) + "/commit/" + after
                            : html(repo) + "/compare/" + before.substring(0, 12) + "..." + after.substring(0, 12),
                    "commits", commits,
                    "head_commit", head);
            String description = String.format("%s %s: %d commit(s) by %s", fullName(repo), branch, commits.size(),
                    pusher.login());
            return new Delivery("push", description, Json.bytes(payload));
        }

        private Delivery openPullRequest(Repo repo) {
            // Dependabot keeps one bump open per repository
            boolean bot = random.nextDouble() < 0.1 && open.stream()
                    .noneMatch(pr -> pr.repo().equals(repo.name()) && pr.author().equals(DEPENDABOT.login()));
            Person author = bot ? DEPENDABOT : pick(people);
            String title;
            String branch;
            if (bot) {
                List<String> bump = BUMPS.get(repo.language());
                title = "build(deps): bump " + bump.get(1) + " from " + bump.get(2) + " to " + bump.get(3);
                branch = "dependabot/" + bump.get(0) + "/" + bump.get(1).replace(':', '-') + "-" + bump.get(3);
            } else {
                String[] change = change(repo);
                title = change[0] + ": " + change[1];
                branch = author.login() + "/" + slug(change[1]);
            }
            int number = nextNumber.merge(repo.name(), 1, Integer::sum);
            int commits = 1 + random.nextInt(bot ? 1 : 6);
            PullRequest pr = new PullRequest(repo.name(), number, author.login(), title, branch, sha(),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS), !bot && random.nextDouble() < 0.1, commits,
                    bot ? 2 : 5 + random.nextInt(400), bot ? 2 : random.nextInt(150), bot ? 1 : 1 + random.nextInt(12));
            open.add(pr);
            Map<String, Object> payload = pullRequestPayload("opened", repo, pr, author, null, null);
            return new Delivery("pull_request", describe(repo, pr, "opened", author), Json.bytes(payload));
        }

        private Delivery close(PullRequest pr) {
            open.remove(pr);
            Repo repo = repos.stream().filter(candidate -> candidate.name().equals(pr.repo())).findFirst().orElseThrow();
            Person author = person(pr.author());
            boolean merged = !pr.draft() && random.nextDouble() < 0.85;
            Person closer = merged || random.nextBoolean() ? reviewerOf(author) : author;
            Instant closedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String mergeSha = sha();
            Map<String, Object> payload = pullRequestPayload("closed", repo, pr, closer, closedAt,
                    merged ? mergeSha : null);
            if (merged) {
                String message = "Merge pull request #" + pr.number() + " from " + org + "/" + pr.branch() + "\n\n" + pr.title();
                Map<String, Object> mergeCommit = commit(repo, mergeSha, message, closedAt, closer,
                        object("name", "GitHub", "email", "noreply@github.com", "username", "web-flow"));
                followUps.add(pushDelivery(repo, "main", mainHead.computeIfAbsent(repo.name(), name -> sha()),
                        List.of(mergeCommit), closer));
            }
            return new Delivery("pull_request", describe(repo, pr, merged ? "merged" : "closed", closer),
                    Json.bytes(payload));
        }

        private String describe(Repo repo, PullRequest pr, String action, Person actor) {
            return String.format("%s#%d %s by %s: \"%s\"", fullName(repo), pr.number(), action, actor.login(), pr.title());
        }

        private Map<String, Object> pullRequestPayload(String action, Repo repo, PullRequest pr, Person sender,
                Instant closedAt, String mergeSha) {
            Person author = person(pr.author());
            boolean merged = mergeSha != null;
            String api = "https://api.github.com/repos/" + fullName(repo);
            String html = html(repo);
            long prId = stableId("pr:" + fullName(repo) + "#" + pr.number(), 1_000_000_000);
            String base = mainHead.computeIfAbsent(repo.name(), name -> sha());
            List<Object> labels = author.bot() ? List.of(label(repo, "dependencies", "0366d6"))
                    : pr.title().startsWith("fix") ? List.of(label(repo, "bug", "d73a4a")) : List.of();
            Map<String, Object> pull = object(
                    "url", api + "/pulls/" + pr.number(),
                    "id", prId,
                    "node_id", nodeId("011:PullRequest", prId),
                    "html_url", html + "/pull/" + pr.number(),
                    "diff_url", html + "/pull/" + pr.number() + ".diff",
                    "patch_url", html + "/pull/" + pr.number() + ".patch",
                    "issue_url", api + "/issues/" + pr.number(),
                    "number", pr.number(),
                    "state", closedAt == null ? "open" : "closed",
                    "locked", false,
                    "title", pr.title(),
                    "user", user(author),
                    "body", author.bot() ? "Bumps the dependency to a newer version.\n\nDependabot will resolve any"
                            + " conflicts with this PR as long as you don't alter it yourself."
                            : "This changes " + pr.title().replaceFirst("^[a-z]+: ", "") + ".\n\n- [x] tests added",
                    "created_at", pr.createdAt().toString(),
                    "updated_at", (closedAt == null ? pr.createdAt() : closedAt).toString(),
                    "closed_at", closedAt == null ? null : closedAt.toString(),
                    "merged_at", merged ? closedAt.toString() : null,
                    "merge_commit_sha", closedAt == null ? null : mergeSha == null ? sha() : mergeSha,
                    "assignee", null,
                    "assignees", List.of(),
                    "requested_reviewers", closedAt == null ? List.of(user(reviewerOf(author))) : List.of(),
                    "requested_teams", List.of(),
                    "labels", labels,
                    "milestone", null,
                    "draft", pr.draft(),
                    "commits_url", api + "/pulls/" + pr.number() + "/commits",
                    "review_comments_url", api + "/pulls/" + pr.number() + "/comments",
                    "review_comment_url", api + "/pulls/comments{/number}",
                    "comments_url", api + "/issues/" + pr.number() + "/comments",
                    "statuses_url", api + "/statuses/" + pr.headSha(),
                    "head", object("label", org + ":" + pr.branch(), "ref", pr.branch(), "sha", pr.headSha(),
                            "user", user(author), "repo", repository(repo, false)),
                    "base", object("label", org + ":main", "ref", "main", "sha", base,
                            "user", organisationAsUser(), "repo", repository(repo, false)),
                    "_links", object(
                            "self", object("href", api + "/pulls/" + pr.number()),
                            "html", object("href", html + "/pull/" + pr.number()),
                            "issue", object("href", api + "/issues/" + pr.number()),
                            "comments", object("href", api + "/issues/" + pr.number() + "/comments"),
                            "review_comments", object("href", api + "/pulls/" + pr.number() + "/comments"),
                            "review_comment", object("href", api + "/pulls/comments{/number}"),
                            "commits", object("href", api + "/pulls/" + pr.number() + "/commits"),
                            "statuses", object("href", api + "/statuses/" + pr.headSha())),
                    "author_association", author.bot() ? "CONTRIBUTOR" : "MEMBER",
                    "auto_merge", null,
                    "active_lock_reason", null,
                    "merged", merged,
                    "mergeable", closedAt == null ? null : merged ? null : Boolean.TRUE,
                    "rebaseable", closedAt == null ? null : Boolean.FALSE,
                    "mergeable_state", closedAt == null ? "unknown" : merged ? "unknown" : "clean",
                    "merged_by", merged ? user(sender) : null,
                    "comments", closedAt == null ? 0 : random.nextInt(6),
                    "review_comments", closedAt == null ? 0 : random.nextInt(9),
                    "maintainer_can_modify", false,
                    "commits", pr.commits(),
                    "additions", pr.additions(),
                    "deletions", pr.deletions(),
                    "changed_files", pr.changedFiles());
            return object(
                    "action", action,
                    "number", pr.number(),
                    "pull_request", pull,
                    "repository", repository(repo, false),
                    "organization", organization(),
                    "sender", user(sender));
        }

        private Map<String, Object> commit(Repo repo, String sha, String message, Instant at, Person author,
                Map<String, Object> committer) {
            List<String> touched = new ArrayList<>(repo.files());
            java.util.Collections.shuffle(touched, random);
            int changed = 1 + random.nextInt(Math.min(3, touched.size()));
            boolean adds = random.nextDouble() < 0.2;
            return object(
                    "id", sha,
                    "tree_id", sha(),
                    "distinct", true,
                    "message", message,
                    "timestamp", OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.SECONDS), author.zone())
                            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    "url", html(repo) + "/commit/" + sha,
                    "author", identity(author),
                    "committer", committer,
                    "added", adds ? List.copyOf(touched.subList(0, 1)) : List.of(),
                    "removed", List.of(),
                    "modified", List.copyOf(touched.subList(adds ? 1 : 0, Math.max(changed, adds ? 1 : 0))));
        }

        private Map<String, Object> repository(Repo repo, boolean pushStyle) {
            String api = "https://api.github.com/repos/" + fullName(repo);
            Instant created = Instant.parse("2021-03-01T09:00:00Z").plus(repo.id() % 900, ChronoUnit.DAYS);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Map<String, Object> owner = organisationAsUser();
            if (pushStyle) {
                // push payloads carry the owner's name and email and epoch-second timestamps
                owner = object("name", org, "email", null);
                owner.putAll(organisationAsUser());
            }
            Map<String, Object> repository = object(
                    "id", repo.id(),
                    "node_id", nodeId("010:Repository", repo.id()),
                    "name", repo.name(),
                    "full_name", fullName(repo),
                    "private", true,
                    "owner", owner,
                    "html_url", html(repo),
                    "description", null,
                    "fork", false,
                    "url", pushStyle ? html(repo) : api,
                    "pulls_url", api + "/pulls{/number}",
                    "commits_url", api + "/commits{/sha}",
                    "created_at", pushStyle ? (Object) created.getEpochSecond() : created.toString(),
                    "updated_at", now.minus(1, ChronoUnit.DAYS).toString(),
                    "pushed_at", pushStyle ? (Object) now.getEpochSecond() : now.toString(),
                    "git_url", "git://github.com/" + fullName(repo) + ".git",
                    "ssh_url", "git@github.com:" + fullName(repo) + ".git",
                    "clone_url", html(repo) + ".git",
                    "homepage", null,
                    "size", 1_000 + repo.id() % 50_000,
                    "stargazers_count", repo.id() % 40,
                    "watchers_count", repo.id() % 40,
                    "language", repo.language(),
                    "has_issues", true,
                    "has_projects", false,
                    "has_wiki", false,
                    "forks_count", 0,
                    "archived", false,
                    "disabled", false,
                    "open_issues_count", open.stream().filter(pr -> pr.repo().equals(repo.name())).count(),
                    "license", null,
                    "allow_forking", false,
                    "is_template", false,
                    "topics", List.of(),
                    "visibility", "private",
                    "default_branch", "main");
            if (pushStyle) {
                repository.put("stargazers", repo.id() % 40);
                repository.put("master_branch", "main");
                repository.put("organization", org);
            }
            return repository;
        }

        private Map<String, Object> user(Person person) {
            String api = "https://api.github.com/users/" + person.login();
            return object(
                    "login", person.login(),
                    "id", person.id(),
                    "node_id", nodeId(person.bot() ? "03:Bot" : "04:User", person.id()),
                    "avatar_url", "https://avatars.githubusercontent.com/" + (person.bot() ? "in/29110" : "u/" + person.id())
                            + "?v=4",
                    "gravatar_id", "",
                    "url", api,
                    "html_url", person.bot() ? "https://github.com/apps/dependabot" : "https://github.com/" + person.login(),
                    "followers_url", api + "/followers",
                    "repos_url", api + "/repos",
                    "events_url", api + "/events{/privacy}",
                    "type", person.bot() ? "Bot" : "User",
                    "user_view_type", "public",
                    "site_admin", false);
        }

        private Map<String, Object> organisationAsUser() {
            String api = "https://api.github.com/users/" + org;
            return object(
                    "login", org,
                    "id", id,
                    "node_id", nodeId("012:Organization", id),
                    "avatar_url", "https://avatars.githubusercontent.com/u/" + id + "?v=4",
                    "gravatar_id", "",
                    "url", api,
                    "html_url", "https://github.com/" + org,
                    "repos_url", api + "/repos",
                    "type", "Organization",
                    "user_view_type", "public",
                    "site_admin", false);
        }

        private Map<String, Object> organization() {
            String api = "https://api.github.com/orgs/" + org;
            return object(
                    "login", org,
                    "id", id,
                    "node_id", nodeId("012:Organization", id),
                    "url", api,
                    "repos_url", api + "/repos",
                    "events_url", api + "/events",
                    "hooks_url", api + "/hooks",
                    "issues_url", api + "/issues",
                    "members_url", api + "/members{/member}",
                    "public_members_url", api + "/public_members{/member}",
                    "avatar_url", "https://avatars.githubusercontent.com/u/" + id + "?v=4",
                    "description", "");
        }

        private static Map<String, Object> identity(Person person) {
            return object("name", person.name(), "email", person.email(), "username", person.login());
        }

        private Map<String, Object> label(Repo repo, String name, String color) {
            long labelId = stableId("label:" + fullName(repo) + ":" + name, 1_000_000_000);
            return object("id", labelId, "node_id", nodeId("05:Label", labelId),
                    "url", "https://api.github.com/repos/" + fullName(repo) + "/labels/" + name,
                    "name", name, "color", color, "default", name.equals("bug"), "description", null);
        }

        private Person person(String login) {
            return login.equals(DEPENDABOT.login()) ? DEPENDABOT
                    : people.stream().filter(person -> person.login().equals(login)).findFirst()
                            // someone of an earlier run with more people: keep the story going with them
                            .orElseGet(() -> new Person(login, login, login + "@" + org + ".example",
                                    stableId("user:" + login, 10_000_000), ZoneOffset.UTC, false));
        }

        private Person reviewerOf(Person author) {
            if (people.size() == 1) {
                return people.get(0);
            }
            Person reviewer;
            do {
                reviewer = pick(people);
            } while (reviewer.login().equals(author.login()));
            return reviewer;
        }

        private String[] change(Repo repo) {
            String[] change = CHANGES[random.nextInt(CHANGES.length)];
            String subject = repo.name().split("-")[0];
            return new String[] {change[0], String.format(change[1], subject)};
        }

        private String fullName(Repo repo) {
            return org + "/" + repo.name();
        }

        private String html(Repo repo) {
            return "https://github.com/" + fullName(repo);
        }

        private <T> T pick(List<T> items) {
            return items.get(random.nextInt(items.size()));
        }

        private String sha() {
            byte[] bytes = new byte[20];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }

        private static String slug(String text) {
            return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        }

        private static long stableId(String name, long base) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
                return base + Math.floorMod(java.nio.ByteBuffer.wrap(digest).getLong(), base);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }

        private static String nodeId(String prefix, long id) {
            return Base64.getEncoder().encodeToString((prefix + id).getBytes(StandardCharsets.US_ASCII));
        }

        /** Reads pull-request numbers, open pull requests and main heads of an earlier run, if any. */
        void load(Path file) throws IOException {
            if (!Files.exists(file)) {
                return;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t", 3);
                if (parts.length < 3) {
                    continue;
                }
                String[] key = parts[1].split("#", 2);
                switch (parts[0]) {
                    case "next" -> nextNumber.put(parts[1], Integer.parseInt(parts[2]));
                    case "main" -> mainHead.put(parts[1], parts[2]);
                    case "open" -> {
                        if (repos.stream().anyMatch(repo -> repo.name().equals(key[0]))) {
                            open.add(PullRequest.decode(key[0], Integer.parseInt(key[1]), parts[2]));
                        }
                    }
                    default -> {
                        // a line of a newer format: ignored
                    }
                }
            }
        }

        void save(Path file) {
            StringBuilder text = new StringBuilder("# GitHubSimulator state: kind, key, value (tab-separated)\n");
            nextNumber.forEach((repo, number) -> text.append("next\t").append(repo).append('\t').append(number).append('\n'));
            mainHead.forEach((repo, sha) -> text.append("main\t").append(repo).append('\t').append(sha).append('\n'));
            open.forEach(pr -> text.append("open\t").append(pr.repo()).append('#').append(pr.number()).append('\t')
                    .append(pr.encode()).append('\n'));
            try {
                Path parent = file.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Path temporary = Files.createTempFile(parent, "simulator", ".tmp");
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("could not save the simulator state to " + file, e);
            }
        }
    }

    /** An insertion-ordered JSON object from alternating keys and values. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    /** Just enough JSON writing for maps, lists, strings, numbers, booleans and null. */
    static final class Json {

        static byte[] bytes(Object value) {
            StringBuilder out = new StringBuilder(8192);
            write(out, value);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }

        private static void write(StringBuilder out, Object value) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof String text) {
                string(out, text);
            } else if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.append(first ? "" : ",");
                    first = false;
                    string(out, (String) entry.getKey());
                    out.append(':');
                    write(out, entry.getValue());
                }
                out.append('}');
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    write(out, list.get(i));
                }
                out.append(']');
            } else {
                throw new IllegalArgumentException("no JSON form for " + value.getClass());
            }
        }

        private static void string(StringBuilder out, String text) {
            out.append('"');
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }
}
