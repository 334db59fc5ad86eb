package dev.orgpulse.projector.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.DeliveryMetadata;

/**
 * A {@code push}: the push itself (created, deleted, forced, tag, default branch or not), each commit once (by
 * sha) with a {@code commit} feed item, a {@code force_pushed} item for a rewritten branch, the people involved.
 * Tags and deleted refs bring no commits; commits pushed to other branches than the default count, marked.
 * Branches and tags created or deleted are told by {@code create}/{@code delete} ({@link RefFold}), not here.
 */
final class PushFold implements GitHubEventFold {

    static final String BRANCH_PREFIX = "refs/heads/";
    private static final String TAG_PREFIX = "refs/tags/";
    private static final List<String> CHANGED_FILES = List.of("added", "modified");

    @Override
    public RecordOutcome fold(DeliveryMetadata delivery, JsonNode payload) {
        GitHubRepository repository = GitHubRepository.required(payload);
        Optional<GitHubUser> sender = GitHubUser.at(payload.path("sender"));
        ReadModelChanges.Builder changes = ReadModelChanges.of(delivery).repository(repository.snapshot())
                .person(sender);

        String ref = PayloadFields.requiredText(payload, "/ref");
        boolean tag = ref.startsWith(TAG_PREFIX);
        boolean branch = ref.startsWith(BRANCH_PREFIX);
        String refName = tag ? ref.substring(TAG_PREFIX.length())
                : branch ? ref.substring(BRANCH_PREFIX.length()) : ref;
        boolean deleted = payload.path("deleted").asBoolean(false);
        boolean forced = payload.path("forced").asBoolean(false);
        boolean onDefaultBranch = branch && repository.isDefaultBranch(refName);

        Map<String, CommitRow> commits = tag || deleted ? Map.of()
                : foldCommits(payload.path("commits"), repository, refName, onDefaultBranch, sender, delivery, changes);

        String before = PayloadFields.requiredText(payload, "/before");
        String after = PayloadFields.requiredText(payload, "/after");
        Instant pushedAt = PayloadFields.firstPresent(PayloadFields.instant(payload, "/repository/pushed_at"),
                delivery.receivedAt());
        String pusher = sender.map(GitHubUser::login).orElse(PayloadFields.textAt(payload, "/pusher/name"));
        changes.push(new PushRow(repository.id(), repository.fullName(), ref, tag ? "tag" : branch ? "branch" : "other",
                refName, before, after, pusher, sender.map(GitHubUser::bot).orElse(false),
                payload.path("created").asBoolean(false), deleted, forced, onDefaultBranch, commits.size(), pushedAt,
                delivery.deliveryId()));
        if (forced && !deleted && sender.isPresent()) {
            changes.feed("force-push:" + repository.id() + ":" + ref + ":" + before + ".." + after, pushedAt,
                    FeedKind.FORCE_PUSHED, sender.get(), repository, refName);
        }
        return changes.folded();
    }

    /**
     * Each commit of a push-shaped {@code commits} array once (by sha): its row, its {@code commit} feed item and its
     * author when they have a login.
     *
     * @return the commits by sha, in the array's order
     */
    static Map<String, CommitRow> foldCommits(JsonNode commitArray, GitHubRepository repository, String branch,
            boolean onDefaultBranch, Optional<GitHubUser> sender, DeliveryMetadata delivery,
            ReadModelChanges.Builder changes) {
        Map<String, CommitRow> commits = new LinkedHashMap<>();
        for (JsonNode commit : commitArray) {
            String sha = PayloadFields.requiredText(commit, "/id");
            if (!commits.containsKey(sha)) {
                CommitRow row = commit(commit, sha, repository, branch, onDefaultBranch, sender, delivery);
                commits.put(sha, row);
                changes.commit(row).feed(new FeedEntry("commit:" + sha, row.committedAt(), FeedKind.COMMIT,
                        row.authorLogin(), repository.id(), repository.fullName(), row.message(), row.bot()));
                String username = PayloadFields.text(commit.path("author"), "username");
                if (username != null) {
                    changes.person(new PersonRow(username, row.authorName(), null, row.bot(), delivery.receivedAt()));
                }
            }
        }
        return commits;
    }

    private static CommitRow commit(JsonNode commit, String sha, GitHubRepository repository, String branch,
            boolean onDefaultBranch, Optional<GitHubUser> sender, DeliveryMetadata delivery) {
        JsonNode author = commit.path("author");
        String name = PayloadFields.text(author, "name");
        String email = PayloadFields.text(author, "email");
        String login = PayloadFields.firstPresent(PayloadFields.text(author, "username"), name, email);
        if (login == null) {
            throw PayloadFields.missing("/commits/" + sha + "/author/name");
        }
        boolean pushedByBotItself = sender.map(user -> user.bot() && user.login().equals(login)).orElse(false);
        return new CommitRow(sha, repository.id(), repository.fullName(), login, name, email,
                firstLine(PayloadFields.text(commit, "message")), PayloadFields.requiredInstant(commit, "/timestamp"),
                branch, onDefaultBranch, Bots.isBotLogin(login) || pushedByBotItself, languages(commit),
                delivery.deliveryId());
    }

    /** The languages of the files a commit added or modified; removing a file is no work in its language. */
    private static List<String> languages(JsonNode commit) {
        List<String> paths = new ArrayList<>();
        for (String list : CHANGED_FILES) {
            commit.path(list).forEach(path -> paths.add(path.asText()));
        }
        return Linguist.DATA.languagesOf(paths);
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
