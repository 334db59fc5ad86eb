package dev.orgpulse.ingest.github;

/** What the service shows GitHub to be let in: the value of the {@code Authorization} header. */
public interface GitHubCredentials {

    /** @return a usable {@code Authorization} header value; may call GitHub (an App fetching an installation token) */
    String authorization();

    /** GitHub answered 401 to this value before it was due to expire: the next {@link #authorization()} renews it. */
    void refused(String authorization);

    /** Says who the service is to GitHub, for logs (never the secret). */
    String describe();
}
