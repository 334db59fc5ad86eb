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

    void personChanged() {
        changed(ReadModel.CONTRIBUTORS);
    }

    /**
     * Names are shown through the repository table: the feed, contributors, top repositories, pull requests and CI
     * runs may read differently.
     */
    void repositoryChanged() {
        changed(ReadModel.FEED, ReadModel.CONTRIBUTORS, ReadModel.REPOS, ReadModel.PULL_REQUESTS, ReadModel.CI_RUNS);
    }

    void pullRequestChanged() {
        changed(ReadModel.STATS, ReadModel.PULL_REQUESTS);
    }

    void reviewChanged() {
        changed(ReadModel.PULL_REQUESTS);
    }

    /** A workflow run, job or check run. */
    void ciChanged() {
        changed(ReadModel.CI_RUNS);
    }

    /** A meeting, a participant session or who a participant is: the meetings and the attendance read differently. */
    void meetingChanged() {
        changed(ReadModel.MEETINGS);
    }

    void activityCounted() {
        changed(ReadModel.HEATMAP);
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

    /**
     * A row changed that no change-notice name stands for (commits and pushes, seen through their feed items;
     * deployments; Meet subscriptions' lifecycle, shown on the projector's own status): nothing to announce.
     */
    void touched() {
        touched = true;
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
