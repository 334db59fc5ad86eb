package dev.orgpulse.projector.readmodel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.orgpulse.eventlog.FeedItem;
import dev.orgpulse.eventlog.ReadModel;
import dev.orgpulse.projector.fold.FeedEntry;
import dev.orgpulse.projector.fold.LogRecord;
import dev.orgpulse.projector.fold.RecordOutcome;

/** Counts what one transaction really wrote, to report it and to name the read models it changed. */
final class BatchTally {

    private final int records;
    private int folded;
    private int ignored;
    private int duplicates;
    private final List<DeadLetterNote> deadLetters = new ArrayList<>();
    private final Set<ReadModel> changed = EnumSet.noneOf(ReadModel.class);
    private final List<FeedItem> feed = new ArrayList<>();
    private boolean touched;

    BatchTally(int records) {
        this.records = records;
    }

    void folded() {
        folded++;
    }

    void ignored() {
        ignored++;
    }

    void duplicate() {
        duplicates++;
    }

    void deadLetter(LogRecord record, RecordOutcome.DeadLetter deadLetter) {
        deadLetters.add(new DeadLetterNote(record.toString(), deadLetter.deliveryId(), deadLetter.eventType(),
                deadLetter.reason()));
    }

    /** A row of the table changed: the read models that show it may read differently. */
    void tableChanged(ReadModelTable<?> table) {
        changed.addAll(table.shows());
        touched = true;
    }

    void feedItemAdded(long id, FeedEntry entry) {
        if (entry.activity()) {
            changed(ReadModel.FEED, ReadModel.STATS, ReadModel.CONTRIBUTORS, ReadModel.REPOS, ReadModel.HEATMAP);
        } else {
            changed(ReadModel.FEED);
        }
        feed.add(new FeedItem(id, entry.occurredAt().getEpochSecond(), entry.kind().wireName(), entry.dev(),
                entry.repo(), entry.message()));
    }

    private void changed(ReadModel... readModels) {
        changed.addAll(List.of(readModels));
        touched = true;
    }

    /** Whether the batch wrote anything: the read models' last update moves. */
    boolean changedAnything() {
        return touched;
    }

    BatchResult result(String readModelVersion, Map<Integer, Long> positions) {
        return new BatchResult(records, folded, ignored, duplicates, deadLetters, changed, positions, feed,
                readModelVersion);
    }
}
