package dev.orgpulse.ingest.github;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** A call to GitHub's API that brought no answer to use, after whatever retries its kind allows. */
public class GitHubApiException extends RuntimeException {

    private static final int EXCERPT_LENGTH = 200;
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cntrl}");

    /** The HTTP status, or 0 when no answer came at all. */
    private final int status;

    GitHubApiException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** @param body GitHub's error body, quoted (shortened, on one line) because it says what is wrong */
    static GitHubApiException answered(String call, int status, byte[] body) {
        String excerpt = new String(body, StandardCharsets.UTF_8);
        if (excerpt.length() > EXCERPT_LENGTH) {
            excerpt = excerpt.substring(0, EXCERPT_LENGTH) + "...";
        }
        return new GitHubApiException(status,
                call + " answered " + status + ": " + CONTROL_CHARACTERS.matcher(excerpt).replaceAll(" "), null);
    }

    public int status() {
        return status;
    }

    public boolean notFound() {
        return status == 404;
    }
}
