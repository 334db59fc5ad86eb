package dev.orgpulse.projector.fold;

import static dev.orgpulse.projector.support.Payloads.delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.projector.support.Payloads;

class DeploymentFoldTest {

    private static final long REPO_ID = 186853002L;
    private static final String REPO = "Codertocat/Hello-World";

    private final DeploymentFold fold = new DeploymentFold();

    @Test
    void aCreatedDeploymentIsItsRowAndNoItemYet() {
        ReadModelChanges changes = changes("deployment", Payloads.fixture("deployment", "payload.json"));

        assertEquals(List.of(new DeploymentRow(145988746L, REPO_ID, REPO, "production", "master",
                "f95f852bd8fca8fcc58a9a2d6c842781e32a215e", "deploy", "Codertocat", false,
                Instant.parse("2019-05-15T15:20:53Z"), Instant.parse("2019-05-15T15:20:53Z"))), changes.deployments());
        assertEquals(List.of(), changes.deploymentStatuses());
        assertEquals(List.of(), changes.feed());
    }

    @Test
    void aSuccessfulStatusIsTheDeploymentItemByItsCreator() {
        ReadModelChanges changes = changes("deployment_status", Payloads.fixture("deployment_status", "payload.json"));

        Instant succeededAt = Instant.parse("2019-05-15T15:20:55Z");
        assertEquals(List.of(new DeploymentStatusRow(209916254L, 145988746L, "success", "Codertocat", "production",
                succeededAt)), changes.deploymentStatuses());
        assertEquals(List.of(new FeedEntry("deployment:145988746", succeededAt, FeedKind.DEPLOYMENT, "Codertocat",
                REPO_ID, REPO, "production: master", false)), changes.feed());
        assertEquals(Instant.parse("2019-05-15T15:20:55Z"), changes.deployments().get(0).updatedAt());
    }

    @Test
    void aStatusOnTheWayIsKeptWithoutItemAndABotsDeploymentIsMarked() {
        ReadModelChanges changes = changes("deployment_status",
                Payloads.fixture("deployment_status", "gh-pages.payload.json"));

        assertEquals("in_progress", changes.deploymentStatuses().get(0).state());
        assertEquals(List.of(), changes.feed());
        assertTrue(changes.deployments().get(0).bot());
    }

    private ReadModelChanges changes(String eventType, ObjectNode payload) {
        return assertInstanceOf(RecordOutcome.Folded.class, fold.fold(delivery(eventType, "d-1"), payload)).changes();
    }
}
