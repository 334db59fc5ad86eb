package dev.orgpulse.projector.fold;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a pull request is, read from its title the way teams write it: a Conventional Commits prefix
 * ({@code feat: ...}, {@code fix(parser)!: ...}), a bracketed tag ({@code [docs] ...}), or a leading
 * {@code Fix}/{@code Refactor} verb. Anything else is {@code other}.
 */
public enum PullRequestType {
    FEAT, FIX, REFACTOR, CHORE, DOCS, TEST, OTHER;

    private static final Pattern PREFIX = Pattern.compile(
            "^\\s*(?:\\[(?<tag>[a-z]+)\\]|(?<type>[a-z]+)(?:\\([^)]*\\))?!?\\s*:|(?<verb>fix|fixes|fixed|refactor|refactors)\\b)",
            Pattern.CASE_INSENSITIVE);

    private static final Map<String, PullRequestType> WORDS = Map.ofEntries(
            Map.entry("feat", FEAT), Map.entry("feature", FEAT),
            Map.entry("fix", FIX), Map.entry("fixes", FIX), Map.entry("fixed", FIX), Map.entry("bugfix", FIX),
            Map.entry("hotfix", FIX),
            Map.entry("refactor", REFACTOR), Map.entry("refactors", REFACTOR),
            Map.entry("chore", CHORE), Map.entry("build", CHORE), Map.entry("ci", CHORE), Map.entry("deps", CHORE),
            Map.entry("docs", DOCS), Map.entry("doc", DOCS),
            Map.entry("test", TEST), Map.entry("tests", TEST));

    public static PullRequestType ofTitle(String title) {
        Matcher matcher = PREFIX.matcher(title == null ? "" : title);
        if (!matcher.find()) {
            return OTHER;
        }
        String word = PayloadFields.firstPresent(matcher.group("tag"), matcher.group("type"), matcher.group("verb"));
        return WORDS.getOrDefault(word.toLowerCase(Locale.ROOT), OTHER);
    }

    /** The value stored in {@code pull_request.pr_type}. */
    public String columnValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
