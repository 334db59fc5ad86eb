package tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Part {@code stats} of {@link Bench}: cached {@code GET /api/stats} with the access key, closed loop on
 * {@code --stats-connections} keep-alive connections (default 32, as {@code ab -c 32}) for
 * {@code --stats-seconds} (default 10, after 5 s of warm-up), then the same load against {@link StatsCeiling}
 * answering the same bytes. Prints req/s, p50/p99 and the CPU each server spent per request.
 */
final class StatsBench implements Bench.Part {

    private static final long WARMUP_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final BenchTarget target;
    private final int connections;
    private final long measureNanos;

    private StatsBench(BenchTarget target, int connections, int seconds) {
        this.target = target;
        this.connections = connections;
        this.measureNanos = TimeUnit.SECONDS.toNanos(seconds);
    }

    static StatsBench from(CommandLine line, BenchTarget target) {
        return new StatsBench(target, line.number("stats-connections", 32, 1, 1024),
                line.number("stats-seconds", 10, 1, 600));
    }

    @Override
    public void run() throws Exception {
        HttpLoad query = new HttpLoad("127.0.0.1", target.query().getPort(), "/api/stats", "Bearer " + target.accessKey());
        byte[] answer = query.once();
        long pid = target.queryPid();
        System.out.printf("bench stats: %d connections, %d s (+5 s warm-up) each; the answer is %d bytes%n", connections,
                TimeUnit.NANOSECONDS.toSeconds(measureNanos), answer.length);
        Measured service = measure(query, pid, "vert.x-eventloo");

        Path answerFile = Files.createTempFile("orgpulse-stats-answer", ".http");
        Files.write(answerFile, answer);
        Process ceiling = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "tools.StatsCeiling", answerFile.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Measured bound;
        try {
            int port = Integer.parseInt(new BufferedReader(new InputStreamReader(ceiling.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine().trim());
            bound = measure(new HttpLoad("127.0.0.1", port, "/api/stats", "Bearer " + target.accessKey()), ceiling.pid(),
                    StatsCeiling.LOOP_THREAD);
        } finally {
            ceiling.destroy();
            ceiling.waitFor(5, TimeUnit.SECONDS);
            Files.deleteIfExists(answerFile);
        }
        String is = "plain NIO server writing the same bytes, same load";
        BenchTarget.figure("stats", "req/s", service.perSecond, bound.perSecond, "req/s", false, is);
        BenchTarget.figure("stats", "p50", service.p50 / 1e6, bound.p50 / 1e6, "ms", true, is);
        BenchTarget.figure("stats", "p99", service.p99 / 1e6, bound.p99 / 1e6, "ms", true, is);
        BenchTarget.figure("stats", "server CPU per request", service.serverCpuMicros, bound.serverCpuMicros, "us",
                true, is);
        BenchTarget.figure("stats", "event-loop CPU per request", service.loopCpuMicros, bound.loopCpuMicros, "us",
                true, is);
        System.out.printf(Locale.ROOT, "bench stats: non-200 answers %d; load generator CPU %.1f us per request"
                + " (ceiling run %.1f)%n", service.notOk, service.clientCpuMicros, bound.clientCpuMicros);
    }

    /** serverCpuMicros: the whole process's (JIT and GC too); loopCpuMicros: its event-loop threads' only. */
    private record Measured(double perSecond, long p50, long p99, double serverCpuMicros, double loopCpuMicros,
            double clientCpuMicros, long notOk) {
    }

    private Measured measure(HttpLoad load, long serverPid, String loopThreads) throws IOException {
        // the server's CPU is read around the measured part only: the warm-up runs first on its own
        load.run(connections, WARMUP_NANOS, 0);
        long cpuBefore = serverPid > 0 ? BenchTarget.cpuNanos(serverPid) : 0;
        long loopCpuBefore = serverPid > 0 ? BenchTarget.threadsCpuNanos(serverPid, loopThreads) : 0;
        HttpLoad.Result result = load.run(connections, 0, measureNanos);
        double serverCpu = serverPid > 0 ? (BenchTarget.cpuNanos(serverPid) - cpuBefore) / 1e3 / result.answered()
                : Double.NaN;
        double loopCpu = serverPid > 0
                ? (BenchTarget.threadsCpuNanos(serverPid, loopThreads) - loopCpuBefore) / 1e3 / result.answered()
                : Double.NaN;
        long[] sorted = BenchTarget.sorted(result.latencies(), result.count());
        return new Measured(result.perSecond(), BenchTarget.percentile(sorted, 50), BenchTarget.percentile(sorted, 99),
                serverCpu, loopCpu, result.clientCpuNanos() / 1e3 / result.answered(), result.notOk());
    }
}
