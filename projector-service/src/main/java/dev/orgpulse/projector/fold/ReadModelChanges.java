package dev.orgpulse.projector.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.orgpulse.eventlog.DeliveryMetadata;

/**
 * Everything one delivery adds to the read models, as rows to upsert; each written with {@code ON CONFLICT} so
 * that the same fact twice, or two pictures of one thing in either order, end in the same rows.
 */
public record ReadModelChanges(List<RepositoryRow> repositories, List<PersonRow> people, List<CommitRow> commits,
        List<PushRow> pushes, List<PullRequestRow> pullRequests, List<ReviewRow> reviews, List<CiRunRow> ciRuns,
        List<CiJobRow> ciJobs, List<CiCheckRow> ciChecks, List<DeploymentRow> deployments,
        List<DeploymentStatusRow> deploymentStatuses, List<FeedEntry> feed, List<MeetingRow> meetings,
        List<ParticipantSessionRow> participantSessions, List<MeetParticipantRow> meetParticipants,
        List<SubscriptionEventRow> subscriptionEvents) {

    public ReadModelChanges {
        repositories = List.copyOf(repositories);
        people = List.copyOf(people);
        commits = List.copyOf(commits);
        pushes = List.copyOf(pushes);
        pullRequests = List.copyOf(pullRequests);
        reviews = List.copyOf(reviews);
        ciRuns = List.copyOf(ciRuns);
        ciJobs = List.copyOf(ciJobs);
        ciChecks = List.copyOf(ciChecks);
        deployments = List.copyOf(deployments);
        deploymentStatuses = List.copyOf(deploymentStatuses);
        feed = List.copyOf(feed);
        meetings = List.copyOf(meetings);
        participantSessions = List.copyOf(participantSessions);
        meetParticipants = List.copyOf(meetParticipants);
        subscriptionEvents = List.copyOf(subscriptionEvents);
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
        private final List<RepositoryRow> repositories = new ArrayList<>();
        private final List<PersonRow> people = new ArrayList<>();
        private final List<CommitRow> commits = new ArrayList<>();
        private final List<PushRow> pushes = new ArrayList<>();
        private final List<PullRequestRow> pullRequests = new ArrayList<>();
        private final List<ReviewRow> reviews = new ArrayList<>();
        private final List<CiRunRow> ciRuns = new ArrayList<>();
        private final List<CiJobRow> ciJobs = new ArrayList<>();
        private final List<CiCheckRow> ciChecks = new ArrayList<>();
        private final List<DeploymentRow> deployments = new ArrayList<>();
        private final List<DeploymentStatusRow> deploymentStatuses = new ArrayList<>();
        private final List<FeedEntry> feed = new ArrayList<>();
        private final List<MeetingRow> meetings = new ArrayList<>();
        private final List<ParticipantSessionRow> participantSessions = new ArrayList<>();
        private final List<MeetParticipantRow> meetParticipants = new ArrayList<>();
        private final List<SubscriptionEventRow> subscriptionEvents = new ArrayList<>();

        private Builder(DeliveryMetadata delivery) {
            this.delivery = delivery;
        }

        Builder repository(RepositoryRow repository) {
            repositories.add(repository);
            return this;
        }

        Builder person(GitHubUser user) {
            return person(user.asPerson(delivery.receivedAt()));
        }

        Builder person(Optional<GitHubUser> user) {
            user.ifPresent(this::person);
            return this;
        }

        Builder person(PersonRow person) {
            people.add(person);
            return this;
        }

        Builder commit(CommitRow commit) {
            commits.add(commit);
            return this;
        }

        Builder push(PushRow push) {
            pushes.add(push);
            return this;
        }

        Builder pullRequest(PullRequestRow pullRequest) {
            pullRequests.add(pullRequest);
            return this;
        }

        Builder review(ReviewRow review) {
            reviews.add(review);
            return this;
        }

        Builder ciRun(CiRunRow run) {
            ciRuns.add(run);
            return this;
        }

        Builder ciJob(CiJobRow job) {
            ciJobs.add(job);
            return this;
        }

        Builder ciCheck(CiCheckRow check) {
            ciChecks.add(check);
            return this;
        }

        Builder deployment(DeploymentRow deployment) {
            deployments.add(deployment);
            return this;
        }

        Builder deploymentStatus(DeploymentStatusRow status) {
            deploymentStatuses.add(status);
            return this;
        }

        Builder feed(FeedEntry entry) {
            feed.add(entry);
            return this;
        }

        /** A feed item of {@code who} in {@code repository}. */
        Builder feed(String naturalKey, Instant occurredAt, FeedKind kind, GitHubUser who, GitHubRepository repository,
                String message) {
            return feed(new FeedEntry(naturalKey, occurredAt, kind, who.login(), repository.id(), repository.fullName(),
                    message, who.bot()));
        }

        Builder meeting(MeetingRow meeting) {
            meetings.add(meeting);
            return this;
        }

        Builder participantSession(ParticipantSessionRow session) {
            participantSessions.add(session);
            return this;
        }

        Builder meetParticipant(MeetParticipantRow participant) {
            meetParticipants.add(participant);
            return this;
        }

        Builder subscriptionEvent(SubscriptionEventRow event) {
            subscriptionEvents.add(event);
            return this;
        }

        ReadModelChanges build() {
            return new ReadModelChanges(repositories, peopleByLogin(people), commits, pushes, pullRequests, reviews,
                    ciRuns, ciJobs, ciChecks, deployments, deploymentStatuses, feed, meetings, participantSessions,
                    meetParticipants, subscriptionEvents);
        }

        RecordOutcome.Folded folded() {
            return new RecordOutcome.Folded(delivery, build());
        }
    }
}
