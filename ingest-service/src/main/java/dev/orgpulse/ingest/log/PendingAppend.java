package dev.orgpulse.ingest.log;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * One record on its way into a log transaction, and what its sender is told. The states only move forward:
 * {@code QUEUED -> IN_TRANSACTION -> COMMITTING -> COMMITTED}, or to {@code FAILED} from any but the last.
 * <p>
 * The sender is told the record is not on the log only while that is certain: before its transaction asked to commit
 * (a transaction never committed is never visible to {@code read_committed} readers). Once the commit was asked for,
 * only the commit's own outcome answers: {@link #committed}, {@link #notAppended} (the commit failed and the abort
 * succeeded) or {@link #outcomeUnknown}. The ack timeout ({@link #expire}) therefore fails a record that is still queued
 * or in a transaction that has not asked to commit yet; the transaction then cannot commit it ({@link #commit} says no).
 */
final class PendingAppend {

    enum State {
        QUEUED, IN_TRANSACTION, COMMITTING, COMMITTED, FAILED
    }

    private final ProducerRecord<String, byte[]> record;
    private final long deadlineNanos;
    private final CompletableFuture<RecordMetadata> outcome = new CompletableFuture<>();
    private State state = State.QUEUED;
    private RecordMetadata position;
    private Exception sendFailure;

    /** @param deadlineNanos when the ack timeout runs out, on {@link System#nanoTime}'s clock */
    PendingAppend(ProducerRecord<String, byte[]> record, long deadlineNanos) {
        this.record = record;
        this.deadlineNanos = deadlineNanos;
    }

    ProducerRecord<String, byte[]> record() {
        return record;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    /**
     * Where the record was appended once its transaction committed; else why it is not (or may not be) on the log. A
     * view of its own for each caller: a caller that cancels its view (a timeout) does not decide the outcome.
     */
    CompletionStage<RecordMetadata> outcome() {
        return outcome.minimalCompletionStage();
    }

    synchronized State state() {
        return state;
    }

    /** @return whether the record joins the transaction being opened; not when its ack timeout already failed it */
    synchronized boolean join() {
        if (state != State.QUEUED) {
            return false;
        }
        state = State.IN_TRANSACTION;
        return true;
    }

    /** The broker's answer to the record's send (within the open transaction). */
    synchronized void sent(RecordMetadata position, Exception failure) {
        this.position = position;
        this.sendFailure = failure;
    }

    /** @return whether the send was answered yet */
    synchronized boolean settled() {
        return position != null || sendFailure != null;
    }

    /**
     * Asked just before its transaction commits.
     *
     * @return whether the record may be committed: it was sent and not failed by its ack timeout. When any record of
     *         a transaction may not, the transaction is aborted instead.
     */
    synchronized boolean commit() {
        if (state != State.IN_TRANSACTION || sendFailure != null || position == null) {
            return false;
        }
        state = State.COMMITTING;
        return true;
    }

    /** The ack timeout ran out: fails the record unless its transaction already asked to commit. */
    void expire() {
        synchronized (this) {
            if (state != State.QUEUED && state != State.IN_TRANSACTION) {
                return;
            }
            state = State.FAILED;
        }
        outcome.completeExceptionally(new TimeoutException("not appended to the log within the ack timeout"));
    }

    /** Its transaction committed. */
    void committed() {
        RecordMetadata appended;
        synchronized (this) {
            if (state != State.COMMITTING) {
                throw new IllegalStateException("a record " + state + " cannot have been committed");
            }
            state = State.COMMITTED;
            appended = position;
        }
        outcome.complete(appended);
    }

    /**
     * The record is certainly not on the log: its transaction never asked to commit, or was aborted. The record's own
     * send failure, if it had one, is the reason given (a record too large, say).
     */
    void notAppended(Exception cause) {
        Exception reason;
        synchronized (this) {
            if (state == State.COMMITTED || state == State.FAILED) {
                return;
            }
            state = State.FAILED;
            reason = sendFailure != null ? sendFailure : cause;
        }
        outcome.completeExceptionally(reason);
    }

    /** The commit failed and the abort failed too: the record may or may not be on the log. */
    void outcomeUnknown(Exception cause) {
        synchronized (this) {
            if (state != State.COMMITTING) {
                throw new IllegalStateException("a record " + state + " was not being committed");
            }
            state = State.FAILED;
        }
        outcome.completeExceptionally(new LogOutcomeUnknownException(cause));
    }

    /**
     * Something unforeseen ended the record's transaction: the record is not on the log unless its transaction had
     * asked to commit, and then that is not known.
     */
    void failed(Exception cause) {
        if (state() == State.COMMITTING) {
            outcomeUnknown(cause);
        } else {
            notAppended(cause);
        }
    }

    /** @return whether the sender has its answer already, so the record needs no more work */
    synchronized boolean answered() {
        return state == State.COMMITTED || state == State.FAILED;
    }
}
