package dev.orgpulse.projector.deadletter;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgpulse.projector.fold.FoldPlan;
import dev.orgpulse.projector.fold.LogRecord;
import dev.orgpulse.projector.fold.PlannedRecord;
import dev.orgpulse.projector.fold.RecordFolder;
import dev.orgpulse.projector.readmodel.DatabaseErrors;
import dev.orgpulse.projector.readmodel.FoldTransaction;
import dev.orgpulse.projector.stream.ChangeNoticePublisher;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Folding dead letters again after a fix: each record is read back from the log at its position and folded by the
 * same folds and the same transaction as the live fold ({@link FoldTransaction#refold}), so its effect is the one it
 * would have had, once: a delivery folded since is a duplicate, a second retry finds nothing to do.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final RecordFolder folder = new RecordFolder();
    private final DeadLetterStore store;
    private final LogPositions log;
    private final FoldTransaction transaction;
    private final ChangeNoticePublisher notices;

    public DeadLetters(DeadLetterStore store, LogPositions log, FoldTransaction transaction,
            ChangeNoticePublisher notices) {
        this.store = store;
        this.log = log;
        this.transaction = transaction;
        this.notices = notices;
    }

    /** @throws DeadLetterNotFoundException when no dead letter has that id (any more) */
    public Uni<RetryOutcome> retry(long id) {
        return Uni.createFrom().item(() -> store.find(id).orElseThrow(() -> new DeadLetterNotFoundException(id)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(deadLetter -> log.read(deadLetter.topic(), deadLetter.partition(), deadLetter.offset()))
                .chain(record -> refold(id, record));
    }

    /** Every dead letter, oldest first, one after the other. */
    public Uni<RetryReport> retryAll() {
        return Uni.createFrom().item(store::ids).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
                .onItem().transformToUniAndConcatenate(id -> retry(id)
                        .onFailure(DeadLetterNotFoundException.class).recoverWithNull())
                .collect().asList()
                .map(outcomes -> RetryReport.of(outcomes.stream().filter(outcome -> outcome != null).toList()));
    }

    private Uni<RetryOutcome> refold(long id, LogRecord record) {
        PlannedRecord planned = FoldPlan.of(List.of(record), folder).records().get(0);
        return transaction.refold(planned, id)
                .onFailure(DatabaseErrors::rejectedData).recoverWithUni(refused -> transaction.refold(
                        planned.asDeadLetter(DatabaseErrors.refusalReason(refused)), id))
                .invoke(notices::publishChanges)
                .map(result -> RetryOutcome.of(id, result))
                .invoke(outcome -> LOG.infof("Dead letter %d (delivery %s at %s) folded again: %s%s", id,
                        planned.outcome().deliveryId(), record, outcome.outcome(),
                        outcome.reason() == null ? "" : ", " + outcome.reason()));
    }

    public DeadLetterPage page(int page, int size) {
        return store.page(page, size);
    }
}
