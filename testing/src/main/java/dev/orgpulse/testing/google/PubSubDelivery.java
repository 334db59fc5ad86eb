package dev.orgpulse.testing.google;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.testing.Fixtures;
import dev.orgpulse.testing.SendAsIs;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A Pub/Sub push as Pub/Sub would post it to the ingest service: the envelope as JSON, with a valid Google ID token
 * ({@link GoogleIdToken}) signed by the published key. Token and body can each be spoiled to see the push refused.
 */
public final class PubSubDelivery {

    private static final String PATH = "/webhooks/pubsub";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] body;
    private String authorization = "Bearer " + GoogleIdToken.valid().signedWith(GoogleKeys.CURRENT);
    private String contentType = "application/json";

    private PubSubDelivery(byte[] body) {
        this.body = body;
    }

    public static PubSubDelivery of(byte[] body) {
        return new PubSubDelivery(body);
    }

    /** A push of a fixture, e.g. {@code fixture("conference-started.json")}. */
    public static PubSubDelivery fixture(String file) {
        return of(Fixtures.pubsub(file));
    }

    /** A fixture's envelope, changed: the changed JSON is what is sent. */
    public static PubSubDelivery editedFixture(String file, Consumer<ObjectNode> edit) {
        try {
            ObjectNode envelope = (ObjectNode) JSON.readTree(Fixtures.pubsub(file));
            edit.accept(envelope);
            return of(JSON.writeValueAsBytes(envelope));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PubSubDelivery bearer(String token) {
        return authorization("Bearer " + token);
    }

    /** @param authorization the whole header, {@code null} to send none */
    public PubSubDelivery authorization(String authorization) {
        this.authorization = authorization;
        return this;
    }

    public PubSubDelivery contentType(String contentType) {
        this.contentType = contentType;
        return this;
    }

    public byte[] body() {
        return body;
    }

    /** The envelope's {@code message.messageId}. */
    public String messageId() {
        try {
            JsonNode envelope = JSON.readTree(body);
            return envelope.path("message").path("messageId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts to the service RestAssured is pointed at (a {@code @QuarkusTest}'s application). */
    public Response post() {
        return request().post(PATH);
    }

    /** Posts to the ingest service at {@code baseUri}, e.g. {@code http://127.0.0.1:8081}. */
    public Response postTo(String baseUri) {
        return request().post(baseUri + PATH);
    }

    private RequestSpecification request() {
        RequestSpecification request = given().config(SendAsIs.CONFIG).contentType(contentType).body(body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }
}
