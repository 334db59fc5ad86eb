package dev.orgpulse.ingest.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.eventlog.LogJson;
import dev.orgpulse.testing.Fixtures;

class TruncatedPushTest {

    @Test
    void aCompletePushIsNotTruncated() throws Exception {
        ObjectNode push = fixture();

        assertEquals(Optional.empty(), TruncatedPush.of(push));
    }

    @Test
    void commitsStoppingShortOfAfterAreCompletedFromTheLastListedOne() throws Exception {
        ObjectNode push = withCommits(3);
        push.put("after", "f".repeat(40));

        TruncatedPush truncated = TruncatedPush.of(push).orElseThrow();

        assertEquals("/repos/Codertocat/Hello-World/compare/" + sha(2) + "..." + "f".repeat(40),
                truncated.comparePath());
        assertEquals(3, truncated.listed().size());
    }

    @Test
    void aFullListOf2048EndingAtAfterIsComparedFromBefore() throws Exception {
        ObjectNode push = withCommits(TruncatedPush.MAX_COMMITS);
        push.put("before", "a".repeat(40)).put("after", sha(TruncatedPush.MAX_COMMITS - 1));

        TruncatedPush truncated = TruncatedPush.of(push).orElseThrow();

        assertTrue(truncated.comparePath().endsWith("/compare/" + "a".repeat(40) + "..."
                + sha(TruncatedPush.MAX_COMMITS - 1)));
        push.put("before", "0".repeat(40));
        assertTrue(TruncatedPush.of(push).orElseThrow().comparePath().contains("/compare/master..."),
                "a new branch is compared from the default branch");
    }

    @Test
    void tagsDeletionsAndEmptyPushesAreLeftAlone() throws Exception {
        ObjectNode tag = withCommits(1);
        tag.put("ref", "refs/tags/v1").put("after", "f".repeat(40));
        ObjectNode deleted = withCommits(1);
        deleted.put("deleted", true).put("after", "0".repeat(40));
        ObjectNode empty = withCommits(0);
        empty.put("after", "f".repeat(40));

        assertEquals(Optional.empty(), TruncatedPush.of(tag));
        assertEquals(Optional.empty(), TruncatedPush.of(deleted));
        assertEquals(Optional.empty(), TruncatedPush.of(empty));
    }

    private static ObjectNode withCommits(int count) throws Exception {
        ObjectNode push = fixture();
        ArrayNode commits = push.putArray("commits");
        for (int i = 0; i < count; i++) {
            commits.addObject().put("id", sha(i)).put("message", "c" + i);
        }
        return push;
    }

    private static ObjectNode fixture() throws Exception {
        return (ObjectNode) LogJson.MAPPER.readTree(Fixtures.github("push", "with-new-branch.payload.json"));
    }

    private static String sha(int n) {
        return String.format("%040x", n + 1);
    }
}
