package dev.orgpulse.testing;

import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;

/** How the tests post deliveries: as a webhook sender would. */
public final class SendAsIs {

    public static final String FORM = "application/x-www-form-urlencoded";

    public static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
            // the body and its Content-Type go out exactly as given: they are what the log must store
            .encoderConfig(EncoderConfig.encoderConfig()
                    .appendDefaultContentCharsetToContentTypeIfUndefined(false)
                    .encodeContentTypeAs(FORM, ContentType.BINARY))
            // a service that hangs fails the test instead of stalling the build
            .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 30_000));

    private SendAsIs() {
    }
}
