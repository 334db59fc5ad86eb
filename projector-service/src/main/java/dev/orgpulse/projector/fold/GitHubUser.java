package dev.orgpulse.projector.fold;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** A GitHub user object of a payload ({@code sender}, {@code pull_request.user}, ...). */
record GitHubUser(String login, String name, String avatarUrl, boolean bot) {

    /** The user at that place of the payload, if there is one with a login. */
    static Optional<GitHubUser> at(JsonNode user) {
        String login = PayloadFields.text(user, "login");
        if (login == null) {
            return Optional.empty();
        }
        return Optional.of(new GitHubUser(login, PayloadFields.text(user, "name"), PayloadFields.text(user, "avatar_url"),
                Bots.isBot(login, PayloadFields.text(user, "type"))));
    }

    static GitHubUser required(JsonNode payload, String path) {
        return at(payload.at(path)).orElseThrow(() -> PayloadFields.missing(path + "/login"));
    }

    PersonRow asPerson(Instant seenAt) {
        return new PersonRow(login, name, avatarUrl, bot, seenAt);
    }
}
