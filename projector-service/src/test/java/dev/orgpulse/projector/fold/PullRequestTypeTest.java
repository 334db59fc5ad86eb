package dev.orgpulse.projector.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PullRequestTypeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "feat: dark mode | FEAT",
            "feat(ui)!: drop IE | FEAT",
            "Feature: export | FEAT",
            "fix: retry on 503 | FIX",
            "Fix the seek on assignment | FIX",
            "hotfix(api): null check | FIX",
            "refactor: split the fold | REFACTOR",
            "Refactor the repository | REFACTOR",
            "chore: bump deps | CHORE",
            "build(deps): bump jackson-databind from 2.17.1 to 2.17.2 | CHORE",
            "docs: explain the window | DOCS",
            "[docs] typo | DOCS",
            "test: cover the trim | TEST",
            "tests: more | TEST",
            "Update the README with new information. | OTHER",
            "fixture data | OTHER",
            "perf: faster | OTHER",
            "'' | OTHER"})
    void theTitleSaysTheType(String title, PullRequestType type) {
        assertEquals(type, PullRequestType.ofTitle(title));
    }
}
