package dev.orgpulse.ingest.support;

import static io.restassured.RestAssured.given;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;


import dev.orgpulse.testing.Fixtures;
import dev.orgpulse.testing.GitHubDeliveries;
import dev.orgpulse.testing.SendAsIs;
import io.restassured.RestAssured;
import io.restassured.builder.ResponseBuilder;
import io.restassured.response.Response;

/**
 * A GitHub webhook delivery as GitHub would post it to the service under test: event and delivery headers,
 * signed with one of the test profile's secrets. Each part can be spoiled to see it refused.
 */
public final class SignedDelivery {

    /** The test profile's webhook secrets, in configuration order (see application.properties). */
    public static final String RETIRING_SECRET = "test-secret-retiring";
    public static final String CURRENT_SECRET = "test-secret-current";

    public static final String EVENT_HEADER = "X-GitHub-Event";
    public static final String DELIVERY_HEADER = "X-GitHub-Delivery";
    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    public static final String FORM = SendAsIs.FORM;

    private static final String PATH = "/webhooks/github";
    private static final HttpClient JDK_CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final byte[] body;
    private String contentType = "application/json";
    private boolean streamed;
    private boolean expectingContinue;

    private SignedDelivery(String event, byte[] body) {
        this.body = body;
        headers.put(EVENT_HEADER, event);
        headers.put(DELIVERY_HEADER, UUID.randomUUID().toString());
        headers.put(SIGNATURE_HEADER, GitHubDeliveries.signature(CURRENT_SECRET, body));
    }

    public static SignedDelivery of(String event, byte[] body) {
        return new SignedDelivery(event, body);
    }

    /** A delivery of a fixture, e.g. {@code fixture("push", "payload.json")}. */
    public static SignedDelivery fixture(String event, String file) {
        return of(event, Fixtures.github(event, file));
    }

    public SignedDelivery signedWith(String secret) {
        return header(SIGNATURE_HEADER, GitHubDeliveries.signature(secret, body));
    }

    public SignedDelivery header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public SignedDelivery without(String header) {
        headers.remove(header);
        return this;
    }

    public SignedDelivery contentType(String contentType) {
        this.contentType = contentType;
        return this;
    }

    /** Sent chunked, without a Content-Length: the size is only known by reading it. */
    public SignedDelivery streamed() {
        this.streamed = true;
        return this;
    }

    /** Sent with {@code Expect: 100-continue}: the body only once the service said to go on. */
    public SignedDelivery expectingContinue() {
        this.expectingContinue = true;
        return this;
    }

    public String deliveryId() {
        return headers.get(DELIVERY_HEADER);
    }

    public byte[] body() {
        return body;
    }

    public String contentType() {
        return contentType;
    }

    public Response post() {
        if (streamed || expectingContinue) {
            return postWithJdkClient();
        }
        return given().config(SendAsIs.CONFIG).contentType(contentType).headers(headers).body(body)
                .post(PATH);
    }

    /**
     * Sends the headers, declaring the whole body, then only its first {@code bytes} bytes, and goes away: a sender cut
     * off mid-body. No answer can reach it.
     */
    public void postCutOff(int bytes) {
        URI service = URI.create(RestAssured.baseURI);
        StringBuilder head = new StringBuilder("POST ").append(RestAssured.basePath).append(PATH)
                .append(" HTTP/1.1\r\nHost: ").append(service.getHost()).append("\r\nContent-Type: ").append(contentType)
                .append("\r\nContent-Length: ").append(body.length).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        try (Socket socket = new Socket(service.getHost(), RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * RestAssured always sends a Content-Length and never waits for a 100 Continue; the JDK client streams a body of
     * unknown length chunked, and waits when told to.
     */
    private Response postWithJdkClient() {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(RestAssured.baseURI + ":" + RestAssured.port + RestAssured.basePath + PATH))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .expectContinue(expectingContinue)
                .POST(streamed ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> answer = JDK_CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ResponseBuilder()
                    .setStatusCode(answer.statusCode())
                    .setContentType(answer.headers().firstValue("Content-Type").orElse(""))
                    .setBody(answer.body())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
