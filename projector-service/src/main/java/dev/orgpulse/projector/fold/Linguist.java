package dev.orgpulse.projector.fold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.LogJson;

/**
 * The language of a file path, by GitHub Linguist's data (the npm package {@code linguist-languages}, vendored with its
 * MIT licence under {@code resources/linguist}): its file names first, then its extensions, longest first
 * ({@code x.d.ts} before {@code .ts}), as Linguist looks them up. Only programming and markup languages count:
 * documentation (type {@code prose}: {@code .md}, {@code .rst}, {@code .txt}) and data ({@code .json},
 * {@code .yml}) do not, nor do vendored and generated paths ({@code node_modules/}, {@code vendor/}, {@code dist/},
 * lock files, minified files). A language of a group counts as its group ({@code TSX} is {@code TypeScript}), as in
 * GitHub's language bar.
 * <p>
 * Linguist settles a name several languages claim by reading the file (heuristics, a classifier); a push names paths
 * only. Here documentation wins such a tie (a {@code .md} file is Markdown, not a GCC machine description), then the
 * language most repositories mean ({@link #PREFERRED}), then a language whose primary extension it is, then the first
 * by name: the same path always gets the same language.
 */
final class Linguist {

    private static final Set<String> COUNTED_TYPES = Set.of("programming", "markup");
    private static final String DOCUMENTATION_TYPE = "prose";
    /** In order of preference, for the extensions they share with others ({@code .h}, {@code .m}, {@code .pl}, ...). */
    private static final List<String> PREFERRED = List.of("C", "Objective-C", "Perl", "Rust", "Verilog", "HTML",
            "SQL");
    private static final Set<String> VENDORED_DIRECTORIES = Set.of("node_modules", "bower_components", "vendor",
            "third_party", "dist");
    private static final Set<String> LOCK_FILES = Set.of("package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml",
            "go.sum", "packages.lock.json", "gradle.lockfile");
    private static final List<String> GENERATED_SUFFIXES = List.of(".lock", ".lockb", ".min.js", ".min.css");

    /** The data vendored under {@code resources/linguist} (declared after the constants its loading reads). */
    static final Linguist DATA = load("/linguist/languages.json");

    /** A language as a path gets it: shown by its group's name, counted or not by its own type. */
    private record Language(String name, String shownAs, String type, List<String> extensions) {

        boolean counted() {
            return COUNTED_TYPES.contains(type);
        }
    }

    private final Map<String, Language> byFilename;
    private final Map<String, Language> byExtension;

    private Linguist(Map<String, Language> byFilename, Map<String, Language> byExtension) {
        this.byFilename = byFilename;
        this.byExtension = byExtension;
    }

    /** The languages of {@code paths} that count, sorted by name, each once. */
    List<String> languagesOf(Iterable<String> paths) {
        TreeSet<String> languages = new TreeSet<>();
        for (String path : paths) {
            languageOf(path).ifPresent(languages::add);
        }
        return List.copyOf(languages);
    }

    /** The language of {@code path} when it counts. */
    Optional<String> languageOf(String path) {
        String[] segments = path.split("/");
        String name = segments[segments.length - 1];
        for (int i = 0; i < segments.length - 1; i++) {
            if (VENDORED_DIRECTORIES.contains(segments[i])) {
                return Optional.empty();
            }
        }
        if (generated(name)) {
            return Optional.empty();
        }
        Language language = byFilename.get(name);
        if (language == null) {
            language = byExtensionOf(name.toLowerCase(Locale.ROOT));
        }
        return language != null && language.counted() ? Optional.of(language.shownAs()) : Optional.empty();
    }

    private static boolean generated(String name) {
        String lowerCase = name.toLowerCase(Locale.ROOT);
        return LOCK_FILES.contains(name) || GENERATED_SUFFIXES.stream().anyMatch(lowerCase::endsWith);
    }

    /** Linguist's extensions of a name: from each of its dots to the end, longest first. */
    private Language byExtensionOf(String lowerCaseName) {
        for (int dot = lowerCaseName.indexOf('.'); dot >= 0; dot = lowerCaseName.indexOf('.', dot + 1)) {
            Language language = byExtension.get(lowerCaseName.substring(dot));
            if (language != null) {
                return language;
            }
        }
        return null;
    }

    private static Linguist load(String resource) {
        try (InputStream data = Linguist.class.getResourceAsStream(resource)) {
            if (data == null) {
                throw new IllegalStateException("no " + resource + " on the class path");
            }
            return of(LogJson.MAPPER.readTree(data).path("languages"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static Linguist of(JsonNode languages) {
        Map<String, List<Language>> byFilename = new HashMap<>();
        Map<String, List<Language>> byExtension = new HashMap<>();
        for (JsonNode node : languages) {
            String name = node.path("name").asText();
            List<String> extensions = new ArrayList<>();
            node.path("extensions").forEach(extension -> extensions.add(extension.asText().toLowerCase(Locale.ROOT)));
            Language language = new Language(name, node.path("group").asText(name), node.path("type").asText(),
                    List.copyOf(extensions));
            extensions.forEach(extension -> byExtension.computeIfAbsent(extension, key -> new ArrayList<>())
                    .add(language));
            node.path("filenames").forEach(filename -> byFilename
                    .computeIfAbsent(filename.asText(), key -> new ArrayList<>()).add(language));
        }
        return new Linguist(resolved(byFilename), resolved(byExtension));
    }

    private static Map<String, Language> resolved(Map<String, List<Language>> candidates) {
        Map<String, Language> resolved = new HashMap<>();
        candidates.forEach((key, languages) -> resolved.put(key,
                languages.stream().min(preference(key)).orElseThrow()));
        return resolved;
    }

    /** Of the languages claiming {@code key}, the first is the one it gets. */
    private static Comparator<Language> preference(String key) {
        return Comparator.comparing((Language language) -> !language.type().equals(DOCUMENTATION_TYPE))
                .thenComparing(language -> preferredRank(language.name()))
                .thenComparing(language -> language.extensions().isEmpty()
                        || !language.extensions().get(0).equals(key))
                .thenComparing(Language::name);
    }

    private static int preferredRank(String name) {
        int rank = PREFERRED.indexOf(name);
        return rank < 0 ? PREFERRED.size() : rank;
    }
}
