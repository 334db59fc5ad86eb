package dev.orgpulse.query.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

class StatsAnswerTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    @Test
    void theBytesAreTheTotalsAsTheApiWritesThem() {
        StatsAnswer answer = StatsAnswer.of(new Stats(3, 2, 1, 1, 2), JSON);

        assertEquals("{\"commits\":3,\"repos_active\":2,\"prs_open\":1,\"prs_merged\":1,\"people_active\":2}",
                new String(answer.json(), StandardCharsets.UTF_8));
    }

    @Test
    void theTagFollowsTheTotals() {
        String tag = StatsAnswer.of(new Stats(3, 2, 1, 1, 2), JSON).etag();

        assertEquals(tag, StatsAnswer.of(new Stats(3, 2, 1, 1, 2), JSON).etag());
        assertNotEquals(tag, StatsAnswer.of(new Stats(4, 2, 1, 1, 2), JSON).etag());
        assertTrue(tag.startsWith("\"") && tag.endsWith("\""), tag);
    }

    @Test
    void ifNoneMatchNamesTheAnswerByItsTagWeakOrInAList() {
        StatsAnswer answer = StatsAnswer.of(new Stats(3, 2, 1, 1, 2), JSON);

        assertTrue(answer.isNamedBy(answer.etag()));
        assertTrue(answer.isNamedBy("W/" + answer.etag()));
        assertTrue(answer.isNamedBy("\"other\", " + answer.etag()));
        assertTrue(answer.isNamedBy("*"));
        assertFalse(answer.isNamedBy(null));
        assertFalse(answer.isNamedBy("\"other\""));
    }

    @Test
    void theSameCachedTotalsAreEncodedOnceAndNewOnesAgain() {
        StatsAnswers answers = new StatsAnswers(JSON);
        Stats cached = new Stats(3, 2, 1, 1, 2);

        StatsAnswer first = answers.of(cached);
        assertSame(first, answers.of(cached));
        StatsAnswer next = answers.of(new Stats(4, 2, 1, 1, 2));
        assertEquals("{\"commits\":4,\"repos_active\":2,\"prs_open\":1,\"prs_merged\":1,\"people_active\":2}",
                new String(next.json(), StandardCharsets.UTF_8));
    }
}
