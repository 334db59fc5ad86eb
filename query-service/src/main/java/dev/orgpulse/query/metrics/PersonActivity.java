package dev.orgpulse.query.metrics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One person's activity over the window, in the shape GitHub-activity workers use ({@code GET
 * /api/people/{login}/activity}): per UTC day the repositories they were active in and the languages of the files
 * their commits added or modified; per repository and per language the days. Days, names and dates are sorted.
 *
 * @param version      of this shape: {@value #VERSION}
 * @param windowDays   the window's length in days, today included
 * @param days         {@code yyyy-mm-dd} to that day's repositories and languages; only days with either
 * @param repoDays     {@code owner/name} to the days with an activity in it
 * @param languageDays a language to the days with a commit in it
 */
public record PersonActivity(int version, int windowDays, SortedMap<String, Day> days,
        SortedMap<String, List<String>> repoDays, SortedMap<String, List<String>> languageDays) {

    public static final int VERSION = 1;

    /** What a day was spent on. */
    public record Day(List<String> repos, List<String> languages) {
    }

    /** An activity (any kind the heatmap counts) of the person in a repository on a day. */
    public record RepositoryDay(LocalDate day, String repo) {
    }

    /** A commit of the person on a day, with the languages of its files. */
    public record CommitDay(LocalDate day, List<String> languages) {
    }

    public static PersonActivity of(int windowDays, List<RepositoryDay> activities, List<CommitDay> commits) {
        SortedMap<String, SortedSet<String>> reposByDay = new TreeMap<>();
        SortedMap<String, SortedSet<String>> languagesByDay = new TreeMap<>();
        SortedMap<String, SortedSet<String>> daysByRepo = new TreeMap<>();
        SortedMap<String, SortedSet<String>> daysByLanguage = new TreeMap<>();
        for (RepositoryDay activity : activities) {
            String day = activity.day().toString();
            add(reposByDay, day, activity.repo());
            add(daysByRepo, activity.repo(), day);
        }
        for (CommitDay commit : commits) {
            String day = commit.day().toString();
            for (String language : commit.languages()) {
                add(languagesByDay, day, language);
                add(daysByLanguage, language, day);
            }
        }
        SortedMap<String, Day> days = new TreeMap<>();
        SortedSet<String> activeDays = new TreeSet<>(reposByDay.keySet());
        activeDays.addAll(languagesByDay.keySet());
        for (String day : activeDays) {
            days.put(day, new Day(listed(reposByDay.get(day)), listed(languagesByDay.get(day))));
        }
        return new PersonActivity(VERSION, windowDays, days, listed(daysByRepo), listed(daysByLanguage));
    }

    private static void add(Map<String, SortedSet<String>> sets, String key, String value) {
        sets.computeIfAbsent(key, any -> new TreeSet<>()).add(value);
    }

    private static List<String> listed(SortedSet<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    private static SortedMap<String, List<String>> listed(SortedMap<String, SortedSet<String>> sets) {
        SortedMap<String, List<String>> lists = new TreeMap<>();
        sets.forEach((key, values) -> lists.put(key, List.copyOf(values)));
        return lists;
    }
}
