package dev.orgpulse.systemtests;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Reads a Server-Sent Events stream on a thread of its own and queues the events as they arrive. */
final class SseReader implements AutoCloseable {

    record Event(String id, String name, String data, long receivedNanos) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final java.io.InputStream stream;
    private final BufferedReader body;

    SseReader(URI uri, String bearer) throws Exception {
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + bearer)
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("stream answered " + response.statusCode());
        }
        stream = response.body();
        body = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        String id = null;
        String name = "message";
        List<String> data = new ArrayList<>();
        try {
            for (String line = body.readLine(); line != null; line = body.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, String.join("\n", data), System.nanoTime()));
                    }
                    id = null;
                    name = "message";
                    data = new ArrayList<>();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).stripLeading());
                }
            }
        } catch (java.io.IOException closed) {
            // the test closed the stream
        }
    }

    /** The next event with this name, skipping others, or {@code null} when none came in time. */
    Event next(String name, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        for (long left = within.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Event event = events.poll(left, TimeUnit.NANOSECONDS);
            if (event != null && event.name().equals(name)) {
                return event;
            }
        }
        return null;
    }

    /** Every event received and not yet taken, in order. */
    List<Event> takeAll() {
        List<Event> taken = new ArrayList<>();
        events.drainTo(taken);
        return taken;
    }

    @Override
    public void close() throws Exception {
        // closing the raw stream ends the reader's blocked readLine; the BufferedReader's own close would wait for it
        stream.close();
        reader.join(5_000);
    }
}
