package dev.orgpulse.testing.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;

import dev.orgpulse.testing.Fixtures;

/**
 * Real api.github.com exchanges recorded by <a href="https://github.com/octokit/fixtures">octokit/fixtures</a> (MIT,
 * {@code testing/fixtures/octokit-fixtures/LICENSE.md}), served by WireMock exactly as GitHub answered them, with
 * GitHub's address in links and bodies turned into the stand-in's, as a GitHub Enterprise Server would answer.
 */
public final class OctokitFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Set by WireMock or the connection, not the answer's to say. */
    private static final Set<String> HOP_HEADERS = Set.of("content-length", "connection", "transfer-encoding");

    private OctokitFixtures() {
    }

    /**
     * Serves every exchange of a scenario, e.g. {@code paginate-issues}; requests match by method and path with
     * query.
     */
    public static void serve(WireMockServer server, String scenario) {
        JsonNode exchanges = read(scenario);
        for (JsonNode exchange : exchanges) {
            String body = exchange.path("response").isTextual() ? exchange.path("response").textValue()
                    : exchange.path("response").toString();
            HttpHeaders headers = new HttpHeaders();
            Iterator<Map.Entry<String, JsonNode>> fields = exchange.path("headers").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> header = fields.next();
                if (!HOP_HEADERS.contains(header.getKey())) {
                    headers = headers.plus(new HttpHeader(header.getKey(), local(server, header.getValue().asText())));
                }
            }
            server.stubFor(request(exchange.path("method").asText().toUpperCase(),
                    urlEqualTo(exchange.path("path").asText()))
                    .willReturn(aResponse().withStatus(exchange.path("status").asInt()).withHeaders(headers)
                            .withBody(local(server, body))));
        }
    }

    /** The recorded exchanges of a scenario, as octokit/fixtures normalised them. */
    public static JsonNode read(String scenario) {
        try {
            return JSON.readTree(Fixtures.read(Fixtures.root().resolve("octokit-fixtures").resolve("api.github.com")
                    .resolve(scenario).resolve("normalized-fixture.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String local(WireMockServer server, String text) {
        return text.replace("https://api.github.com", server.baseUrl());
    }
}
