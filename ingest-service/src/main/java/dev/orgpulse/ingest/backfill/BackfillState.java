package dev.orgpulse.ingest.backfill;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What is known of one backfill, as kept on {@link dev.orgpulse.eventlog.Topics#BACKFILLS} (its latest record per
 * id): enough for any replica to report it and for the leader to resume it where it stopped.
 *
 * @param reposFinished the repositories whose records are all on the log: a resumed backfill skips them
 */
public record BackfillState(
        String id,
        String org,
        Instant since,
        String state,
        @JsonProperty("repos_total") int reposTotal,
        @JsonProperty("repos_finished") List<String> reposFinished,
        @JsonProperty("records_appended") long recordsAppended,
        String error,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";
    private static final Set<String> FINAL = Set.of(DONE, FAILED, CANCELLED);

    public BackfillState {
        reposFinished = List.copyOf(reposFinished);
    }

    static BackfillState requested(String id, String org, Instant since, Instant now) {
        return new BackfillState(id, org, since, RUNNING, 0, List.of(), 0, null, now, now);
    }

    /** Of a state known and one read after it: an ended backfill is not brought back by an older running record. */
    static BackfillState latest(BackfillState known, BackfillState next) {
        return known.isFinal() && !next.isFinal() ? known : next;
    }

    boolean running() {
        return RUNNING.equals(state);
    }

    boolean isFinal() {
        return FINAL.contains(state);
    }

    BackfillState withRepos(int total, Instant now) {
        return new BackfillState(id, org, since, state, total, reposFinished, recordsAppended, error, startedAt, now);
    }

    BackfillState repoFinished(String repo, long appended, Instant now) {
        List<String> finished = new ArrayList<>(reposFinished);
        finished.add(repo);
        return new BackfillState(id, org, since, state, reposTotal, finished, recordsAppended + appended, error,
                startedAt, now);
    }

    BackfillState ended(String finalState, long appended, String why, Instant now) {
        return new BackfillState(id, org, since, finalState, reposTotal, reposFinished, recordsAppended + appended,
                why, startedAt, now);
    }
}
