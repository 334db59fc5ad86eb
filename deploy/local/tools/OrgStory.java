package tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import tools.GitHubOrg.Person;
import tools.GitHubOrg.Repo;
import tools.GitHubPayloads.PullRequest;

/**
 * What the people of a simulated organisation do, one webhook delivery at a time: they push one to four
 * commits to main or to a branch, open pull requests (now and then Dependabot opens a bump), and, once a
 * pull request has waited the review time, merge it (followed, as on GitHub, by the push of its merge
 * commit) or close it. The state file keeps pull-request numbers, open pull requests and the heads of main,
 * so that a later run continues the story instead of reusing numbers.
 */
final class OrgStory {

    /** One webhook delivery, ready to sign and send. */
    record Delivery(String event, String description, byte[] body) {
    }

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
    private static final String ZERO_SHA = "0".repeat(40);

    private final GitHubOrg org;
    private final GitHubPayloads payloads;
    private final Duration reviewTime;
    private final Random random;
    private final Map<String, Integer> nextNumber = new TreeMap<>();
    private final Map<String, String> mainHead = new TreeMap<>();
    private final List<PullRequest> open = new ArrayList<>();
    private final Deque<Delivery> followUps = new ArrayDeque<>();

    /** Pull requests stay open for reviewTime before they are merged or closed. */
    OrgStory(GitHubOrg org, Duration reviewTime, Random random) {
        this.org = org;
        this.payloads = new GitHubPayloads(org, random);
        this.reviewTime = reviewTime;
        this.random = random;
    }

    Delivery next() {
        if (!followUps.isEmpty()) {
            return followUps.poll();
        }
        double roll = random.nextDouble();
        Instant reviewed = Instant.now().minus(reviewTime);
        List<PullRequest> ready = open.stream().filter(pr -> pr.createdAt().isBefore(reviewed)).toList();
        boolean crowded = open.size() > 3 * org.repos().size();
        if (!ready.isEmpty() && (roll >= 0.8 || crowded)) {
            return close(pick(ready));
        }
        return roll < 0.55 ? push(pick(org.repos()), pick(org.people())) : openPullRequest(pick(org.repos()));
    }

    private Delivery push(Repo repo, Person pusher) {
        boolean toMain = random.nextDouble() < 0.7;
        String branch = toMain ? "main" : pusher.login() + "/" + slug(change(repo)[1]);
        String before = toMain ? head(repo) : ZERO_SHA;
        int count = 1 + (int) Math.floor(Math.pow(random.nextDouble(), 2) * 4);
        Instant time = Instant.now().minusSeconds(random.nextInt(90));
        List<Map<String, Object>> commits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] change = change(repo);
            String message = change[0] + ": " + change[1]
                    + (random.nextDouble() < 0.3 ? "\n\nRefs #" + (1 + random.nextInt(400)) : "");
            Instant at = time.minus((long) (count - 1 - i) * (3 + random.nextInt(37)), ChronoUnit.MINUTES);
            commits.add(commit(repo, payloads.sha(), message, at, pusher, GitHubPayloads.identity(pusher)));
        }
        return pushDelivery(repo, branch, before, commits, pusher);
    }

    private Delivery pushDelivery(Repo repo, String branch, String before, List<Map<String, Object>> commits,
            Person pusher) {
        long openIssues = open.stream().filter(pr -> pr.repo().equals(repo.name())).count();
        Map<String, Object> payload = payloads.push(repo, branch, before, commits, pusher, openIssues);
        if (branch.equals("main")) {
            mainHead.put(repo.name(), (String) payload.get("after"));
        }
        String description = String.format("%s %s: %d commit(s) by %s", repo.fullName(), branch, commits.size(),
                pusher.login());
        return new Delivery("push", description, Json.bytes(payload));
    }

    /** A commit touching one to three of the repository's files, now and then adding one of them. */
    private Map<String, Object> commit(Repo repo, String sha, String message, Instant at, Person author,
            Map<String, Object> committer) {
        List<String> touched = new ArrayList<>(repo.files());
        Collections.shuffle(touched, random);
        int changed = 1 + random.nextInt(Math.min(3, touched.size()));
        boolean adds = random.nextDouble() < 0.2;
        return payloads.commit(repo, sha, message, at, author, committer,
                adds ? List.copyOf(touched.subList(0, 1)) : List.of(), List.copyOf(touched.subList(adds ? 1 : 0, changed)));
    }

    private Delivery openPullRequest(Repo repo) {
        // Dependabot keeps one bump open per repository
        boolean bot = random.nextDouble() < 0.1 && open.stream()
                .noneMatch(pr -> pr.repo().equals(repo.name()) && pr.author().equals(GitHubOrg.DEPENDABOT.login()));
        Person author = bot ? GitHubOrg.DEPENDABOT : pick(org.people());
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
        PullRequest pr = new PullRequest(repo.name(), number, author.login(), title, branch, payloads.sha(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), !bot && random.nextDouble() < 0.1, commits,
                bot ? 2 : 5 + random.nextInt(400), bot ? 2 : random.nextInt(150), bot ? 1 : 1 + random.nextInt(12));
        open.add(pr);
        Map<String, Object> payload = payloads.pullRequest("opened", repo, pr, author, author, reviewerOf(author),
                head(repo), null, null);
        return new Delivery("pull_request", describe(repo, pr, "opened", author), Json.bytes(payload));
    }

    private Delivery close(PullRequest pr) {
        open.remove(pr);
        Repo repo = org.repos().stream().filter(candidate -> candidate.name().equals(pr.repo())).findFirst().orElseThrow();
        Person author = person(pr.author());
        boolean merged = !pr.draft() && random.nextDouble() < 0.85;
        Person closer = merged || random.nextBoolean() ? reviewerOf(author) : author;
        Instant closedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String mergeSha = merged ? payloads.sha() : null;
        Map<String, Object> payload = payloads.pullRequest("closed", repo, pr, author, closer, null, head(repo),
                closedAt, mergeSha);
        if (merged) {
            String message = "Merge pull request #" + pr.number() + " from " + org.name() + "/" + pr.branch() + "\n\n"
                    + pr.title();
            Map<String, Object> mergeCommit = commit(repo, mergeSha, message, closedAt, closer, GitHubPayloads.WEB_FLOW);
            followUps.add(pushDelivery(repo, "main", head(repo), List.of(mergeCommit), closer));
        }
        return new Delivery("pull_request", describe(repo, pr, merged ? "merged" : "closed", closer),
                Json.bytes(payload));
    }

    private static String describe(Repo repo, PullRequest pr, String action, Person actor) {
        return String.format("%s#%d %s by %s: \"%s\"", repo.fullName(), pr.number(), action, actor.login(), pr.title());
    }

    private String head(Repo repo) {
        return mainHead.computeIfAbsent(repo.name(), name -> payloads.sha());
    }

    private Person person(String login) {
        return login.equals(GitHubOrg.DEPENDABOT.login()) ? GitHubOrg.DEPENDABOT
                : org.people().stream().filter(person -> person.login().equals(login)).findFirst()
                        // someone of an earlier run with more people: keep the story going with them
                        .orElseGet(() -> new Person(login, login, login + "@" + org.name() + ".example",
                                GitHubOrg.stableId("user:" + login, 10_000_000), ZoneOffset.UTC, false));
    }

    private Person reviewerOf(Person author) {
        if (org.people().size() == 1) {
            return org.people().get(0);
        }
        Person reviewer;
        do {
            reviewer = pick(org.people());
        } while (reviewer.login().equals(author.login()));
        return reviewer;
    }

    /** A conventional-commit type and subject about the repository. */
    private String[] change(Repo repo) {
        String[] change = CHANGES[random.nextInt(CHANGES.length)];
        return new String[] {change[0], String.format(change[1], repo.name().split("-")[0])};
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
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
            switch (parts[0]) {
                case "next" -> nextNumber.put(parts[1], Integer.parseInt(parts[2]));
                case "main" -> mainHead.put(parts[1], parts[2]);
                case "open" -> {
                    String[] key = parts[1].split("#", 2);
                    String[] f = parts[2].split("\t", 10);
                    if (org.repos().stream().anyMatch(repo -> repo.name().equals(key[0]))) {
                        open.add(new PullRequest(key[0], Integer.parseInt(key[1]), f[0], f[9], f[1], f[2],
                                Instant.parse(f[3]), Boolean.parseBoolean(f[4]), Integer.parseInt(f[5]),
                                Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8])));
                    }
                }
                default -> {
                    // a line of a newer format: ignored
                }
            }
        }
    }

    /** Writes what {@link #load} reads: one tab-separated line per repository's next number, main head, open pull request. */
    void save(Path file) {
        StringBuilder text = new StringBuilder("# GitHubSimulator state: kind, key, value (tab-separated)\n");
        nextNumber.forEach((repo, number) -> text.append("next\t").append(repo).append('\t').append(number).append('\n'));
        mainHead.forEach((repo, sha) -> text.append("main\t").append(repo).append('\t').append(sha).append('\n'));
        for (PullRequest pr : open) {
            text.append(String.join("\t", "open", pr.repo() + "#" + pr.number(), pr.author(), pr.branch(), pr.headSha(),
                    pr.createdAt().toString(), String.valueOf(pr.draft()), String.valueOf(pr.commits()),
                    String.valueOf(pr.additions()), String.valueOf(pr.deletions()), String.valueOf(pr.changedFiles()),
                    pr.title())).append('\n');
        }
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
