package dev.orgpulse.query.metrics;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dev.orgpulse.query.api.Project;

/**
 * {@code GET /api/metrics}: the projects added up.
 *
 * @param activeDays distinct UTC days with a commit in any project (not a sum over projects)
 * @param languages  how many projects have each primary language
 */
public record OrgMetrics(long projects, long commits, long activeDays, long churn, Map<String, Long> languages) {

    public static OrgMetrics of(List<Project> projects, long activeDays) {
        Map<String, Long> languages = new TreeMap<>();
        projects.stream().map(Project::primaryLanguage).filter(Objects::nonNull)
                .forEach(language -> languages.merge(language, 1L, Long::sum));
        return new OrgMetrics(projects.size(), projects.stream().mapToLong(Project::commits).sum(), activeDays,
                projects.stream().mapToLong(Project::churn).sum(), languages);
    }
}
