package dev.orgpulse.projector.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.LogJson;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.testing.Fixtures;

/** Webhook payloads for tests: the test fixtures, read as editable JSON, and variants built from them. */
public final class Payloads {

    public static final Instant RECEIVED_AT = Instant.parse("2024-03-01T10:00:00Z");

    private Payloads() {
    }

    public static ObjectNode fixture(String event, String file) {
        return read(Fixtures.github(event, file));
    }

    public static ObjectNode fixture(Path file) {
        return read(Fixtures.read(file));
    }

    public static DeliveryMetadata delivery(String eventType, String deliveryId) {
        return DeliveryMetadata.accepted(Sources.GITHUB, eventType, deliveryId, RECEIVED_AT, "application/json",
                "secret-1");
    }

    public static byte[] bytes(JsonNode payload) {
        try {
            return LogJson.MAPPER.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A push of these commits to {@code refs/heads/<branch>} of {@code repo} (whose default branch is {@code main}),
     * by the fixture's sender Codertocat.
     */
    public static ObjectNode push(String repo, String branch, ObjectNode... commits) {
        ObjectNode push = fixture("push", "with-new-branch.payload.json");
        push.put("ref", "refs/heads/" + branch);
        inRepository(push, repo).put("default_branch", "main").put("master_branch", "main");
        ArrayNode list = push.putArray("commits");
        for (ObjectNode commit : commits) {
            list.add(commit);
        }
        return push;
    }

    /** A commit in the shape of the push fixture's, authored by a user with that login. */
    public static ObjectNode commit(String sha, String message, String login, String timestamp) {
        ObjectNode commit = LogJson.MAPPER.createObjectNode();
        commit.put("id", sha);
        commit.put("tree_id", sha);
        commit.put("distinct", true);
        commit.put("message", message);
        commit.put("timestamp", timestamp);
        commit.putObject("author").put("name", login + " (name)").put("email", login + "@example.com")
                .put("username", login);
        commit.putObject("committer").put("name", "GitHub").put("email", "noreply@github.com").put("username", "web-flow");
        return commit;
    }

    /** A pull request payload of the fixture for {@code action}, moved to {@code repo} and {@code number}. */
    public static ObjectNode pullRequest(String action, String repo, int number) {
        ObjectNode payload = fixture("pull_request", action + ".payload.json");
        inRepository(payload, repo);
        payload.put("number", number);
        ((ObjectNode) payload.path("pull_request")).put("number", number);
        return payload;
    }

    /** The closed fixture turned into a merge at {@code mergedAt} by {@code mergedBy}. */
    public static ObjectNode merged(String repo, int number, String mergedAt, String mergedBy) {
        ObjectNode payload = pullRequest("closed", repo, number);
        ObjectNode pr = (ObjectNode) payload.path("pull_request");
        pr.put("merged", true).put("merged_at", mergedAt).put("closed_at", mergedAt).put("updated_at", mergedAt);
        pr.putObject("merged_by").put("login", mergedBy).put("type", "User");
        sender(payload, mergedBy, "User");
        return payload;
    }

    /** Moves a payload to {@code repo}: its name, and an id of its own (ids, not names, key repositories). */
    public static ObjectNode inRepository(ObjectNode payload, String repo) {
        return ((ObjectNode) payload.path("repository")).put("full_name", repo).put("id", repositoryId(repo));
    }

    /** The id a test repository has: one per name. */
    public static long repositoryId(String repo) {
        return UUID.nameUUIDFromBytes(repo.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits() & Long.MAX_VALUE;
    }

    public static ObjectNode sender(ObjectNode payload, String login, String type) {
        payload.putObject("sender").put("login", login).put("type", type)
                .put("avatar_url", "https://avatars.example.com/" + login);
        return payload;
    }

    public static String sha() {
        byte[] bytes = new byte[20];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static String uniqueRepo() {
        return "orgpulse-test/repo-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ObjectNode read(byte[] json) {
        try {
            return (ObjectNode) LogJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
