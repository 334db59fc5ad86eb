package tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The query service's SSE stream, read on its own thread: each {@code activity} event whose message is one of
 * a followed {@link BenchPhase}'s is handed to it, with the time it arrived.
 */
final class EventStream {

    private final HttpClient http;
    private final URI uri;
    private final String accessKey;
    private final List<BenchPhase> phases = new CopyOnWriteArrayList<>();
    private final AtomicLong activities = new AtomicLong();
    private final AtomicLong foreign = new AtomicLong();
    private final AtomicLong stats = new AtomicLong();
    private final AtomicInteger reconnects = new AtomicInteger();
    private final Object opened = new Object();
    private String openOutcome;
    private volatile boolean closing;
    private volatile InputStream body;
    private volatile String lastEventId;

    EventStream(HttpClient http, URI uri, String accessKey) {
        this.http = http;
        this.uri = uri;
        this.accessKey = accessKey;
    }

    /** Null once the stream answered 200 and sent its first line, else why not. */
    String open(Duration patience) throws InterruptedException {
        Thread reader = new Thread(this::readLoop, "bench-stream");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (opened) {
            while (openOutcome == null && System.nanoTime() < deadline) {
                TimeUnit.NANOSECONDS.timedWait(opened, deadline - System.nanoTime());
            }
            return openOutcome == null ? "no answer within " + patience.toSeconds() + " s"
                    : openOutcome.equals("ok") ? null : openOutcome;
        }
    }

    void follow(BenchPhase phase) {
        phases.add(phase);
    }

    String summary() {
        return activities.get() + " activity events (" + foreign.get() + " not of this run), " + stats.get()
                + " stats events, " + reconnects.get() + " reconnects";
    }

    void close() {
        closing = true;
        InputStream in = body;
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private boolean isOpen() {
        synchronized (opened) {
            return "ok".equals(openOutcome);
        }
    }

    /** Records how opening went, once: "ok" or why not. */
    private void settle(String outcome) {
        synchronized (opened) {
            if (openOutcome == null) {
                openOutcome = outcome;
                opened.notifyAll();
            }
        }
    }

    private void readLoop() {
        // reconnects (with Last-Event-ID, as a browser does) when the server closes the stream, a few times
        for (int attempt = 0; attempt < 5 && !closing; attempt++) {
            if (attempt > 0) {
                reconnects.incrementAndGet();
                System.err.println("bench: the stream closed; reconnecting with Last-Event-ID " + lastEventId);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + accessKey)
                    .GET();
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            try {
                HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                body = response.body();
                if (response.statusCode() != 200) {
                    settle("GET " + uri + " answered " + response.statusCode());
                    response.body().close();
                    return;
                }
                read(new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                if (!closing && !isOpen()) {
                    settle("GET " + uri + ": " + e);
                    return;
                }
                if (!closing) {
                    System.err.println("bench: stream: " + e);
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void read(BufferedReader lines) throws IOException {
        String event = null;
        StringBuilder data = new StringBuilder();
        for (String line; (line = lines.readLine()) != null; ) {
            long at = System.nanoTime();
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    dispatch(event, data.toString(), at);
                }
                event = null;
                data.setLength(0);
            } else if (line.startsWith(":")) {
                settle("ok");
            } else if (line.startsWith("event:")) {
                event = value(line);
            } else if (line.startsWith("data:")) {
                data.append(data.length() > 0 ? "\n" : "").append(value(line));
            } else if (line.startsWith("id:")) {
                lastEventId = value(line);
            }
        }
    }

    private static String value(String line) {
        String value = line.substring(line.indexOf(':') + 1);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    private void dispatch(String event, String data, long at) {
        settle("ok");
        if ("stats".equals(event)) {
            stats.incrementAndGet();
            return;
        }
        if (!"activity".equals(event)) {
            return;
        }
        activities.incrementAndGet();
        String message = stringField(data, "message");
        if (message != null) {
            for (BenchPhase phase : phases) {
                int index = phase.indexOf(message);
                if (index >= 0) {
                    phase.seen(index, at);
                    return;
                }
            }
        }
        foreign.incrementAndGet();
    }

    /** The value of a top-level string field of a flat JSON object, unescaped enough for the bench's messages. */
    private static String stringField(String json, String name) {
        String key = "\"" + name + "\":\"";
        int start = json.indexOf(key);
        if (start < 0) {
            return null;
        }
        StringBuilder value = new StringBuilder();
        for (int i = start + key.length(); i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\' && i + 1 < json.length()) {
                value.append(json.charAt(++i));
            } else if (c == '"') {
                return value.toString();
            } else {
                value.append(c);
            }
        }
        return null;
    }
}
