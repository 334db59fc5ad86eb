package dev.orgpulse.ingest.oidc;

/**
 * Who pushed, as a verified Google ID token says.
 *
 * @param serviceAccount the token's {@code email}, one of the configured service accounts
 * @param keyId the {@code kid} of the Google key that signed the token
 */
public record VerifiedPusher(String serviceAccount, String keyId) {

    /** The log's {@code verified-by} header: which Google key accepted the delivery. */
    public String label() {
        return "google-oidc:" + keyId;
    }
}
