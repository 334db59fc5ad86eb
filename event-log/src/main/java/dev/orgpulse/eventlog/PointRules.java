package dev.orgpulse.eventlog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The leaderboard's point rules: how many points each kind of event is worth. A change is appended to the log as a
 * record of its own (source {@link Sources#ADMIN}, event type {@link #EVENT_TYPE}) whose value is the whole rule set,
 * a JSON array {@code [{"event", "points", "description"}]}, so a replay of the log scores everything alike.
 */
public final class PointRules {

    public static final String EVENT_TYPE = "point_rules";

    /** Every change under one key: one partition keeps them in the order they were made. */
    public static final String RECORD_KEY = "orgpulse:point-rules";

    /** More than any sensible rule, and small enough that a person's points never overflow. */
    public static final int MAX_POINTS = 1_000_000;

    /** Points per {@code event}; {@code meeting_minute} counts per minute in a meeting. */
    public record Rule(String event, int points, String description) {
    }

    /** The rules until an operator changes them; their order is the order rules are listed in. */
    public static final List<Rule> DEFAULTS = List.of(
            new Rule("pr_merged", 10, "a pull request of theirs merged"),
            new Rule("pr_opened", 5, "a pull request opened"),
            new Rule("review", 5, "a review of someone else's pull request"),
            new Rule("review_comment", 2, "a comment on a pull request's diff"),
            new Rule("comment", 1, "a comment on an issue or in a pull request's conversation"),
            new Rule("commit", 1, "a commit pushed"),
            new Rule("issue_closed", 3, "an issue closed"),
            new Rule("meeting_minute", 0, "a minute in a Google Meet meeting"));

    private PointRules() {
    }

    /** A rule set that cannot be taken, with what is wrong with it. */
    public static final class InvalidPointRulesException extends RuntimeException {

        public InvalidPointRulesException(String message) {
            super(message);
        }
    }

    /**
     * Reads a rule set: a JSON array of rules, each naming a known {@code event} once, with {@code points} a whole
     * number from 0 to {@link #MAX_POINTS} and an optional {@code description}.
     *
     * @return every known event's rule, in the order of {@link #DEFAULTS}: an event the array does not name keeps
     *         its default points and description, a rule without a description its default one
     * @throws InvalidPointRulesException when the body is not such an array
     */
    public static List<Rule> read(byte[] body) {
        try {
            return read(LogJson.MAPPER.readTree(body));
        } catch (JsonProcessingException e) {
            throw new InvalidPointRulesException("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidPointRulesException("the body could not be read: " + e.getMessage());
        }
    }

    /** @see #read(byte[]) */
    public static List<Rule> read(JsonNode rules) {
        if (rules == null || !rules.isArray()) {
            throw new InvalidPointRulesException("send a JSON array of {\"event\", \"points\", \"description\"}");
        }
        Map<String, Rule> given = new LinkedHashMap<>();
        for (JsonNode rule : rules) {
            Rule read = rule(rule);
            if (given.put(read.event(), read) != null) {
                throw new InvalidPointRulesException("event " + read.event() + " is given twice");
            }
        }
        List<Rule> complete = new ArrayList<>(DEFAULTS.size());
        DEFAULTS.forEach(standard -> complete.add(given.getOrDefault(standard.event(), standard)));
        return List.copyOf(complete);
    }

    /** The record value of a rule set. */
    public static byte[] write(List<Rule> rules) {
        try {
            return LogJson.MAPPER.writeValueAsBytes(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rules are plain values", e);
        }
    }

    private static Rule rule(JsonNode rule) {
        if (!rule.isObject()) {
            throw new InvalidPointRulesException("a rule is an object {\"event\", \"points\", \"description\"}: " + rule);
        }
        JsonNode event = rule.path("event");
        Rule standard = event.isTextual() ? defaultOf(event.asText()) : null;
        if (standard == null) {
            throw new InvalidPointRulesException("unknown event " + event + "; the events are "
                    + DEFAULTS.stream().map(Rule::event).toList());
        }
        JsonNode points = rule.path("points");
        if (!points.isIntegralNumber() || !points.canConvertToInt() || points.intValue() < 0
                || points.intValue() > MAX_POINTS) {
            throw new InvalidPointRulesException("points of " + standard.event() + " must be a whole number from 0 to "
                    + MAX_POINTS + ", not " + points);
        }
        JsonNode description = rule.path("description");
        if (!description.isMissingNode() && !description.isNull() && !description.isTextual()) {
            throw new InvalidPointRulesException("description of " + standard.event() + " must be text");
        }
        String text = description.isTextual() && !description.asText().isBlank() ? description.asText().strip()
                : standard.description();
        return new Rule(standard.event(), points.intValue(), text);
    }

    private static Rule defaultOf(String event) {
        return DEFAULTS.stream().filter(rule -> rule.event().equals(event)).findFirst().orElse(null);
    }
}
