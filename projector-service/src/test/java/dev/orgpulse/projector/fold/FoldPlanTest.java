package dev.orgpulse.projector.fold;

import static dev.orgpulse.projector.support.Payloads.bytes;
import static dev.orgpulse.projector.support.Payloads.delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.GitHubPayloads;
import dev.orgpulse.eventlog.LogHeaders;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.projector.support.Payloads;

class FoldPlanTest {

    private static final byte[] PUSH = bytes(Payloads.fixture("push", "with-new-branch.payload.json"));

    private final RecordFolder folder = new RecordFolder();

    @Test
    void aReadablePushIsFolded() {
        RecordOutcome outcome = folder.fold(record(0, 10, delivery("push", "d-1").toHeaders(), PUSH));

        RecordOutcome.Folded folded = assertInstanceOf(RecordOutcome.Folded.class, outcome);
        assertEquals("d-1", folded.deliveryId());
        assertEquals(1, folded.changes().commits().size());
    }

    @Test
    void aFormEncodedDeliveryIsFoldedLikeJson() {
        byte[] form = ("payload=" + URLEncoder.encode(new String(PUSH, StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.US_ASCII);
        DeliveryMetadata metadata = DeliveryMetadata.accepted(Sources.GITHUB, "push", "d-1", Payloads.RECEIVED_AT,
                GitHubPayloads.FORM_CONTENT_TYPE, "secret-1");

        RecordOutcome outcome = folder.fold(record(0, 10, metadata.toHeaders(), form));

        assertEquals(1, assertInstanceOf(RecordOutcome.Folded.class, outcome).changes().commits().size());
    }

    @Test
    void aBodyThatIsNotJsonIsADeadLetterWithItsDeliveryId() {
        RecordOutcome outcome = folder.fold(record(0, 10, delivery("push", "d-1").toHeaders(),
                "this is not json".getBytes(StandardCharsets.UTF_8)));

        RecordOutcome.DeadLetter deadLetter = assertInstanceOf(RecordOutcome.DeadLetter.class, outcome);
        assertEquals("d-1", deadLetter.deliveryId());
        assertEquals("push", deadLetter.eventType());
        assertTrue(deadLetter.reason().contains("JSON"), deadLetter.reason());
    }

    @Test
    void unreadableHeadersAreADeadLetterKeepingWhatCouldBeRead() {
        Headers headers = new RecordHeaders().add(LogHeaders.DELIVERY_ID, "d-1".getBytes(StandardCharsets.UTF_8));

        RecordOutcome outcome = folder.fold(record(0, 10, headers, PUSH));

        RecordOutcome.DeadLetter deadLetter = assertInstanceOf(RecordOutcome.DeadLetter.class, outcome);
        assertEquals("d-1", deadLetter.deliveryId());
        assertNull(deadLetter.eventType());
        assertTrue(deadLetter.reason().startsWith("unreadable headers"), deadLetter.reason());
    }

    @Test
    void aRecordWithoutHeadersIsADeadLetterWithoutDeliveryId() {
        RecordOutcome outcome = folder.fold(record(0, 10, new RecordHeaders(), PUSH));

        assertNull(assertInstanceOf(RecordOutcome.DeadLetter.class, outcome).deliveryId());
    }

    @Test
    void aPayloadTheFoldCannotUseIsADeadLetter() {
        RecordOutcome outcome = folder.fold(record(0, 10, delivery("push", "d-1").toHeaders(), "{}".getBytes()));

        assertTrue(assertInstanceOf(RecordOutcome.DeadLetter.class, outcome).reason().contains("/repository/full_name"));
    }

    @Test
    void aNewerContractVersionIsADeadLetterToReFoldAfterAnUpgrade() {
        DeliveryMetadata future = new DeliveryMetadata(Sources.GITHUB, "push", "d-1", Payloads.RECEIVED_AT,
                "application/json", "secret-1", "2");

        RecordOutcome outcome = folder.fold(record(0, 10, future.toHeaders(), PUSH));

        assertTrue(assertInstanceOf(RecordOutcome.DeadLetter.class, outcome).reason().contains("contract version 2"));
    }

    @Test
    void eventTypesWithoutAFoldAreIgnoredWithoutReadingTheBody() {
        RecordOutcome ping = folder.fold(record(0, 10, delivery("ping", "d-1").toHeaders(), "not json".getBytes()));
        DeliveryMetadata meet = DeliveryMetadata.accepted(Sources.PUBSUB,
                "google.workspace.meet.transcript.v2.fileGenerated", "m-1", Payloads.RECEIVED_AT, "application/json",
                "sa");
        RecordOutcome pubsub = folder.fold(record(0, 11, meet.toHeaders(), "not json".getBytes()));

        assertEquals("d-1", assertInstanceOf(RecordOutcome.Ignored.class, ping).deliveryId());
        assertEquals("m-1", assertInstanceOf(RecordOutcome.Ignored.class, pubsub).deliveryId());
    }

    @Test
    void aDeliveryTwiceInOneBatchIsADuplicateTheSecondTime() {
        FoldPlan plan = FoldPlan.of(List.of(
                record(0, 10, delivery("push", "d-1").toHeaders(), PUSH),
                record(0, 11, delivery("push", "d-1").toHeaders(), PUSH)), folder);

        assertInstanceOf(RecordOutcome.Folded.class, plan.records().get(0).outcome());
        assertEquals("d-1", assertInstanceOf(RecordOutcome.Duplicate.class, plan.records().get(1).outcome()).deliveryId());
    }

    @Test
    void aDeadLetterDoesNotHideAReadableCopyOfTheSameDelivery() {
        FoldPlan plan = FoldPlan.of(List.of(
                record(0, 10, delivery("push", "d-1").toHeaders(), "broken".getBytes()),
                record(0, 11, delivery("push", "d-1").toHeaders(), PUSH)), folder);

        assertInstanceOf(RecordOutcome.DeadLetter.class, plan.records().get(0).outcome());
        assertInstanceOf(RecordOutcome.Folded.class, plan.records().get(1).outcome());
    }

    @Test
    void theNextOffsetOfEachPartitionFollowsItsLastRecord() {
        FoldPlan plan = FoldPlan.of(List.of(
                record(0, 10, delivery("push", "d-1").toHeaders(), PUSH),
                record(3, 4, delivery("push", "d-2").toHeaders(), PUSH),
                record(0, 11, new RecordHeaders(), PUSH)), folder);

        assertEquals(Map.of(new TopicPartition(Topics.EVENTS, 0), 12L, new TopicPartition(Topics.EVENTS, 3), 5L),
                plan.nextOffsets());
    }

    @Test
    void aRecordTurnedIntoADeadLetterKeepsItsDeliveryAndPosition() {
        PlannedRecord planned = FoldPlan.of(List.of(record(2, 7, delivery("push", "d-1").toHeaders(), PUSH)), folder)
                .records().get(0);

        PlannedRecord deadLetter = planned.asDeadLetter("PostgreSQL refused its writes");

        assertEquals(planned.record(), deadLetter.record());
        assertEquals(new RecordOutcome.DeadLetter("d-1", "push", "PostgreSQL refused its writes"), deadLetter.outcome());
    }

    private static LogRecord record(int partition, long offset, Headers headers, byte[] value) {
        return new LogRecord(Topics.EVENTS, partition, offset, headers, value);
    }
}
