package tools;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One group of benchmark deliveries (warm-up or measured) and what became of each: when it was posted,
 * answered and seen on the stream (monotonic nanoseconds, 0 for not yet), and its status. Delivery i carries
 * the commit message whose first line is {@link #message}(i).
 */
final class BenchPhase {

    /** One reading of both clocks, to turn the monotonic times into wall-clock ones for --trace. */
    private static final long CLOCK_NANOS = System.nanoTime();
    private static final long CLOCK_EPOCH_MICROS = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());

    private final String messagePrefix;
    private final int size;
    private final AtomicLongArray postedAt;
    private final AtomicLongArray answeredAt;
    private final AtomicLongArray seenAt;
    private final int[] status;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger seen = new AtomicInteger();
    private final AtomicInteger seenTwice = new AtomicInteger();
    private final AtomicInteger seenUnsent = new AtomicInteger();
    private final Map<String, Integer> failures = new TreeMap<>();

    /** messagePrefix is unique to the run and phase, e.g. {@code perf: bench 3fa9c1 m}. */
    BenchPhase(String messagePrefix, int size) {
        this.messagePrefix = messagePrefix;
        this.size = size;
        this.postedAt = new AtomicLongArray(size);
        this.answeredAt = new AtomicLongArray(size);
        this.seenAt = new AtomicLongArray(size);
        this.status = new int[size];
    }

    int size() {
        return size;
    }

    String message(int index) {
        return String.format(Locale.ROOT, "%s%06d", messagePrefix, index);
    }

    /** The index of the delivery with this message, or -1 when it is not of this phase. */
    int indexOf(String message) {
        if (!message.startsWith(messagePrefix) || message.length() != messagePrefix.length() + 6) {
            return -1;
        }
        try {
            int index = Integer.parseInt(message.substring(messagePrefix.length()));
            return index < size ? index : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    void posted(int index, long at) {
        postedAt.set(index, at);
        sent.incrementAndGet();
    }

    synchronized void answered(int index, long at, int code, String outcome) {
        answeredAt.set(index, at);
        status[index] = code;
        if (code == 202) {
            accepted.incrementAndGet();
            notifyAll();
        } else {
            failures.merge(outcome, 1, Integer::sum);
        }
    }

    synchronized void seen(int index, long at) {
        if (!seenAt.compareAndSet(index, 0, at)) {
            seenTwice.incrementAndGet();
            return;
        }
        if (postedAt.get(index) == 0) {
            seenUnsent.incrementAndGet();
        }
        seen.incrementAndGet();
        notifyAll();
    }

    int sent() {
        return sent.get();
    }

    int accepted() {
        return accepted.get();
    }

    int seen() {
        return seen.get();
    }

    /** Waits until every accepted delivery was seen on the stream, or the deadline (System.nanoTime) passes. */
    synchronized void awaitEvents(long deadline) throws InterruptedException {
        while (seenAccepted() < accepted.get()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, 100_000_000L));
        }
    }

    private int seenAccepted() {
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (status[i] == 202 && seenAt.get(i) != 0) {
                count++;
            }
        }
        return count;
    }

    /** From POST to the stream's event, in nanoseconds, of every accepted delivery seen there; sorted. */
    synchronized long[] endToEndNanos() {
        long[] latencies = new long[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (status[i] == 202 && seenAt.get(i) != 0) {
                latencies[n++] = seenAt.get(i) - postedAt.get(i);
            }
        }
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return sorted;
    }

    /** The figures: counts, latencies (nearest-rank percentiles), throughput, missing events. */
    synchronized String report(String mode, String streamSummary) {
        long first = Long.MAX_VALUE;
        long lastPost = Long.MIN_VALUE;
        long lastAnswer = Long.MIN_VALUE;
        long lastSeen = Long.MIN_VALUE;
        long[] accept = new long[size];
        long[] endToEnd = new long[size];
        int acceptN = 0;
        int endToEndN = 0;
        for (int i = 0; i < size; i++) {
            long posted = postedAt.get(i);
            if (posted == 0) {
                continue;
            }
            first = Math.min(first, posted);
            lastPost = Math.max(lastPost, posted);
            if (status[i] == 202) {
                accept[acceptN++] = answeredAt.get(i) - posted;
                lastAnswer = Math.max(lastAnswer, answeredAt.get(i));
                long arrived = seenAt.get(i);
                if (arrived != 0) {
                    endToEnd[endToEndN++] = arrived - posted;
                    lastSeen = Math.max(lastSeen, arrived);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n== OrgPulse pipeline benchmark (%s) ==%n", mode));
        row(out, "deliveries", String.valueOf(size));
        row(out, "sent", String.valueOf(sent.get()));
        row(out, "accepted (202)", String.valueOf(accepted.get()));
        if (!failures.isEmpty()) {
            row(out, "not accepted", failures.toString());
        }
        if (sent.get() > 1) {
            row(out, "send rate achieved", perSecond(sent.get() - 1, lastPost - first) + " deliveries/s");
        }
        row(out, "ingest accept latency (POST -> 202)", percentiles(accept, acceptN));
        row(out, "end-to-end latency (POST -> SSE activity)", percentiles(endToEnd, endToEndN));
        if (acceptN > 0) {
            row(out, "accept throughput", perSecond(acceptN, lastAnswer - first) + " deliveries/s accepted");
        }
        if (endToEndN > 0) {
            row(out, "stream throughput", perSecond(endToEndN, lastSeen - first) + " activity events/s");
            row(out, "first POST -> last event", millis(lastSeen - first) + " ms");
        }
        row(out, "missing events (accepted, not on the stream)", String.valueOf(accepted.get() - endToEndN));
        if (seenTwice.get() > 0 || seenUnsent.get() > 0) {
            row(out, "odd events", seenTwice.get() + " seen twice, " + seenUnsent.get() + " of unsent deliveries");
        }
        row(out, "stream", streamSummary);
        return out.toString();
    }

    /** CSV: each delivery's message, status, and wall-clock epoch microseconds of POST, answer and arrival. */
    synchronized String trace() {
        StringBuilder out = new StringBuilder("message,status,posted_us,answered_us,seen_us\n");
        for (int i = 0; i < size; i++) {
            out.append(message(i)).append(',').append(status[i]).append(',').append(epochMicros(postedAt.get(i)))
                    .append(',').append(epochMicros(answeredAt.get(i))).append(',').append(epochMicros(seenAt.get(i)))
                    .append('\n');
        }
        return out.toString();
    }

    private static String epochMicros(long nanos) {
        return nanos == 0 ? "" : String.valueOf(CLOCK_EPOCH_MICROS + (nanos - CLOCK_NANOS) / 1_000);
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append(String.format(Locale.ROOT, "%-46s %s%n", name, value));
    }

    private static String percentiles(long[] nanos, int n) {
        if (n == 0) {
            return "n/a";
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %s  p95 %s  p99 %s  max %s ms  (n=%d)", millis(rank(sorted, 0.50)),
                millis(rank(sorted, 0.95)), millis(rank(sorted, 0.99)), millis(sorted[n - 1]), n);
    }

    /** The nearest-rank percentile. */
    private static long rank(long[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static String perSecond(int items, long nanos) {
        return nanos <= 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", items * 1e9 / nanos);
    }
}
