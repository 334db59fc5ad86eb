package dev.orgpulse.ingest.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.vertx.core.MultiMap;

class GitHubDeliveryTest {

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "application/json, true",
            "application/json; charset=utf-8, true",
            "Application/JSON, true",
            "application/x-www-form-urlencoded, true",
            "application/x-www-form-urlencoded;charset=UTF-8, true",
            "text/plain, false",
            "application/jsonp, false",
            "multipart/form-data, false",
            "none, false" })
    void acceptsTheMediaTypesGitHubSends(String contentType, boolean supported) {
        GitHubDelivery delivery = new GitHubDelivery("push", "id", contentType, null, -1);

        assertEquals(supported, delivery.hasSupportedMediaType());
    }

    @Test
    void readsWhatGitHubSaysInItsHeadersWhateverTheirCase() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("x-github-event", "push")
                .add("X-GITHUB-DELIVERY", "72d3162e").add("Content-Type", "application/json")
                .add("X-Hub-Signature-256", "sha256=00").add("Content-Length", "4096");

        assertEquals(new GitHubDelivery("push", "72d3162e", "application/json", "sha256=00", 4096),
                GitHubDelivery.from(headers));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = { "none", "4k", "-" })
    void leavesTheCapToTheStreamingReadWithoutALengthItCanUse(String contentLength) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("X-GitHub-Event", "push");
        if (contentLength != null) {
            headers.add("Content-Length", contentLength);
        }

        assertEquals(-1, GitHubDelivery.from(headers).declaredLength());
    }
}
