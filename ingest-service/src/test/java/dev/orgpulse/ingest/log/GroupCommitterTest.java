package dev.orgpulse.ingest.log;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The group commit against Kafka's mock producer: what each sender is told for each way a transaction ends. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GroupCommitterTest {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);

    /** Every producer the committer created, the replacements after the first. */
    private final List<MockProducer<String, byte[]>> producers = new CopyOnWriteArrayList<>();
    private GroupCommitter committer;

    @AfterEach
    void close() {
        if (committer != null) {
            committer.close();
        }
    }

    @Test
    void recordsAreAnsweredWithTheirPositionsOnceTheirTransactionCommitted() {
        start(true, ACK_TIMEOUT, producer -> {
        });

        List<PendingAppend> appended = IntStream.range(0, 20).mapToObj(i -> committer.append(record("key-" + i)))
                .toList();

        for (PendingAppend pending : appended) {
            RecordMetadata position = pending.outcome().toCompletableFuture().join();
            assertEquals("orgpulse-events", position.topic());
        }
        MockProducer<String, byte[]> producer = producers.get(0);
        assertEquals(20, producer.history().size());
        assertTrue(producer.commitCount() >= 1 && producer.commitCount() <= 20, producer.commitCount() + " commits");
        assertFalse(producer.transactionAborted());
    }

    @Test
    void consecutiveTransactionsTakeTurnsOnTheProducersSoThatEachRestsWhileTheOtherCommits() {
        List<Integer> committedBy = new CopyOnWriteArrayList<>();
        committer = new GroupCommitter(index -> new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer()) {
            @Override
            public void commitTransaction() {
                super.commitTransaction();
                committedBy.add(index);
            }
        }, 1, 2, 512, ACK_TIMEOUT, "test-committer");

        for (int i = 0; i < 6; i++) {
            // each record waits for its commit: a transaction of its own
            committer.append(record("key-" + i)).outcome().toCompletableFuture().join();
        }

        assertEquals(6, committedBy.size());
        for (int i = 1; i < committedBy.size(); i++) {
            assertTrue(!committedBy.get(i).equals(committedBy.get(i - 1)), "producers in commit order: " + committedBy);
        }
    }

    @Test
    void aFailedCommitThatWasAbortedTellsTheSenderTheRecordIsNotOnTheLog() {
        start(true, ACK_TIMEOUT, producer -> producer.commitTransactionException = new KafkaException("refused"));

        Throwable failure = failure(committer.append(record("key")));

        assertFalse(failure instanceof LogOutcomeUnknownException, failure.toString());
        assertTrue(producers.get(0).transactionAborted());
    }

    @Test
    void aFailedCommitThatCouldNotBeAbortedLeavesTheOutcomeUnknownAndReplacesTheProducer() {
        start(true, ACK_TIMEOUT, producer -> {
            if (producers.size() == 1) {
                producer.commitTransactionException = new TimeoutException("commit timed out");
                producer.abortTransactionException = new TimeoutException("abort timed out");
            }
        });

        assertInstanceOf(LogOutcomeUnknownException.class, failure(committer.append(record("first"))));

        committer.append(record("second")).outcome().toCompletableFuture().join();
        assertTrue(producers.get(0).closed());
        assertEquals(2, producers.size());
    }

    @Test
    void aFencedProducerIsReplacedAndItsRecordsAreNotOnTheLog() {
        start(true, ACK_TIMEOUT, producer -> {
        });
        await().until(() -> !producers.isEmpty() && producers.get(0).transactionInitialized());
        // another process took the transactional id over
        producers.get(0).fenceProducer();

        failure(committer.append(record("first")));
        committer.append(record("second")).outcome().toCompletableFuture().join();

        assertEquals(2, producers.size());
        assertTrue(producers.get(0).closed());
    }

    @Test
    void aFailedSendAbortsItsTransactionAndItsSenderLearnsWhy() {
        start(false, ACK_TIMEOUT, producer -> {
        });
        PendingAppend pending = committer.append(record("key"));
        MockProducer<String, byte[]> producer = awaitSends(1);

        producer.errorNext(new RecordTooLargeException("too large"));

        assertInstanceOf(RecordTooLargeException.class, failure(pending));
        await().until(producer::transactionAborted);
        assertFalse(producer.transactionCommitted());
    }

    @Test
    void aTransactionWhoseSendsAreNotAnsweredWithinTheAckTimeoutIsAbortedAndItsRecordsAreNotOnTheLog() {
        start(false, Duration.ofSeconds(1), producer -> {
        });
        // the record must reach its transaction before the ack timeout fails it in the queue
        await().until(() -> !producers.isEmpty() && producers.get(0).transactionInitialized());
        PendingAppend pending = committer.append(record("key"));
        MockProducer<String, byte[]> producer = awaitSends(1);

        failure(pending);

        await().until(producer::transactionAborted);
        assertFalse(producer.transactionCommitted());
    }

    @Test
    void aRecordWaitingForALoopThatIsStuckIsToldItIsNotOnTheLogAtItsAckTimeout() {
        CountDownLatch broker = new CountDownLatch(1);
        committer = new GroupCommitter(index -> new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer()) {
            @Override
            public void initTransactions() {
                // a broker that never answers: the loop cannot take the record
                try {
                    broker.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, 1, 1, 512, Duration.ofMillis(300), "test-committer");
        try {
            long start = System.nanoTime();
            PendingAppend pending = committer.append(record("key"));

            assertInstanceOf(TimeoutException.class, failure(pending));
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos());
        } finally {
            broker.countDown();
        }
    }

    @Test
    void aRecordAppendedAfterCloseIsToldAtOnceItIsNotOnTheLog() {
        start(true, ACK_TIMEOUT, producer -> {
        });
        committer.close();

        assertInstanceOf(TimeoutException.class, failure(committer.append(record("key"))));
    }

    private void start(boolean answerSends, Duration ackTimeout, Consumer<MockProducer<String, byte[]>> setUp) {
        committer = new GroupCommitter(index -> {
            MockProducer<String, byte[]> producer = new MockProducer<>(answerSends, null, new StringSerializer(),
                    new ByteArraySerializer()) {
                @Override
                public synchronized void flush() {
                    // the mock's flush answers every send; a real one waits for the broker, which is the test here
                    if (answerSends) {
                        super.flush();
                    }
                }
            };
            producers.add(producer);
            setUp.accept(producer);
            return producer;
        }, 1, 1, 512, ackTimeout, "test-committer");
    }

    private MockProducer<String, byte[]> awaitSends(int records) {
        await().until(() -> !producers.isEmpty() && producers.get(0).uncommittedRecords().size() == records);
        return producers.get(0);
    }

    private static ProducerRecord<String, byte[]> record(String key) {
        return new ProducerRecord<>("orgpulse-events", key, new byte[] { 1 });
    }

    private static Throwable failure(PendingAppend pending) {
        return assertThrows(CompletionException.class, () -> pending.outcome().toCompletableFuture().join())
                .getCause();
    }
}
