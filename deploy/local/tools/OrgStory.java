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
import tools.GitHubPayloads.Issue;
import tools.GitHubPayloads.PullRequest;
import tools.GitHubPayloads.WorkflowRun;

/**
 * What the people of a simulated organisation do, one webhook delivery at a time, in the order GitHub sends them:
 * <ul>
 * <li>they push one to four commits to main, each push followed by a CI workflow run of the new head;</li>
 * <li>they open pull requests (now and then Dependabot opens a bump): the branch is created, its first commits
 * pushed, the pull request opened and its CI run requested; later pushes to it bring a {@code synchronize} and a
 * run of their own;</li>
 * <li>others review open pull requests (approved, changes requested, or commented, with inline comments) and talk
 * in their conversations;</li>
 * <li>once a pull request has waited the review time it is merged (those who asked for changes approve first, and
 * someone does when no one has: followed, as on GitHub, by the push of the merge commit and its run) or closed;</li>
 * <li>they open issues, comment on them and close them. Issues and pull requests share one number per repository.</li>
 * </ul>
 * A workflow run is requested at once and goes in progress, then completes (success, or now and then failure),
 * some deliveries later, its one job ({@code workflow_job}) along with it; now and then a successful run of main is
 * followed by a release. The state file keeps numbers, ids, open pull requests and their reviews, open issues,
 * runs under way and the heads of main, so that a later run continues the story instead of reusing numbers.
 */
final class OrgStory {

    /** One webhook delivery, ready to sign and send. */
    record Delivery(String event, String description, byte[] body) {
    }

    /** A workflow run under way: what it sends next (in_progress or completed), and from which step on. */
    private record RunStep(WorkflowRun run, String next, Instant startedAt, long due) {
    }

    /** Deliveries a pull request stays open before it may be merged or closed. */
    private static final int REVIEW_STEPS = 40;
    private static final String MAIN = "main";
    private static final String ZERO_SHA = "0".repeat(40);
    private static final String APPROVED = "approved";
    private static final String CHANGES_REQUESTED = "changes_requested";
    private static final String COMMENTED = "commented";
    private static final String IN_PROGRESS = "in_progress";
    private static final String COMPLETED = "completed";
    /** Review, comment and run ids grow with the clock, so that a run without a state file does not reuse them. */
    private static final Instant ID_EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    private static final String[][] CHANGES = {
            {"feat", "add pagination to the %s list"}, {"feat", "support retries for %s requests"},
            {"feat", "expose %s metrics"}, {"feat", "add dark mode toggle"}, {"feat", "cache %s lookups"},
            {"fix", "handle an empty %s payload"}, {"fix", "avoid a race in the %s cache"},
            {"fix", "use UTC when grouping %s by day"}, {"fix", "close the %s connection on timeout"},
            {"refactor", "split %s into smaller functions"}, {"perf", "batch %s writes"},
            {"test", "cover %s edge cases"}, {"docs", "explain %s configuration"},
            {"chore", "update the CI workflow"}, {"chore", "bump dependencies"}};
    /** The commits an author adds to an open pull request. */
    private static final List<String> FIXUPS = List.of("fix: address review comments", "test: cover the error case",
            "refactor: rename for clarity", "fix: handle a null response", "chore: fix lint warnings");
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
    /** A label and a title about the repository. */
    private static final String[][] ISSUES = {
            {"bug", "500 from %s for an empty payload"}, {"bug", "Pagination of %s skips the last page"},
            {"bug", "Requests to %s time out under load"}, {"bug", "Flaky test in %s"},
            {"bug", "Timestamps in %s are an hour off after the DST change"},
            {"enhancement", "Support filtering %s by date"}, {"enhancement", "Expose %s metrics to Prometheus"},
            {"enhancement", "Document the %s configuration options"}};
    private static final List<String> APPROVALS = List.of("LGTM", "Looks good, thanks!", "Nice cleanup.", "Ship it.");
    private static final List<String> CHANGE_REQUESTS = List.of("A couple of things to fix before we merge.",
            "Please add a test for the failure path.", "This changes the public API; let's discuss first.");
    private static final List<String> REMARKS = List.of("Could we pull this into a constant?",
            "nit: a more specific name would help here.", "What happens when this is empty?",
            "This deserves a test for the error case.", "Is this safe to call from several threads?",
            "Should this log at debug instead of info?", "We already have a helper for this in the utils package.");
    private static final List<String> CONVERSATION = List.of("Rebased on main.", "Addressed the review comments, PTAL.",
            "CI is green now.", "Can we get this in before the release?", "Deployed to staging, looks good there.",
            "Thanks for picking this up!", "I'll follow up with the docs in a separate PR.");
    private static final List<String> ISSUE_REPLIES = List.of("I can reproduce this on main.", "Looking into it.",
            "Same here since yesterday's deploy.", "Would a fix in the next release work for you?");

    private final GitHubOrg org;
    private final GitHubPayloads payloads;
    private final Random random;
    /** Per repository, the last number given to a pull request or an issue. */
    private final Map<String, Integer> nextNumber = new TreeMap<>();
    private final Map<String, Integer> runNumber = new TreeMap<>();
    /** Per repository, the minor version of its last release. */
    private final Map<String, Integer> releases = new TreeMap<>();
    private final Map<String, String> mainHead = new TreeMap<>();
    private final List<PullRequest> open = new ArrayList<>();
    /** The step each open pull request of this run was opened at; one of an earlier run may be closed at once. */
    private final Map<String, Long> openedAt = new TreeMap<>();
    /** Per open pull request (repo#number), each reviewer's standing verdict: approved or changes_requested. */
    private final Map<String, Map<String, String>> verdicts = new TreeMap<>();
    private final List<Issue> issues = new ArrayList<>();
    private final List<RunStep> runs = new ArrayList<>();
    private final Deque<Delivery> followUps = new ArrayDeque<>();
    private long nextId = Duration.between(ID_EPOCH, Instant.now()).toMillis();
    private long step;

    OrgStory(GitHubOrg org, Random random) {
        this.org = org;
        this.payloads = new GitHubPayloads(org, random);
        this.random = random;
    }

    /**
     * The next delivery: what the last action still has to send, else a workflow run's next status when due, else
     * a new action. Out of a hundred new actions 12 merge or close a pull request that has waited (any when there
     * are too many open), 10 push to main, 8 push to a pull request, 22 review, 18 comment, 9 open an issue and 7
     * close one; the rest, and what cannot be done yet, open a pull request.
     */
    Delivery next() {
        step++;
        if (!followUps.isEmpty()) {
            return followUps.poll();
        }
        RunStep due = runs.stream().filter(run -> run.due() <= step).findFirst().orElse(null);
        if (due != null) {
            return advance(due);
        }
        double roll = random.nextDouble();
        List<PullRequest> ready = open.stream().filter(pr -> openedAt.getOrDefault(key(pr), 0L) + REVIEW_STEPS <= step)
                .toList();
        if (!ready.isEmpty() && (roll >= 0.88 || open.size() > 3 * org.repos().size())) {
            return close(pick(ready));
        }
        List<PullRequest> ownWork = open.stream().filter(pr -> !person(pr.author()).bot()).toList();
        List<PullRequest> reviewable = open.stream()
                .filter(pr -> !pr.draft() && org.people().stream().anyMatch(p -> !p.login().equals(pr.author())))
                .toList();
        if (roll < 0.10) {
            return pushToMain(pick(org.repos()), pick(org.people()));
        } else if (roll < 0.18 && !ownWork.isEmpty()) {
            return pushToPullRequest(pick(ownWork));
        } else if (roll >= 0.18 && roll < 0.40 && !reviewable.isEmpty()) {
            return review(pick(reviewable));
        } else if (roll >= 0.40 && roll < 0.58 && !(open.isEmpty() && issues.isEmpty())) {
            return comment();
        } else if (roll >= 0.58 && roll < 0.74) {
            boolean closing = !issues.isEmpty() && (roll >= 0.67 || issues.size() > 2 * org.repos().size());
            return closing ? closeIssue(pick(issues)) : openIssue(pick(org.repos()));
        }
        return openPullRequest(pick(org.repos()));
    }

    /** The first of the deliveries now, the others next, in order. */
    private Delivery sequence(List<Delivery> deliveries) {
        followUps.addAll(deliveries.subList(1, deliveries.size()));
        return deliveries.get(0);
    }

    private Delivery pushToMain(Repo repo, Person pusher) {
        int count = 1 + (int) Math.floor(Math.pow(random.nextDouble(), 2) * 4);
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] change = change(repo);
            messages.add(change[0] + ": " + change[1]
                    + (random.nextDouble() < 0.3 ? "\n\nRefs #" + (1 + random.nextInt(400)) : ""));
        }
        List<Map<String, Object>> commits = commits(repo, pusher, messages);
        return sequence(List.of(pushDelivery(repo, MAIN, head(repo), commits, pusher),
                startRun(repo, MAIN, headOf(commits), pusher, 0, messages.get(count - 1).split("\n", 2)[0])));
    }

    /** Commits by author with these messages, the last made about now, the others minutes before it. */
    private List<Map<String, Object>> commits(Repo repo, Person author, List<String> messages) {
        Instant time = Instant.now().minusSeconds(random.nextInt(90));
        List<Map<String, Object>> commits = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Instant at = time.minus((long) (messages.size() - 1 - i) * (3 + random.nextInt(37)), ChronoUnit.MINUTES);
            commits.add(commit(repo, payloads.sha(), messages.get(i), at, author, GitHubPayloads.identity(author)));
        }
        return commits;
    }

    private static String headOf(List<Map<String, Object>> commits) {
        return (String) commits.get(commits.size() - 1).get("id");
    }

    private Delivery pushDelivery(Repo repo, String branch, String before, List<Map<String, Object>> commits,
            Person pusher) {
        long openIssues = open.stream().filter(pr -> pr.repo().equals(repo.name())).count()
                + issues.stream().filter(issue -> issue.repo().equals(repo.name())).count();
        Map<String, Object> payload = payloads.push(repo, branch, before, commits, pusher, openIssues);
        if (branch.equals(MAIN)) {
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

    /** A branch created, its first commits pushed, the pull request opened and its CI run requested. */
    private Delivery openPullRequest(Repo repo) {
        // Dependabot keeps one bump open per repository
        boolean bot = random.nextDouble() < 0.1 && open.stream()
                .noneMatch(pr -> pr.repo().equals(repo.name()) && pr.author().equals(GitHubOrg.DEPENDABOT.login()));
        Person author = bot ? GitHubOrg.DEPENDABOT : pick(org.people());
        String title;
        String branch;
        List<String> messages = new ArrayList<>();
        if (bot) {
            List<String> bump = BUMPS.get(repo.language());
            title = "build(deps): bump " + bump.get(1) + " from " + bump.get(2) + " to " + bump.get(3);
            branch = "dependabot/" + bump.get(0) + "/" + bump.get(1).replace(':', '-') + "-" + bump.get(3);
            messages.add(title + "\n\nBumps " + bump.get(1) + " from " + bump.get(2) + " to " + bump.get(3) + ".");
        } else {
            String[] change = change(repo);
            title = change[0] + ": " + change[1];
            branch = author.login() + "/" + slug(change[1]);
            messages.add(title);
            for (int extra = random.nextInt(4); extra > 0; extra--) {
                messages.add(pick(FIXUPS));
            }
        }
        int number = nextNumber.merge(repo.name(), 1, Integer::sum);
        String taken = branch;
        if (open.stream().anyMatch(pr -> pr.repo().equals(repo.name()) && pr.branch().equals(taken))) {
            branch += "-" + number;
        }
        List<Map<String, Object>> commits = commits(repo, author, messages);
        String headSha = headOf(commits);
        PullRequest pr = new PullRequest(repo.name(), number, author.login(), title, branch, headSha, now(),
                !bot && random.nextDouble() < 0.1, commits.size(), bot ? 2 : 5 + random.nextInt(400),
                bot ? 2 : random.nextInt(150), bot ? 1 : 1 + random.nextInt(12));
        open.add(pr);
        openedAt.put(key(pr), step);
        Map<String, Object> opened = payloads.pullRequest("opened", repo, pr, author, author, reviewerOf(author),
                head(repo), null, null);
        return sequence(List.of(
                new Delivery("create", String.format("%s branch %s created by %s", repo.fullName(), branch,
                        author.login()), Json.bytes(payloads.createBranch(repo, branch, author))),
                pushDelivery(repo, branch, ZERO_SHA, commits, author),
                new Delivery("pull_request", describe(repo, number, "opened", author, title), Json.bytes(opened)),
                startRun(repo, branch, headSha, author, number, title)));
    }

    /** One or two commits pushed to an open pull request by its author: the push, the synchronize and a CI run. */
    private Delivery pushToPullRequest(PullRequest pr) {
        Repo repo = repo(pr.repo());
        Person author = person(pr.author());
        List<String> messages = new ArrayList<>(List.of(pick(FIXUPS)));
        if (random.nextDouble() < 0.3) {
            messages.add(pick(FIXUPS));
        }
        List<Map<String, Object>> commits = commits(repo, author, messages);
        String headSha = headOf(commits);
        PullRequest pushed = pr.pushed(headSha, commits.size(), 1 + random.nextInt(60), random.nextInt(30),
                1 + random.nextInt(3));
        open.set(open.indexOf(pr), pushed);
        Map<String, Object> synchronize = payloads.synchronize(repo, pushed, author, pr.headSha(), head(repo), now());
        return sequence(List.of(pushDelivery(repo, pr.branch(), pr.headSha(), commits, author),
                new Delivery("pull_request", describe(repo, pr.number(), "synchronized", author, pr.title()),
                        Json.bytes(synchronize)),
                startRun(repo, pr.branch(), headSha, author, pr.number(), pr.title())));
    }

    /** A review by someone other than the author; asking for changes or commenting comes with inline comments. */
    private Delivery review(PullRequest pr) {
        Repo repo = repo(pr.repo());
        Person author = person(pr.author());
        Person reviewer = reviewerOf(author);
        double roll = random.nextDouble();
        String state = roll < 0.45 ? APPROVED : roll < 0.7 ? CHANGES_REQUESTED : COMMENTED;
        String body = switch (state) {
            case APPROVED -> random.nextBoolean() ? null : pick(APPROVALS);
            case CHANGES_REQUESTED -> pick(CHANGE_REQUESTS);
            default -> random.nextBoolean() ? null : "Left a few questions.";
        };
        long reviewId = nextId++;
        List<Delivery> deliveries = new ArrayList<>(List.of(reviewDelivery(repo, pr, author, reviewer, reviewId,
                state, body)));
        // a review that says nothing itself is the envelope of its inline comments
        int inline = state.equals(APPROVED) ? 0 : (body == null ? 1 : 0) + random.nextInt(3);
        for (int i = 0; i < inline; i++) {
            Map<String, Object> comment = payloads.reviewComment(repo, pr, author, head(repo), reviewer, reviewId,
                    nextId++, pick(REMARKS), now());
            deliveries.add(new Delivery("pull_request_review_comment",
                    describe(repo, pr.number(), "review comment", reviewer, pr.title()), Json.bytes(comment)));
        }
        if (!state.equals(COMMENTED)) {
            verdicts.computeIfAbsent(key(pr), k -> new TreeMap<>()).put(reviewer.login(), state);
        }
        return sequence(deliveries);
    }

    private Delivery reviewDelivery(Repo repo, PullRequest pr, Person author, Person reviewer, long reviewId,
            String state, String body) {
        Map<String, Object> payload = payloads.review(repo, pr, author, head(repo), reviewer, reviewId, state, body,
                now());
        return new Delivery("pull_request_review", describe(repo, pr.number(), state.replace('_', ' '), reviewer,
                pr.title()), Json.bytes(payload));
    }

    /** A comment in the conversation of an open pull request (its author's or another's), or of an open issue. */
    private Delivery comment() {
        if (open.isEmpty() || !issues.isEmpty() && random.nextDouble() < 0.25) {
            Issue issue = pick(issues);
            Repo repo = repo(issue.repo());
            Person commenter = pick(org.people());
            Map<String, Object> payload = payloads.issueComment(repo, issue, person(issue.author()), commenter,
                    nextId++, pick(ISSUE_REPLIES), now());
            return new Delivery("issue_comment", describe(repo, issue.number(), "comment", commenter, issue.title()),
                    Json.bytes(payload));
        }
        PullRequest pr = pick(open);
        Repo repo = repo(pr.repo());
        Person author = person(pr.author());
        Person other = reviewerOf(author);
        Person commenter = other == null || !author.bot() && random.nextDouble() < 0.4 ? author : other;
        Map<String, Object> payload = payloads.issueComment(repo, pr, author, commenter, nextId++,
                pick(CONVERSATION), now());
        return new Delivery("issue_comment", describe(repo, pr.number(), "comment", commenter, pr.title()),
                Json.bytes(payload));
    }

    private Delivery openIssue(Repo repo) {
        Person author = pick(org.people());
        String[] template = ISSUES[random.nextInt(ISSUES.length)];
        Issue issue = new Issue(repo.name(), nextNumber.merge(repo.name(), 1, Integer::sum), author.login(),
                String.format(template[1], repo.name().split("-")[0]), template[0], now());
        issues.add(issue);
        return issueDelivery("opened", issue, author);
    }

    /** An open issue closed by its author or someone else. */
    private Delivery closeIssue(Issue issue) {
        issues.remove(issue);
        return issueDelivery("closed", issue, random.nextBoolean() ? person(issue.author()) : pick(org.people()));
    }

    private Delivery issueDelivery(String action, Issue issue, Person sender) {
        Repo repo = repo(issue.repo());
        Map<String, Object> payload = payloads.issue(action, repo, issue, person(issue.author()), sender, now());
        return new Delivery("issues", describe(repo, issue.number(), action, sender, issue.title()),
                Json.bytes(payload));
    }

    /**
     * A pull request merged (not a draft; after the approvals it lacks, and followed by the push of its merge
     * commit and that push's CI run) or closed.
     */
    private Delivery close(PullRequest pr) {
        open.remove(pr);
        openedAt.remove(key(pr));
        Map<String, String> standing = verdicts.getOrDefault(key(pr), Map.of());
        verdicts.remove(key(pr));
        Repo repo = repo(pr.repo());
        Person author = person(pr.author());
        boolean merged = !pr.draft() && random.nextDouble() < 0.85;
        Person other = reviewerOf(author);
        Person closer = other != null && (merged || random.nextBoolean()) ? other : author;
        List<Delivery> deliveries = new ArrayList<>();
        if (merged) {
            // who asked for changes approves, and someone does when no one has yet
            List<String> approvers = new ArrayList<>(standing.keySet().stream()
                    .filter(login -> standing.get(login).equals(CHANGES_REQUESTED)).toList());
            if (approvers.isEmpty() && !standing.containsValue(APPROVED) && other != null) {
                approvers.add(other.login());
            }
            for (String approver : approvers) {
                deliveries.add(reviewDelivery(repo, pr, author, person(approver), nextId++, APPROVED,
                        pick(APPROVALS)));
            }
        }
        Instant closedAt = now();
        String mergeSha = merged ? payloads.sha() : null;
        Map<String, Object> payload = payloads.pullRequest("closed", repo, pr, author, closer, null, head(repo),
                closedAt, mergeSha);
        deliveries.add(new Delivery("pull_request", describe(repo, pr.number(), merged ? "merged" : "closed", closer,
                pr.title()), Json.bytes(payload)));
        if (merged) {
            String message = "Merge pull request #" + pr.number() + " from " + org.name() + "/" + pr.branch() + "\n\n"
                    + pr.title();
            Map<String, Object> mergeCommit = commit(repo, mergeSha, message, closedAt, closer, GitHubPayloads.WEB_FLOW);
            deliveries.add(pushDelivery(repo, MAIN, head(repo), List.of(mergeCommit), closer));
            deliveries.add(startRun(repo, MAIN, mergeSha, closer, 0, message.split("\n", 2)[0]));
        }
        return sequence(deliveries);
    }

    /** A CI run of the head of branch (of pull request number pullRequest, or 0), requested now. */
    private Delivery startRun(Repo repo, String branch, String headSha, Person actor, int pullRequest, String title) {
        WorkflowRun run = new WorkflowRun(repo.name(), nextId++, runNumber.merge(repo.name(), 1, Integer::sum),
                pullRequest == 0 ? "push" : "pull_request", branch, headSha, actor.login(), pullRequest, title, now());
        runs.add(new RunStep(run, IN_PROGRESS, run.createdAt(), step + 1 + random.nextInt(3)));
        return runDelivery("requested", run, run.createdAt(), null);
    }

    /**
     * A run goes in progress and is due to complete some deliveries later, or completes; its job with it. A
     * successful run of main is now and then released.
     */
    private Delivery advance(RunStep due) {
        runs.remove(due);
        WorkflowRun run = due.run();
        if (due.next().equals(IN_PROGRESS)) {
            Instant started = now();
            runs.add(new RunStep(run, COMPLETED, started, step + 4 + random.nextInt(12)));
            return sequence(List.of(runDelivery(IN_PROGRESS, run, started, null),
                    jobDelivery(IN_PROGRESS, run, started, null)));
        }
        String conclusion = random.nextDouble() < (run.pullRequest() == 0 ? 0.08 : 0.2) ? "failure" : "success";
        List<Delivery> deliveries = new ArrayList<>(List.of(jobDelivery(COMPLETED, run, due.startedAt(), conclusion),
                runDelivery(COMPLETED, run, due.startedAt(), conclusion)));
        if (run.pullRequest() == 0 && conclusion.equals("success") && random.nextDouble() < 0.15) {
            deliveries.add(release(repo(run.repo()), person(run.actor())));
        }
        return sequence(deliveries);
    }

    private Delivery jobDelivery(String action, WorkflowRun run, Instant startedAt, String conclusion) {
        Repo repo = repo(run.repo());
        Map<String, Object> payload = payloads.workflowJob(action, repo, run, person(run.actor()), startedAt,
                conclusion, now());
        String description = String.format("%s CI #%d job build %s%s", repo.fullName(), run.number(), action,
                conclusion == null ? "" : ": " + conclusion);
        return new Delivery("workflow_job", description, Json.bytes(payload));
    }

    /** The next minor version of the repository, published by who ran its release. */
    private Delivery release(Repo repo, Person author) {
        String tag = "v1." + releases.merge(repo.name(), 1, Integer::sum) + ".0";
        Map<String, Object> payload = payloads.release(repo, tag, author, now());
        return new Delivery("release", repo.fullName() + " release " + tag + " by " + author.login(),
                Json.bytes(payload));
    }

    private Delivery runDelivery(String action, WorkflowRun run, Instant startedAt, String conclusion) {
        Repo repo = repo(run.repo());
        Map<String, Object> payload = payloads.workflowRun(action, repo, run, person(run.actor()), head(repo),
                startedAt, conclusion, now());
        String description = String.format("%s CI #%d on %s %s%s", repo.fullName(), run.number(), run.branch(),
                action, conclusion == null ? "" : ": " + conclusion);
        return new Delivery("workflow_run", description, Json.bytes(payload));
    }

    private static String describe(Repo repo, int number, String action, Person actor, String title) {
        return String.format("%s#%d %s by %s: \"%s\"", repo.fullName(), number, action, actor.login(), title);
    }

    private static String key(PullRequest pr) {
        return pr.repo() + "#" + pr.number();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private String head(Repo repo) {
        return mainHead.computeIfAbsent(repo.name(), name -> payloads.sha());
    }

    private Repo repo(String name) {
        return org.repos().stream().filter(repo -> repo.name().equals(name)).findFirst().orElseThrow();
    }

    private Person person(String login) {
        return login.equals(GitHubOrg.DEPENDABOT.login()) ? GitHubOrg.DEPENDABOT
                : org.people().stream().filter(person -> person.login().equals(login)).findFirst()
                        // someone of an earlier run with more people: keep the story going with them
                        .orElseGet(() -> new Person(login, login, login + "@" + org.name() + ".example",
                                GitHubOrg.stableId("user:" + login, 10_000_000), ZoneOffset.UTC, false));
    }

    /** Someone other than the author, or null when there is no one else. */
    private Person reviewerOf(Person author) {
        List<Person> others = org.people().stream().filter(person -> !person.login().equals(author.login())).toList();
        return others.isEmpty() ? null : pick(others);
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

    /**
     * Reads the state of an earlier run, if any. Files of earlier versions (numbers, main heads, open pull requests
     * only) are read as they are; lines of a newer format are ignored.
     */
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
            boolean known = org.repos().stream().anyMatch(repo -> repo.name().equals(key[0]));
            switch (parts[0]) {
                case "next" -> nextNumber.put(parts[1], Integer.parseInt(parts[2]));
                case "main" -> mainHead.put(parts[1], parts[2]);
                case "runs" -> runNumber.put(parts[1], Integer.parseInt(parts[2]));
                case "id" -> nextId = Math.max(nextId, Long.parseLong(parts[2]));
                case "open" -> {
                    String[] f = parts[2].split("\t", 10);
                    if (known) {
                        open.add(new PullRequest(key[0], Integer.parseInt(key[1]), f[0], f[9], f[1], f[2],
                                Instant.parse(f[3]), Boolean.parseBoolean(f[4]), Integer.parseInt(f[5]),
                                Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8])));
                    }
                }
                case "verdict" -> {
                    String[] f = parts[2].split("\t", 2);
                    verdicts.computeIfAbsent(parts[1], k -> new TreeMap<>()).put(f[0], f[1]);
                }
                case "issue" -> {
                    String[] f = parts[2].split("\t", 4);
                    if (known) {
                        issues.add(new Issue(key[0], Integer.parseInt(key[1]), f[0], f[3], f[2].isEmpty() ? null : f[2],
                                Instant.parse(f[1])));
                    }
                }
                case "run" -> {
                    // a run under way goes on at once
                    String[] f = parts[2].split("\t", 9);
                    int pullRequest = Integer.parseInt(f[4]);
                    if (known) {
                        runs.add(new RunStep(new WorkflowRun(key[0], Long.parseLong(key[1]), Integer.parseInt(f[0]),
                                pullRequest == 0 ? "push" : "pull_request", f[1], f[2], f[3], pullRequest, f[8],
                                Instant.parse(f[5])), f[6], Instant.parse(f[7]), 0));
                    }
                }
                default -> {
                    // a line of a newer format: ignored
                }
            }
        }
    }

    /**
     * Writes what {@link #load} reads: one tab-separated line per repository's last number, run number and main
     * head, the next id, and per open pull request, reviewer's verdict, open issue and run under way.
     */
    void save(Path file) {
        StringBuilder text = new StringBuilder("# GitHubSimulator state: kind, key, value (tab-separated)\n");
        nextNumber.forEach((repo, number) -> line(text, "next", repo, number));
        runNumber.forEach((repo, number) -> line(text, "runs", repo, number));
        mainHead.forEach((repo, sha) -> line(text, "main", repo, sha));
        line(text, "id", "next", nextId);
        for (PullRequest pr : open) {
            line(text, "open", key(pr), pr.author(), pr.branch(), pr.headSha(), pr.createdAt(), pr.draft(),
                    pr.commits(), pr.additions(), pr.deletions(), pr.changedFiles(), pr.title());
        }
        verdicts.forEach((pr, standing) -> standing.forEach((login, state) -> line(text, "verdict", pr, login, state)));
        for (Issue issue : issues) {
            line(text, "issue", issue.repo() + "#" + issue.number(), issue.author(), issue.createdAt(),
                    issue.label() == null ? "" : issue.label(), issue.title());
        }
        for (RunStep due : runs) {
            WorkflowRun run = due.run();
            line(text, "run", run.repo() + "#" + run.id(), run.number(), run.branch(), run.headSha(), run.actor(),
                    run.pullRequest(), run.createdAt(), due.next(), due.startedAt(), run.title());
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

    private static void line(StringBuilder text, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            text.append(i == 0 ? "" : "\t").append(fields[i]);
        }
        text.append('\n');
    }
}
