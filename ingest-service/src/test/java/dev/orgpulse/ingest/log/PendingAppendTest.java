package dev.orgpulse.ingest.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletionException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class PendingAppendTest {

    private static final RecordMetadata POSITION = new RecordMetadata(new TopicPartition("orgpulse-events", 3), 41, 0,
            0, 5, 100);

    private final PendingAppend pending = new PendingAppend(new ProducerRecord<>("orgpulse-events", "key", new byte[1]),
            System.nanoTime());

    @Test
    void aRecordStillQueuedAtItsAckTimeoutIsNotAppendedAndJoinsNoTransaction() {
        pending.expire();

        assertInstanceOf(TimeoutException.class, failure());
        assertFalse(pending.join());
    }

    @Test
    void aRecordWhoseTransactionHasNotAskedToCommitAtItsAckTimeoutIsNotAppendedAndCannotBeCommitted() {
        assertTrue(pending.join());
        pending.sent(POSITION, null);

        pending.expire();

        assertInstanceOf(TimeoutException.class, failure());
        assertFalse(pending.commit());
    }

    @Test
    void aRecordBeingCommittedWaitsForTheCommitPastItsAckTimeout() {
        pending.join();
        pending.sent(POSITION, null);
        assertTrue(pending.commit());

        pending.expire();
        assertFalse(pending.outcome().toCompletableFuture().isDone());
        pending.committed();

        assertEquals(POSITION, pending.outcome().toCompletableFuture().join());
    }

    @Test
    void aRecordIsNotCommittedBeforeTheBrokerAnsweredItsSend() {
        pending.join();

        assertFalse(pending.commit());
    }

    @Test
    void aRecordWhoseSendFailedIsNotCommittedAndItsOwnFailureIsTheAnswer() {
        pending.join();
        pending.sent(null, new RecordTooLargeException("too large"));

        assertFalse(pending.commit());
        pending.notAppended(new KafkaException("the transaction was aborted"));

        assertInstanceOf(RecordTooLargeException.class, failure());
    }

    @Test
    void aCommitThatFailedAndCouldNotBeAbortedLeavesTheOutcomeUnknown() {
        pending.join();
        pending.sent(POSITION, null);
        pending.commit();

        pending.outcomeUnknown(new TimeoutException("commit timed out"));

        assertInstanceOf(LogOutcomeUnknownException.class, failure());
    }

    @Test
    void onlyARecordBeingCommittedCanBeCommitted() {
        pending.join();

        assertThrows(IllegalStateException.class, pending::committed);
    }

    @Test
    void theFirstAnswerStays() {
        pending.join();
        pending.sent(POSITION, null);
        pending.expire();

        pending.notAppended(new KafkaException("aborted later"));

        assertInstanceOf(TimeoutException.class, failure());
    }

    @Test
    void aCallerCancellingItsViewDoesNotDecideTheOutcome() {
        pending.outcome().toCompletableFuture().cancel(true);
        pending.join();
        pending.sent(POSITION, null);
        pending.commit();
        pending.committed();

        assertEquals(POSITION, pending.outcome().toCompletableFuture().join());
    }

    private Throwable failure() {
        CompletionException failed = assertThrows(CompletionException.class,
                () -> pending.outcome().toCompletableFuture().join());
        return failed.getCause();
    }
}
