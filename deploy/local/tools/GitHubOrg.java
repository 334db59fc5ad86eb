package tools;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A made-up GitHub organisation: its repositories and people. Ids are derived from names, so that every
 * run gives the same repository or person the same id.
 */
record GitHubOrg(String name, long id, List<Repo> repos, List<Person> people) {

    record Person(String login, String name, String email, long id, ZoneOffset zone, boolean bot) {
    }

    record Repo(String name, String fullName, String language, long id, List<String> files) {

        String html() {
            return "https://github.com/" + fullName;
        }
    }

    static final Person DEPENDABOT = new Person("dependabot[bot]", "dependabot[bot]",
            "49699333+dependabot[bot]@users.noreply.github.com", 49_699_333, ZoneOffset.UTC, true);

    private static final String[][] PEOPLE = {
            {"alice-nguyen", "Alice Nguyen", "+07:00"}, {"bkowalski", "Bartek Kowalski", "+01:00"},
            {"chen-wei", "Chen Wei", "+08:00"}, {"dpatel", "Divya Patel", "+05:30"},
            {"emma-schmidt", "Emma Schmidt", "+01:00"}, {"fjohansson", "Fredrik Johansson", "+01:00"},
            {"gabriela-costa", "Gabriela Costa", "-03:00"}, {"hiro-tanaka", "Hiroshi Tanaka", "+09:00"},
            {"ines-moreau", "Inès Moreau", "+01:00"}, {"jokafor", "James Okafor", "Z"},
            {"kasia-lis", "Katarzyna Lis", "+01:00"}, {"liam-obrien", "Liam O'Brien", "-05:00"}};
    private static final String[][] REPOS = {
            {"api-gateway", "Go"}, {"billing-service", "Java"}, {"web-dashboard", "TypeScript"},
            {"data-pipeline", "Python"}, {"mobile-app", "Kotlin"}, {"auth-service", "Java"},
            {"search-indexer", "Rust"}, {"infra", "HCL"}, {"notifications", "TypeScript"}, {"docs", "MDX"}};
    /** Per language, the files a change touches; %s is the repository's first word. */
    private static final Map<String, List<String>> FILES = Map.of(
            "Go", List.of("cmd/server/main.go", "internal/%s/handler.go", "internal/%s/handler_test.go",
                    "internal/%s/store.go", "go.mod", "go.sum"),
            "Java", List.of("pom.xml", "src/main/java/com/acme/%s/Service.java",
                    "src/main/java/com/acme/%s/Resource.java", "src/test/java/com/acme/%s/ServiceTest.java",
                    "src/main/resources/application.properties"),
            "TypeScript", List.of("package.json", "src/%s/index.ts", "src/%s/api.ts", "src/components/Header.tsx",
                    "src/%s/api.test.ts"),
            "Python", List.of("pyproject.toml", "%s/jobs.py", "%s/transform.py", "tests/test_transform.py",
                    "dags/daily.py"),
            "Kotlin", List.of("app/build.gradle.kts", "app/src/main/kotlin/com/acme/%s/MainActivity.kt",
                    "app/src/main/kotlin/com/acme/%s/Repository.kt", "app/src/test/kotlin/RepositoryTest.kt"),
            "Rust", List.of("Cargo.toml", "src/main.rs", "src/%s/index.rs", "src/%s/query.rs", "tests/index.rs"),
            "HCL", List.of("modules/%s/main.tf", "modules/%s/variables.tf", "envs/prod/main.tf", "envs/staging/main.tf"),
            "MDX", List.of("docs/getting-started.mdx", "docs/%s/overview.mdx", "docs/api/webhooks.mdx",
                    "docusaurus.config.js"));

    /** The first repositories and people of the lists above; beyond them, service-N in Go and dev-N in UTC. */
    static GitHubOrg of(String name, int repoCount, int peopleCount) {
        List<Repo> repos = new ArrayList<>();
        for (int i = 0; i < repoCount; i++) {
            String repo = i < REPOS.length ? REPOS[i][0] : "service-" + (i + 1);
            String language = i < REPOS.length ? REPOS[i][1] : "Go";
            String word = repo.split("-")[0];
            repos.add(new Repo(repo, name + "/" + repo, language, stableId("repo:" + name + "/" + repo, 200_000_000),
                    FILES.get(language).stream().map(path -> String.format(path, word)).toList()));
        }
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < peopleCount; i++) {
            String login = i < PEOPLE.length ? PEOPLE[i][0] : "dev-" + (i + 1);
            String fullName = i < PEOPLE.length ? PEOPLE[i][1] : "Developer " + (i + 1);
            ZoneOffset zone = ZoneOffset.of(i < PEOPLE.length ? PEOPLE[i][2] : "Z");
            long userId = stableId("user:" + login, 10_000_000);
            // some commit with their work address, some with GitHub's private one
            String email = i % 3 == 0 ? userId + "+" + login + "@users.noreply.github.com"
                    : login.replace('-', '.') + "@" + name + ".example";
            people.add(new Person(login, fullName, email, userId, zone, false));
        }
        return new GitHubOrg(name, stableId("org:" + name, 30_000_000), List.copyOf(repos), List.copyOf(people));
    }

    /** A number from base (inclusive) to 2 × base (exclusive), the same for the same name every time. */
    static long stableId(String name, long base) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return base + Math.floorMod(ByteBuffer.wrap(digest).getLong(), base);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
