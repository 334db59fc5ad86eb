package dev.orgpulse.query.readmodel;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.query.metrics.PersonActivity;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One person's days over the window: the repositories of their activities (the daily counts the heatmap reads) and the
 * languages the fold gave their commits; bots left out unless included, as on the heatmap. Cached per login until a
 * change notice names the heatmap (every new activity, commits included), the repositories (a rename) or the
 * contributors (a person seen for the first time).
 */
@ApplicationScoped
public class PersonActivityReadModel {

    /** Someone the organisation has seen: a person row (member, sender, author) or an activity. */
    private static final String KNOWN = """
            SELECT EXISTS (SELECT 1 FROM person WHERE login = $1)
                OR EXISTS (SELECT 1 FROM last_active WHERE subject_kind = 'dev' AND subject = $1) AS known""";

    private static final String REPOSITORY_DAYS = """
            SELECT DISTINCT a.day, r.full_name FROM daily_activity a JOIN repository r ON r.id = a.repo_id
            WHERE a.dev = $1 AND a.day >= $2 AND ($3 OR NOT a.is_bot) AND a.items > 0""";

    private static final String COMMIT_DAYS = """
            SELECT (c.committed_at AT TIME ZONE 'UTC')::date AS day, c.languages FROM git_commit c
            WHERE c.author_login = $1 AND c.committed_at >= $2 AND ($3 OR NOT c.is_bot)
              AND cardinality(c.languages) > 0""";

    private final Pool pool;
    private final ReadWindows windows;

    public PersonActivityReadModel(Pool pool, ReadWindows windows) {
        this.pool = pool;
        this.windows = windows;
    }

    /** Empty for a login the read models do not know. */
    @CacheResult(cacheName = ReadModelCaches.PERSON_ACTIVITY)
    public Uni<Optional<PersonActivity>> of(String login) {
        ReadWindow window = windows.current();
        Uni<Boolean> known = pool.preparedQuery(KNOWN).execute(Tuple.of(login))
                .map(rows -> rows.iterator().next().getBoolean("known"));
        Uni<List<PersonActivity.RepositoryDay>> repositoryDays = pool.preparedQuery(REPOSITORY_DAYS)
                .execute(Tuple.of(login, window.firstDay(), window.includeBots()))
                .map(rows -> Rows.map(rows, row -> new PersonActivity.RepositoryDay(row.getLocalDate("day"),
                        row.getString("full_name"))));
        Uni<List<PersonActivity.CommitDay>> commitDays = pool.preparedQuery(COMMIT_DAYS)
                .execute(Tuple.of(login, window.firstDay().atStartOfDay().atOffset(ZoneOffset.UTC),
                        window.includeBots()))
                .map(rows -> Rows.map(rows, row -> new PersonActivity.CommitDay(row.getLocalDate("day"),
                        Arrays.asList(row.getArrayOfStrings("languages")))));
        return Uni.combine().all().unis(known, repositoryDays, commitDays)
                .with((isKnown, repositories, commits) -> isKnown
                        ? Optional.of(PersonActivity.of(window.days(), repositories, commits))
                        : Optional.empty());
    }
}
