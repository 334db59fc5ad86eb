package tools;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stack a {@link Bench} measures (127.0.0.1 only: a benchmark floods what it targets), and the readings every
 * part takes of it: a process's CPU time, nearest-rank percentiles, a figure printed beside its ceiling.
 *
 * @param secret the webhook secret, empty when none was given (only the parts that post need it)
 */
record BenchTarget(URI query, URI ingest, String accessKey, String secret) {

    /** Clock ticks per second of /proc/PID/stat's times: 100 on every Linux the stack runs on. */
    private static final long TICKS_PER_SECOND = 100;

    static BenchTarget from(CommandLine line) {
        String accessKey = line.text("access-key", System.getenv().getOrDefault("ORGPULSE_ACCESS_KEY", "").trim());
        if (accessKey.isEmpty()) {
            throw new IllegalArgumentException("no access key: pass --access-key or set ORGPULSE_ACCESS_KEY");
        }
        String secret = System.getenv().getOrDefault("ORGPULSE_GITHUB_WEBHOOK_SECRETS", "").split(",", -1)[0].trim();
        return new BenchTarget(PipelineBenchmark.Options.local("query", line.text("query", "http://127.0.0.1:8080")),
                PipelineBenchmark.Options.local("ingest", line.text("ingest", "http://127.0.0.1:8081/webhooks/github")),
                accessKey,
                line.text("secret", secret));
    }

    String requireSecret() {
        if (secret.isEmpty()) {
            throw new IllegalStateException("no webhook secret: pass --secret or set ORGPULSE_GITHUB_WEBHOOK_SECRETS");
        }
        return secret;
    }

    /** The pid of the process listening on the query service's port (ss -ltnp), or -1 when none is found. */
    long queryPid() throws IOException, InterruptedException {
        return pidListeningOn(query.getPort());
    }

    /** The pid of the process listening on the ingest service's port, or -1 when none is found. */
    long ingestPid() throws IOException, InterruptedException {
        return pidListeningOn(ingest.getPort());
    }

    private static long pidListeningOn(int port) throws IOException, InterruptedException {
        Process ss = new ProcessBuilder("ss", "-Hltnp", "sport = :" + port).redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ss.waitFor();
        int at = out.indexOf("pid=");
        if (at < 0) {
            return -1;
        }
        int end = at + 4;
        while (end < out.length() && Character.isDigit(out.charAt(end))) {
            end++;
        }
        return Long.parseLong(out.substring(at + 4, end));
    }

    /** User plus system CPU time of a process so far, in nanoseconds (10 ms resolution). */
    static long cpuNanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // fields after the command (which may hold spaces), counted from field 3 (state)
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }

    /**
     * CPU time so far of a process's threads whose name starts with {@code threadPrefix} (at most 15 characters: the
     * kernel's), in nanoseconds: the event loops' share, without the JIT compiler's and the GC's.
     */
    static long threadsCpuNanos(long pid, String threadPrefix) throws IOException {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).startsWith(threadPrefix)) {
                        String stat = Files.readString(task.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            }
        }
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }

    /**
     * CPU time so far of a process's threads grouped by name, digits left out ({@code executor-thread-#}), in
     * nanoseconds: where a process's time goes, the JIT compiler's and the GC's included.
     */
    static Map<String, Long> cpuNanosByThreadName(long pid) throws IOException {
        Map<String, Long> byName = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "#");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    byName.merge(name, ticks * (1_000_000_000L / TICKS_PER_SECOND), Long::sum);
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            }
        }
        return byName;
    }

    /** A process's resident memory (VmRSS), in bytes. */
    static long rssBytes(long pid) throws IOException {
        List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
        for (String line : status) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for pid " + pid);
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static long[] sorted(long[] values, int n) {
        long[] copy = Arrays.copyOf(values, n);
        Arrays.sort(copy);
        return copy;
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    /**
     * One line: the figure, its ceiling and their ratio (figure / ceiling; for latencies, where lower is better,
     * ceiling / figure, so that 1.0 is always as good as the ceiling).
     */
    static void figure(String part, String what, double value, double ceiling, String unit, boolean lowerIsBetter,
            String ceilingIs) {
        double ratio = lowerIsBetter ? ceiling / value : value / ceiling;
        System.out.printf(Locale.ROOT, "bench %-6s %-34s %12.2f %-6s ceiling %12.2f %-6s ratio %.2fx  (ceiling: %s)%n",
                part, what, value, unit, ceiling, unit, ratio, ceilingIs);
    }
}
