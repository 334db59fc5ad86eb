package dev.orgpulse.ingest.oidc;

import org.jose4j.lang.UnresolvableKeyException;

/** The key set could not be fetched (or read): no token can be judged until it can. */
class SigningKeysUnavailableException extends UnresolvableKeyException {

    SigningKeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
