package dev.orgpulse.projector.stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgpulse.projector.fold.FoldPlan;
import dev.orgpulse.projector.fold.PlannedRecord;
import dev.orgpulse.projector.readmodel.BatchResult;
import dev.orgpulse.projector.readmodel.DatabaseErrors;
import dev.orgpulse.projector.readmodel.FoldTransaction;
import dev.orgpulse.projector.readmodel.PreparedBatch;
import dev.orgpulse.projector.version.FoldTarget;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Writes a planned batch into a version, for the live fold and rebuilds alike. Should PostgreSQL refuse the batch's
 * data, its records are written one transaction each and the refused one becomes a dead letter.
 */
@ApplicationScoped
public class BatchWriter {

    private static final Logger LOG = Logger.getLogger(BatchWriter.class);

    private final FoldTransaction transaction;

    public BatchWriter(FoldTransaction transaction) {
        this.transaction = transaction;
    }

    public Uni<BatchResult> write(FoldTarget target, PreparedBatch batch) {
        FoldPlan plan = batch.plan();
        return transaction.apply(target, batch)
                .onFailure(DatabaseErrors::rejectedData).recoverWithUni(refused -> {
                    LOG.warnf("PostgreSQL refused the batch up to %s in %s (%s); writing its records one by one",
                            plan.nextOffsets(), target.version(), DatabaseErrors.describe(refused));
                    return Multi.createFrom().iterable(plan.records())
                            .onItem().transformToUniAndConcatenate(record -> writeAlone(target, record))
                            .collect().asList()
                            .map(BatchResult::combine);
                });
    }

    private Uni<BatchResult> writeAlone(FoldTarget target, PlannedRecord record) {
        return transaction.apply(target, FoldPlan.of(record))
                .onFailure(DatabaseErrors::rejectedData).recoverWithUni(refused -> {
                    return transaction.apply(target, FoldPlan.of(record.asDeadLetter(DatabaseErrors.refusalReason(refused))));
                });
    }
}
