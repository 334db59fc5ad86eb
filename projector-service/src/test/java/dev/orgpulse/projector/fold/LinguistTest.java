package dev.orgpulse.projector.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinguistTest {

    private final Linguist linguist = Linguist.DATA;

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            src/main/java/dev/orgpulse/Main.java     | Java
            app/models/user.rb                       | Ruby
            cmd/server/main.go                       | Go
            web/src/App.tsx                          | TypeScript
            web/src/types.d.ts                       | TypeScript
            web/src/index.js                         | JavaScript
            tools/BUILD.PY                           | Python
            include/orgpulse.h                       | C
            ios/AppDelegate.m                        | Objective-C
            scripts/deploy.pl                        | Perl
            crates/core/src/lib.rs                   | Rust
            hw/alu.v                                 | Verilog
            src/main/resources/web/page.html         | HTML
            assets/wall.css                          | CSS
            Dockerfile                               | Dockerfile
            deploy/local/Makefile                    | Makefile
            deploy/up.sh                             | Shell
            .github/workflows/ci.yml                 |
            pom.xml                                  |
            package.json                             |
            db/migration/V9__people_activity.sql     |
            README.md                                |
            docs/guide.rst                           |
            NOTICE.txt                               |
            node_modules/left-pad/index.js           |
            vendor/github.com/pkg/errors/errors.go   |
            dist/bundle.js                           |
            web/vendor.js                            | JavaScript
            assets/app.min.js                        |
            package-lock.json                        |
            yarn.lock                                |
            Cargo.lock                               |
            go.sum                                   |
            LICENSE                                  |
            Makefile.lock                            |
            """)
    void aPathHasTheLanguageLinguistGivesItWhenThatLanguageCounts(String path, String language) {
        assertEquals(Optional.ofNullable(language), linguist.languageOf(path));
    }

    @Test
    void aCommitsLanguagesAreSortedAndEachOnce() {
        assertEquals(List.of("Go", "Java", "TypeScript"), linguist.languagesOf(List.of("b/Two.java", "web/x.tsx",
                "README.md", "a/One.java", "web/y.ts", "main.go", "node_modules/z.js")));
        assertEquals(List.of(), linguist.languagesOf(List.of()));
    }
}
