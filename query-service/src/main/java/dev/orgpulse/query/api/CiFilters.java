package dev.orgpulse.query.api;

import java.util.List;

/** The distinct values of the CI wall's filters among the runs of the window, each sorted. */
public record CiFilters(List<String> repos, List<String> workflows, List<String> branches, List<String> actors,
        List<String> statuses, List<String> conclusions) {
}
