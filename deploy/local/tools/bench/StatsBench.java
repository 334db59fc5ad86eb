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
 * Part {@code stats} of {@link Bench}: cached {@code GET /api/stats} with the access key on
 * {@code --stats-connections} keep-alive connections (default 32, as {@code ab -c 32}), each run for
 * {@code --stats-seconds} (default 10, after 5 s of warm-up): first a closed loop (saturation: the most it answers,
 * and the queueing that costs on two shared cores), then an open loop at {@code --stats-rate} requests per second
 * (default 20,000, the target), each latency counted from when its request was due. Then the same two runs against
 * {@link StatsCeiling} answering the same bytes. Prints req/s, the percentiles and the CPU each server spent per
 * request.
 */
final class StatsBench implements Bench.Part {

    private static final long WARMUP_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final BenchTarget target;
    private final int connections;
    private final long measureNanos;
    private final int perSecond;

    private StatsBench(BenchTarget target, int connections, int seconds, int perSecond) {
        this.target = target;
        this.connections = connections;
        this.measureNanos = TimeUnit.SECONDS.toNanos(seconds);
        this.perSecond = perSecond;
    }

    static StatsBench from(CommandLine line, BenchTarget target) {
        return new StatsBench(target, line.number("stats-connections", 32, 1, 1024),
                line.number("stats-seconds", 10, 1, 600), line.number("stats-rate", 20_000, 1, 1_000_000));
    }

    @Override
    public void run() throws Exception {
        HttpLoad query = new HttpLoad("127.0.0.1", target.query().getPort(), "/api/stats", "Bearer " + target.accessKey());
        byte[] answer = query.once();
        long pid = target.queryPid();
        System.out.printf("bench stats: %d connections, %d s (+5 s warm-up) each, closed loop then %,d req/s offered;"
                + " the answer is %d bytes%n", connections, TimeUnit.NANOSECONDS.toSeconds(measureNanos), perSecond,
                answer.length);
        Measured service = measure(closedLoop(query), pid, "vert.x-eventloo");
        Measured servicePaced = measure(openLoop(query), pid, "vert.x-eventloo");

        Path answerFile = Files.createTempFile("orgpulse-stats-answer", ".http");
        Files.write(answerFile, answer);
        Process ceiling = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "tools.StatsCeiling", answerFile.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Measured bound;
        Measured boundPaced;
        try {
            int port = Integer.parseInt(new BufferedReader(new InputStreamReader(ceiling.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine().trim());
            HttpLoad ceilingLoad = new HttpLoad("127.0.0.1", port, "/api/stats", "Bearer " + target.accessKey());
            bound = measure(closedLoop(ceilingLoad), ceiling.pid(), StatsCeiling.LOOP_THREAD);
            boundPaced = measure(openLoop(ceilingLoad), ceiling.pid(), StatsCeiling.LOOP_THREAD);
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

        String at = String.format(Locale.ROOT, "at %,d/s:", perSecond);
        String paced = "plain NIO server, same bytes, same offered rate";
        BenchTarget.figure("stats", at + " req/s", servicePaced.perSecond, boundPaced.perSecond, "req/s", false, paced);
        BenchTarget.figure("stats", at + " p50 from due", servicePaced.p50 / 1e6, boundPaced.p50 / 1e6, "ms", true,
                paced);
        BenchTarget.figure("stats", at + " p99 from due", servicePaced.p99 / 1e6, boundPaced.p99 / 1e6, "ms", true,
                paced);
        BenchTarget.figure("stats", at + " p99.9 from due", servicePaced.p999 / 1e6, boundPaced.p999 / 1e6, "ms", true,
                paced);
        BenchTarget.figure("stats", at + " server CPU per request", servicePaced.serverCpuMicros,
                boundPaced.serverCpuMicros, "us", true, paced);
        BenchTarget.figure("stats", at + " event-loop CPU per request", servicePaced.loopCpuMicros,
                boundPaced.loopCpuMicros, "us", true, paced);
        System.out.printf(Locale.ROOT, "bench stats: %s non-200 answers %d, unanswered %d (ceiling %d); sent after"
                + " due (waiting for a free connection or the pacer) p50 %.3f p99 %.3f ms (ceiling run %.3f, %.3f);"
                + " load generator CPU %.1f us per request (ceiling run %.1f)%n", at, servicePaced.notOk,
                servicePaced.unanswered, boundPaced.unanswered, servicePaced.sendLagP50 / 1e6,
                servicePaced.sendLagP99 / 1e6, boundPaced.sendLagP50 / 1e6, boundPaced.sendLagP99 / 1e6,
                servicePaced.clientCpuMicros, boundPaced.clientCpuMicros);
    }

    /**
     * serverCpuMicros: the whole process's (JIT and GC too); loopCpuMicros: its event-loop threads' only. The send lags
     * and unanswered are the open loop's (closed loop: 0).
     */
    private record Measured(double perSecond, long p50, long p99, long p999, double serverCpuMicros,
            double loopCpuMicros, double clientCpuMicros, long notOk, long sendLagP50, long sendLagP99,
            long unanswered) {
    }

    /** A closed- or open-loop run of the load for so many nanoseconds. */
    private interface LoadRun {
        HttpLoad.Paced run(long nanos) throws IOException, InterruptedException;
    }

    private LoadRun closedLoop(HttpLoad load) {
        return nanos -> new HttpLoad.Paced(load.run(connections, 0, nanos), new long[0], 0);
    }

    private LoadRun openLoop(HttpLoad load) {
        return nanos -> load.paced(connections, perSecond, nanos);
    }

    private Measured measure(LoadRun load, long serverPid, String loopThreads) throws IOException, InterruptedException {
        // the server's CPU is read around the measured part only: the warm-up runs first on its own
        load.run(WARMUP_NANOS);
        long cpuBefore = serverPid > 0 ? BenchTarget.cpuNanos(serverPid) : 0;
        long loopCpuBefore = serverPid > 0 ? BenchTarget.threadsCpuNanos(serverPid, loopThreads) : 0;
        HttpLoad.Paced run = load.run(measureNanos);
        HttpLoad.Result result = run.answers();
        double serverCpu = serverPid > 0 ? (BenchTarget.cpuNanos(serverPid) - cpuBefore) / 1e3 / result.answered()
                : Double.NaN;
        double loopCpu = serverPid > 0
                ? (BenchTarget.threadsCpuNanos(serverPid, loopThreads) - loopCpuBefore) / 1e3 / result.answered()
                : Double.NaN;
        long[] sorted = BenchTarget.sorted(result.latencies(), result.count());
        return new Measured(result.perSecond(), BenchTarget.percentile(sorted, 50), BenchTarget.percentile(sorted, 99),
                BenchTarget.percentile(sorted, 99.9), serverCpu, loopCpu,
                result.clientCpuNanos() / 1e3 / result.answered(), result.notOk(),
                BenchTarget.percentile(run.sendLags(), 50), BenchTarget.percentile(run.sendLags(), 99), run.unanswered());
    }
}
