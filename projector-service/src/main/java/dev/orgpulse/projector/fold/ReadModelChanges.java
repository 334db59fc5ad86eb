package dev.orgpulse.projector.fold;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one delivery adds to the read models, as rows to upsert; each written with {@code ON CONFLICT}. */
public record ReadModelChanges(List<PersonRow> people, List<CommitRow> commits, List<PullRequestRow> pullRequests,
        List<FeedEntry> feed) {

    public ReadModelChanges {
        people = List.copyOf(people);
        commits = List.copyOf(commits);
        pullRequests = List.copyOf(pullRequests);
        feed = List.copyOf(feed);
    }

    /** One row per login: reports about the same person in one delivery are merged. */
    static List<PersonRow> peopleByLogin(Collection<PersonRow> reports) {
        Map<String, PersonRow> byLogin = new LinkedHashMap<>();
        for (PersonRow report : reports) {
            byLogin.merge(report.login(), report, PersonRow::mergedWith);
        }
        return List.copyOf(byLogin.values());
    }
}
