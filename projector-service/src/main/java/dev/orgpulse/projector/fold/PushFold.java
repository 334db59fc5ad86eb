package dev.orgpulse.projector.fold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.DeliveryMetadata;

/**
 * A {@code push}: each commit once (by sha), a {@code commit} feed item per commit, the people involved.
 * Tags and deleted branches bring no commits.
 */
final class PushFold implements GitHubEventFold {

    private static final String BRANCH_PREFIX = "refs/heads/";
    private static final String TAG_PREFIX = "refs/tags/";

    @Override
    public RecordOutcome fold(DeliveryMetadata delivery, JsonNode payload) {
        String repo = PayloadFields.requiredText(payload, "/repository/full_name");
        Optional<GitHubUser> sender = GitHubUser.at(payload.path("sender"));
        List<PersonRow> people = new ArrayList<>();
        sender.ifPresent(user -> people.add(user.asPerson(delivery.receivedAt())));

        String ref = PayloadFields.text(payload, "ref");
        boolean bringsCommits = ref != null && !ref.startsWith(TAG_PREFIX) && !payload.path("deleted").asBoolean(false);
        Map<String, CommitRow> commits = new LinkedHashMap<>();
        if (bringsCommits) {
            String branch = ref.startsWith(BRANCH_PREFIX) ? ref.substring(BRANCH_PREFIX.length()) : ref;
            for (JsonNode commit : payload.path("commits")) {
                String sha = PayloadFields.requiredText(commit, "/id");
                if (!commits.containsKey(sha)) {
                    CommitRow row = commit(commit, sha, repo, branch, sender, delivery);
                    commits.put(sha, row);
                    String username = PayloadFields.text(commit.path("author"), "username");
                    if (username != null) {
                        people.add(new PersonRow(username, row.authorName(), null, row.bot(), delivery.receivedAt()));
                    }
                }
            }
        }
        List<FeedEntry> feed = commits.values().stream()
                .map(commit -> new FeedEntry("commit:" + commit.sha(), commit.committedAt(), FeedKind.COMMIT,
                        commit.authorLogin(), repo, commit.message(), commit.bot()))
                .toList();
        return new RecordOutcome.Folded(delivery, new ReadModelChanges(ReadModelChanges.peopleByLogin(people),
                List.copyOf(commits.values()), List.of(), feed));
    }

    private static CommitRow commit(JsonNode commit, String sha, String repo, String branch,
            Optional<GitHubUser> sender, DeliveryMetadata delivery) {
        JsonNode author = commit.path("author");
        String name = PayloadFields.text(author, "name");
        String username = PayloadFields.text(author, "username");
        String login = username != null ? username : name;
        if (login == null) {
            throw PayloadFields.missing("/commits/" + sha + "/author/name");
        }
        boolean pushedByBotItself = sender.map(user -> user.bot() && user.login().equals(login)).orElse(false);
        return new CommitRow(sha, repo, login, name, firstLine(PayloadFields.text(commit, "message")),
                PayloadFields.requiredInstant(commit, "/timestamp"), branch, Bots.isBotLogin(login) || pushedByBotItself,
                delivery.deliveryId());
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
