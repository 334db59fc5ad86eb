package dev.orgpulse.query.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads a Server-Sent Events response line by line, as the raw bytes come, and parses it as the HTML spec
 * says (so the test sees what a browser's EventSource would): {@code field: value} lines, {@code :} comments,
 * a blank line ends an event.
 */
public final class SseReader implements AutoCloseable {

    public record Event(String name, String id, String data) {
    }

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final List<String> rawLines = Collections.synchronizedList(new ArrayList<>());

    private SseReader(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static SseReader open(URI uri, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        HttpResponse<Stream<String>> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .get(15, TimeUnit.SECONDS);
        if (response.statusCode() != 200) {
            throw new AssertionError("stream answered " + response.statusCode());
        }
        return new SseReader(response);
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next event (comments skipped) that matches, within the timeout; fails the test otherwise. */
    public Event awaitEvent(Predicate<Event> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no matching event within " + timeout + "; raw stream so far: " + rawLines);
            }
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    /** The next event if one comes within the timeout. */
    public Optional<Event> pollEvent(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
    }

    public Event nextEvent(Duration timeout) throws InterruptedException {
        return awaitEvent(event -> true, timeout);
    }

    public String awaitComment(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String comment = comments.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (comment == null) {
                throw new AssertionError("no comment '" + text + "' within " + timeout + "; raw stream: " + rawLines);
            }
            if (comment.equals(text)) {
                return comment;
            }
        }
    }

    public List<String> rawLines() {
        synchronized (rawLines) {
            return List.copyOf(rawLines);
        }
    }

    private void read() {
        String name = null;
        String id = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                rawLines.add(line);
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(name == null ? "message" : name, id, data.toString()));
                    }
                    name = null;
                    id = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.add(valueOf(line.substring(1)));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : valueOf(line.substring(colon + 1));
                    switch (field) {
                        case "event" -> name = value;
                        case "id" -> id = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> {
                            // retry and unknown fields do not matter here
                        }
                    }
                }
            }
        } catch (RuntimeException closed) {
            // the test closed the stream
        }
    }

    private static String valueOf(String afterColon) {
        return afterColon.startsWith(" ") ? afterColon.substring(1) : afterColon;
    }

    @Override
    public void close() {
        response.body().close();
    }
}
