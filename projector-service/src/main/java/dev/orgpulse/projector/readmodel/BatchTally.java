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

    void personChanged() {
        changed.add(ReadModel.CONTRIBUTORS);
    }

    void commitAdded() {
        changed.addAll(EnumSet.of(ReadModel.STATS, ReadModel.CONTRIBUTORS, ReadModel.REPOS, ReadModel.HEATMAP));
    }

    void pullRequestChanged() {
        changed.addAll(EnumSet.of(ReadModel.STATS, ReadModel.PULL_REQUESTS));
    }

    void feedItemAdded(long id, FeedEntry entry) {
        changed.addAll(EnumSet.of(ReadModel.FEED, ReadModel.STATS, ReadModel.CONTRIBUTORS, ReadModel.REPOS,
                ReadModel.HEATMAP));
        feed.add(new FeedItem(id, entry.occurredAt().getEpochSecond(), entry.kind().wireName(), entry.dev(),
                entry.repo(), entry.message()));
    }

    boolean changedReadModels() {
        return !changed.isEmpty();
    }

    BatchResult result(String readModelVersion, Map<Integer, Long> positions) {
        return new BatchResult(records, folded, ignored, duplicates, deadLetters, changed, positions, feed,
                readModelVersion);
    }
}
