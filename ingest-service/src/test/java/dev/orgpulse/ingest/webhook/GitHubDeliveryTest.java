package dev.orgpulse.ingest.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
