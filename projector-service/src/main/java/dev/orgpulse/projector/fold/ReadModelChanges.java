package dev.orgpulse.projector.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.orgpulse.eventlog.DeliveryMetadata;

/**
 * Everything one delivery adds to the read models, as rows grouped by their type (one row type per table, see
 * {@code readmodel.ReadModelTables}); each is written with {@code ON CONFLICT} so that the same fact twice, or two
 * pictures of one thing in either order, end in the same rows. Rows of one type keep the order the fold added them.
 *
 * @param rows the rows of each row type that has any
 */
public record ReadModelChanges(Map<Class<?>, List<?>> rows) {

    public ReadModelChanges {
        Map<Class<?>, List<?>> copy = new LinkedHashMap<>();
        rows.forEach((type, typed) -> {
            if (!typed.isEmpty()) {
                copy.put(type, List.copyOf(typed));
            }
        });
        rows = Collections.unmodifiableMap(copy);
    }

    /** The rows of one type, in the order the fold added them. */
    @SuppressWarnings("unchecked")
    public <T> List<T> rows(Class<T> type) {
        return (List<T>) rows.getOrDefault(type, List.of());
    }

    public List<RepositoryRow> repositories() {
        return rows(RepositoryRow.class);
    }

    public List<PersonRow> people() {
        return rows(PersonRow.class);
    }

    public List<CommitRow> commits() {
        return rows(CommitRow.class);
    }

    public List<PushRow> pushes() {
        return rows(PushRow.class);
    }

    public List<PullRequestRow> pullRequests() {
        return rows(PullRequestRow.class);
    }

    public List<ReviewRow> reviews() {
        return rows(ReviewRow.class);
    }

    public List<CiRunRow> ciRuns() {
        return rows(CiRunRow.class);
    }

    public List<CiJobRow> ciJobs() {
        return rows(CiJobRow.class);
    }

    public List<CiCheckRow> ciChecks() {
        return rows(CiCheckRow.class);
    }

    public List<DeploymentRow> deployments() {
        return rows(DeploymentRow.class);
    }

    public List<DeploymentStatusRow> deploymentStatuses() {
        return rows(DeploymentStatusRow.class);
    }

    public List<FeedEntry> feed() {
        return rows(FeedEntry.class);
    }

    public List<MeetingRow> meetings() {
        return rows(MeetingRow.class);
    }

    public List<ParticipantSessionRow> participantSessions() {
        return rows(ParticipantSessionRow.class);
    }

    public List<MeetParticipantRow> meetParticipants() {
        return rows(MeetParticipantRow.class);
    }

    public List<SubscriptionEventRow> subscriptionEvents() {
        return rows(SubscriptionEventRow.class);
    }

    /** Collects the changes of one delivery; people it names are seen at the delivery's received-at. */
    static Builder of(DeliveryMetadata delivery) {
        return new Builder(delivery);
    }

    /** One row per login: reports about the same person in one delivery are merged. */
    static List<PersonRow> peopleByLogin(Collection<PersonRow> reports) {
        Map<String, PersonRow> byLogin = new LinkedHashMap<>();
        for (PersonRow report : reports) {
            byLogin.merge(report.login(), report, PersonRow::mergedWith);
        }
        return List.copyOf(byLogin.values());
    }

    static final class Builder {

        private final DeliveryMetadata delivery;
        private final Map<Class<?>, List<Object>> rows = new LinkedHashMap<>();

        private Builder(DeliveryMetadata delivery) {
            this.delivery = delivery;
        }

        Builder repository(RepositoryRow repository) {
            return row(repository);
        }

        Builder person(GitHubUser user) {
            return person(user.asPerson(delivery.receivedAt()));
        }

        Builder person(Optional<GitHubUser> user) {
            user.ifPresent(this::person);
            return this;
        }

        Builder person(PersonRow person) {
            return row(person);
        }

        Builder commit(CommitRow commit) {
            return row(commit);
        }

        Builder push(PushRow push) {
            return row(push);
        }

        Builder pullRequest(PullRequestRow pullRequest) {
            return row(pullRequest);
        }

        Builder review(ReviewRow review) {
            return row(review);
        }

        Builder ciRun(CiRunRow run) {
            return row(run);
        }

        Builder ciJob(CiJobRow job) {
            return row(job);
        }

        Builder ciCheck(CiCheckRow check) {
            return row(check);
        }

        Builder deployment(DeploymentRow deployment) {
            return row(deployment);
        }

        Builder deploymentStatus(DeploymentStatusRow status) {
            return row(status);
        }

        Builder feed(FeedEntry entry) {
            return row(entry);
        }

        /** A feed item of {@code who} in {@code repository}. */
        Builder feed(String naturalKey, Instant occurredAt, FeedKind kind, GitHubUser who, GitHubRepository repository,
                String message) {
            return feed(new FeedEntry(naturalKey, occurredAt, kind, who.login(), repository.id(), repository.fullName(),
                    message, who.bot()));
        }

        Builder meeting(MeetingRow meeting) {
            return row(meeting);
        }

        Builder participantSession(ParticipantSessionRow session) {
            return row(session);
        }

        Builder meetParticipant(MeetParticipantRow participant) {
            return row(participant);
        }

        Builder subscriptionEvent(SubscriptionEventRow event) {
            return row(event);
        }

        /** A row of any read model's row type: a new read model needs no method of its own here. */
        <T> Builder row(T row) {
            rows.computeIfAbsent(row.getClass(), type -> new ArrayList<>()).add(row);
            return this;
        }

        ReadModelChanges build() {
            Map<Class<?>, List<?>> built = new LinkedHashMap<>(rows);
            built.computeIfPresent(PersonRow.class, (type, people) -> peopleByLogin(
                    people.stream().map(PersonRow.class::cast).toList()));
            return new ReadModelChanges(built);
        }

        RecordOutcome.Folded folded() {
            return new RecordOutcome.Folded(delivery, build());
        }
    }
}
