package dev.orgpulse.ingest.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

/**
 * Appends records to the log in Kafka transactions, many records per transaction (group commit): each loop, on a thread
 * of its own, takes the records waiting (up to a batch), sends them in one transaction of the transactional producer
 * that rested longest, commits it, then answers each record's sender. Records that arrive while a transaction is in
 * flight join the next one, so throughput grows with the number of senders while each pays one commit.
 * <p>
 * A transaction makes "not on the log" provable: readers of the log read committed records only, so a record whose
 * transaction never asked to commit, or was aborted, is never read (see {@link PendingAppend} for what each sender is
 * told when). A producer whose transaction could not be aborted (fenced, broker gone) is closed and replaced; its
 * successor's {@code initTransactions} (same transactional id) ends whatever the old one left open.
 * <p>
 * The ack timeout of every record is watched by one thread for all ({@link #expireOverdue}), not by a timer per record:
 * records arrive in the order of their deadlines, so it only ever looks at the oldest record not yet answered.
 */
final class GroupCommitter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GroupCommitter.class);
    /** How long an idle loop waits for a record before it looks whether it should stop. */
    private static final Duration IDLE_WAIT = Duration.ofMillis(200);
    /** Between attempts to open a producer while the broker does not answer. */
    private static final Duration REOPEN_PAUSE = Duration.ofSeconds(1);
    /**
     * How often the ack timeout's watchdog lets go of the records answered meanwhile; the bodies it holds stay below
     * what arrives in this time.
     */
    private static final long WATCHDOG_SWEEP_NANOS = Duration.ofMillis(50).toNanos();

    private final BlockingQueue<PendingAppend> queue = new LinkedBlockingQueue<>();
    /** Every record its transaction has not answered yet (and some just answered), oldest first. */
    private final ConcurrentLinkedQueue<PendingAppend> unanswered = new ConcurrentLinkedQueue<>();
    private final IntFunction<Producer<String, byte[]>> producers;
    private final int maxRecordsPerTransaction;
    private final Duration ackTimeout;
    /**
     * The producers not in a transaction, the one that rested longest first. A producer's next transaction must wait
     * until the broker has written the markers of its last one (with transaction version 2, the broker makes a produce
     * that comes sooner wait and retry, 20 ms by default); taking the producer that rested longest lets the markers be
     * written while another producer's transaction runs.
     */
    private final BlockingQueue<ProducerSlot> resting = new LinkedBlockingQueue<>();
    private final List<Thread> loops = new ArrayList<>();
    private final Thread watchdog;
    private volatile boolean running = true;

    /**
     * @param producers creates the transactional producer of the loop with the given index (uninitialised); called
     *        again for a replacement
     * @param ackTimeout how long a record may wait before its sender is told it is not on the log, unless its
     *        transaction asked to commit by then
     */
    GroupCommitter(IntFunction<Producer<String, byte[]>> producers, int transactionsInFlight, int producerCount,
            int maxRecordsPerTransaction, Duration ackTimeout, String name) {
        if (producerCount < transactionsInFlight) {
            throw new IllegalArgumentException("each transaction in flight needs a producer of its own");
        }
        this.producers = producers;
        this.maxRecordsPerTransaction = maxRecordsPerTransaction;
        this.ackTimeout = ackTimeout;
        for (int index = 0; index < producerCount; index++) {
            resting.add(new ProducerSlot(index));
        }
        for (int index = 0; index < transactionsInFlight; index++) {
            Thread loop = new Thread(this::run, name + "-" + index);
            loop.setDaemon(true);
            loops.add(loop);
            loop.start();
        }
        watchdog = new Thread(this::expireOverdue, name + "-ack-timeout");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /**
     * Queues a record for the next transaction; its {@link PendingAppend#outcome} answers the sender, by the ack timeout
     * at the latest (unless its transaction asked to commit by then: then the commit's outcome does).
     */
    PendingAppend append(ProducerRecord<String, byte[]> record) {
        PendingAppend pending = new PendingAppend(record, System.nanoTime() + ackTimeout.toNanos());
        unanswered.add(pending);
        queue.add(pending);
        if (!running) {
            // no transaction takes records any more
            pending.expire();
        }
        return pending;
    }

    /**
     * Fails each record whose ack timeout ran out before its transaction asked to commit ({@link PendingAppend#expire}),
     * whatever the transaction loops are doing (waiting for a broker that is gone, say). Records are added in the order
     * of their deadlines (but for two appends racing each other, microseconds apart), so the oldest unanswered one is
     * the next to expire: it waits for that one's deadline, or less to let go of the records answered meanwhile. Ends
     * once the loops have: what is left can no longer be appended.
     */
    private void expireOverdue() {
        while (running || loops.stream().anyMatch(Thread::isAlive)) {
            PendingAppend oldest = unanswered.peek();
            if (oldest == null) {
                LockSupport.parkNanos(WATCHDOG_SWEEP_NANOS);
            } else if (oldest.answered()) {
                unanswered.poll();
            } else {
                long left = oldest.deadlineNanos() - System.nanoTime();
                if (left <= 0) {
                    oldest.expire();
                    unanswered.poll();
                } else {
                    LockSupport.parkNanos(Math.min(left, WATCHDOG_SWEEP_NANOS));
                }
            }
        }
        for (PendingAppend left; (left = unanswered.poll()) != null;) {
            left.expire();
        }
    }

    private void run() {
        List<PendingAppend> batch = new ArrayList<>(maxRecordsPerTransaction);
        try {
            while (running) {
                ProducerSlot slot = resting.take();
                try {
                    if (slot.producer == null) {
                        slot.producer = open(slot.index);
                        continue;
                    }
                    batch.clear();
                    try {
                        if (take(batch) && !transact(slot.producer, batch)) {
                            slot.discard();
                        }
                    } catch (RuntimeException e) {
                        // the loop must outlive anything unforeseen: it is the only way records reach the log
                        LOG.errorf(e, "Log producer %d failed unexpectedly; replacing it", slot.index);
                        batch.forEach(pending -> pending.failed(e));
                        slot.discard();
                    }
                } finally {
                    resting.add(slot);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return an initialised producer, or {@code null} after a pause when the broker did not answer */
    private Producer<String, byte[]> open(int index) throws InterruptedException {
        Producer<String, byte[]> producer = null;
        try {
            producer = producers.apply(index);
            producer.initTransactions();
            return producer;
        } catch (RuntimeException e) {
            if (producer != null) {
                closeQuietly(producer, Duration.ZERO);
            }
            LOG.warnf("Log producer %d could not start its transactions, retrying: %s", index, e.toString());
            // the records queued meanwhile that ran out of time were answered already: drop them
            queue.removeIf(PendingAppend::answered);
            Thread.sleep(REOPEN_PAUSE.toMillis());
            return null;
        }
    }

    private static void closeQuietly(Producer<String, byte[]> producer, Duration grace) {
        try {
            producer.close(grace);
        } catch (RuntimeException e) {
            LOG.debugf("A log producer failed to close: %s", e);
        }
    }

    /** @return whether records were taken that still wait for a transaction */
    private boolean take(List<PendingAppend> batch) throws InterruptedException {
        PendingAppend first = queue.poll(IDLE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        batch.add(first);
        queue.drainTo(batch, maxRecordsPerTransaction - 1);
        batch.removeIf(pending -> !pending.join());
        return !batch.isEmpty();
    }

    /** @return whether the producer can run the next transaction */
    private boolean transact(Producer<String, byte[]> producer, List<PendingAppend> batch) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        try {
            producer.beginTransaction();
            for (PendingAppend pending : batch) {
                sends.add(producer.send(pending.record(), pending::sent));
            }
            // sends them all at once (the producer lingers); returns once each is answered or failed, within the
            // producer's delivery timeout, which is shorter than the ack timeout
            producer.flush();
        } catch (RuntimeException e) {
            return abandon(producer, batch, e);
        }
        awaitSends(sends, batch);
        boolean mayCommit = true;
        for (PendingAppend pending : batch) {
            // every record is asked: those that may are committing now, and learn the outcome of whatever follows
            mayCommit &= pending.commit();
        }
        if (!mayCommit) {
            return abandon(producer, batch,
                    new KafkaException("a record of the transaction was not sent within its ack timeout"));
        }
        try {
            producer.commitTransaction();
        } catch (RuntimeException e) {
            return abortAfterFailedCommit(producer, batch, e);
        }
        batch.forEach(PendingAppend::committed);
        return true;
    }

    /** Waits for the broker's answers to the sends, until the first ack timeout of the batch runs out. */
    private static void awaitSends(List<Future<RecordMetadata>> sends, List<PendingAppend> batch) {
        long deadline = batch.stream().mapToLong(PendingAppend::deadlineNanos).min().orElseThrow();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                // the send's callback recorded the failure
            } catch (TimeoutException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The transaction never asked to commit, so none of its records will be read: their senders are told so at once.
     *
     * @return whether the transaction could be aborted, leaving the producer usable
     */
    private static boolean abandon(Producer<String, byte[]> producer, List<PendingAppend> batch, Exception cause) {
        batch.forEach(pending -> pending.notAppended(cause));
        try {
            producer.abortTransaction();
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("A log transaction that never committed could not be aborted; replacing its producer: %s",
                    e.toString());
            return false;
        }
    }

    /**
     * The commit failed; only an abort that succeeds proves the records are not on the log.
     *
     * @return whether the producer is still usable
     */
    private static boolean abortAfterFailedCommit(Producer<String, byte[]> producer, List<PendingAppend> batch,
            RuntimeException commitFailure) {
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            LOG.errorf("A log transaction of %d records failed to commit (%s) and to abort (%s): their senders are "
                    + "told the outcome is unknown", batch.size(), commitFailure, e);
            batch.forEach(pending -> pending.outcomeUnknown(commitFailure));
            return false;
        }
        LOG.warnf("A log transaction of %d records failed to commit and was aborted: %s", batch.size(),
                commitFailure.toString());
        batch.forEach(pending -> pending.notAppended(commitFailure));
        return true;
    }

    /** Stops taking records; the transactions in flight get the ack timeout to end. */
    @Override
    public void close() {
        running = false;
        for (Thread loop : loops) {
            try {
                loop.join(ackTimeout.multipliedBy(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        resting.forEach(slot -> slot.close(ackTimeout));
        LockSupport.unpark(watchdog);
    }

    /** One of the transactional producers, by the index its transactional id is made from. */
    private static final class ProducerSlot {
        final int index;
        /** {@code null} until opened, and after a failure left it unusable */
        Producer<String, byte[]> producer;

        ProducerSlot(int index) {
            this.index = index;
        }

        void discard() {
            close(Duration.ZERO);
        }

        void close(Duration grace) {
            if (producer != null) {
                closeQuietly(producer, grace);
                producer = null;
            }
        }
    }
}
