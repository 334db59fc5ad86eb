package dev.orgpulse.projector.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.testing.GitHubFixtureOutcomes;
import dev.orgpulse.projector.support.Payloads;
import dev.orgpulse.testing.Fixtures;

/** Every shared fixture, folded in memory: folded or ignored as the table says, never a dead letter. */
class EveryFixtureFoldTest {

    private final RecordFolder folder = new RecordFolder();
    private final RecordFolder wholePayloads = new RecordFolder(null);

    static Stream<String> eventTypes() {
        return GitHubFixtureOutcomes.eventTypes().stream();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void eachFixtureOfTheTypeIsFoldedOrIgnoredAsExpected(String eventType) {
        List<String> folded = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (Path file : Fixtures.githubFiles(eventType)) {
            RecordOutcome outcome = folder.fold(new LogRecord(Topics.EVENTS, 0, 0,
                    Payloads.delivery(eventType, file.getFileName().toString()).toHeaders(), Fixtures.read(file)));
            assertNotEquals(RecordOutcome.DeadLetter.class, outcome.getClass(), file + ": " + outcome);
            (outcome instanceof RecordOutcome.Folded ? folded : ignored).add(file.getFileName().toString());
        }
        assertEquals(GitHubFixtureOutcomes.folded(eventType), folded.size(), "folded: " + folded);
        assertEquals(GitHubFixtureOutcomes.ignored(eventType), ignored.size(), "ignored: " + ignored);
    }

    /** The folds parse only {@link FoldedMembers}: a member a fold reads but that list misses changes rows here. */
    @ParameterizedTest
    @MethodSource("eventTypes")
    void theMembersKeptGiveTheRowsOfTheWholePayload(String eventType) {
        for (Path file : Fixtures.githubFiles(eventType)) {
            LogRecord record = new LogRecord(Topics.EVENTS, 0, 0,
                    Payloads.delivery(eventType, file.getFileName().toString()).toHeaders(), Fixtures.read(file));
            assertEquals(wholePayloads.fold(record), folder.fold(record), file.toString());
        }
    }
}
