package dev.orgpulse.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.orgpulse.eventlog.PointRules.InvalidPointRulesException;
import dev.orgpulse.eventlog.PointRules.Rule;

class PointRulesTest {

    @Test
    void aRuleSetNamesEveryEventAndTheEventsItLeavesOutKeepTheirDefaults() {
        List<Rule> rules = read("[{\"event\": \"review\", \"points\": 10, \"description\": \"  a review  \"},"
                + "{\"event\": \"commit\", \"points\": 0}]");

        assertEquals(List.of("pr_merged", "pr_opened", "review", "review_comment", "comment", "commit", "issue_closed",
                "meeting_minute"), rules.stream().map(Rule::event).toList());
        assertEquals(new Rule("review", 10, "a review"), rules.get(2));
        assertEquals(new Rule("commit", 0, "a commit pushed"), rules.get(5));
        assertEquals(PointRules.DEFAULTS.get(0), rules.get(0));
    }

    @Test
    void aRuleSetWrittenReadsBackTheSame() {
        List<Rule> rules = read("[{\"event\": \"meeting_minute\", \"points\": 1, \"description\": \"per minute\"}]");

        assertEquals(rules, PointRules.read(PointRules.write(rules)));
        assertEquals(PointRules.DEFAULTS, read("[]"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"event\": \"review\", \"points\": 1}", "[{\"event\": \"star\", \"points\": 1}]",
            "[{\"points\": 1}]", "[{\"event\": \"review\", \"points\": -1}]", "[{\"event\": \"review\", \"points\": 1.5}]",
            "[{\"event\": \"review\", \"points\": \"3\"}]", "[{\"event\": \"review\"}]",
            "[{\"event\": \"review\", \"points\": 1000001}]", "[{\"event\": \"review\", \"points\": 99999999999}]",
            "[{\"event\": \"review\", \"points\": 1}, {\"event\": \"review\", \"points\": 2}]",
            "[{\"event\": \"review\", \"points\": 1, \"description\": 3}]", "[\"review\"]", "not json", "" })
    void anythingElseIsRefusedWithWhatIsWrong(String body) {
        InvalidPointRulesException refused = assertThrows(InvalidPointRulesException.class, () -> read(body));
        assertTrue(!refused.getMessage().isBlank());
    }

    private static List<Rule> read(String body) {
        return PointRules.read(body.getBytes(StandardCharsets.UTF_8));
    }
}
