package dev.orgpulse.ingest.github;

/** A token given in the configuration; GitHub refusing it is for an operator to fix. */
record TokenCredentials(String token) implements GitHubCredentials {

    @Override
    public String authorization() {
        return "Bearer " + token;
    }

    @Override
    public void refused(String authorization) {
        // nothing to renew: the call fails with GitHub's 401
    }

    @Override
    public String describe() {
        return "a configured token";
    }

    /** The token stays out of logs. */
    @Override
    public String toString() {
        return "TokenCredentials[...]";
    }
}
