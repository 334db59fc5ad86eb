package tools;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Part {@code fanout} of {@link Bench}: {@code --fanout-clients} (default 10,000) SSE clients on one query node, all
 * on one NIO thread of this process (cheap: a socket and a few dozen bytes of state each), then
 * {@code --fanout-warmup-events} (default 2, not counted: the first event after a JVM starts is delivered while the
 * JIT still compiles the write path, as the other parts' warm-ups leave out) and {@code --fanout-events} (default 5)
 * signed pushes posted to the ingest one after the other. For each measured one, the time
 * from the POST to its {@code activity} event at every client: p50/p99/max over all clients, against the ceiling of
 * the first client to get it (the pipeline itself, without the fan-out). And the query service's memory per client:
 * its heap (after a full GC, {@code jcmd GC.run}) and RSS before and after the clients connected. And the query
 * service's CPU per client delivery: its {@code /proc/PID/stat} time from each POST until every client had the event,
 * less what it spends idle with the clients connected (heartbeats; measured over {@link #IDLE_NANOS} after the
 * last event) for as long, divided by the clients.
 */
final class FanOutBench implements Bench.Part {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final int OPEN_PER_TICK = 250;
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final BenchTarget target;
    private final int clients;
    private final int warmupEvents;
    /** Warm-up events first, then the measured ones. */
    private final int events;
    private final long timeoutNanos;
    private final String marker = "perf: fanout " + HexFormat.of().toHexDigits(new Random().nextInt()).substring(2) + " e";
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    /** Set once the figures are taken: the clients are closed, so the parts after this one run without them. */
    private volatile boolean done;
    private long[][] arrivals;
    private AtomicInteger[] received;

    private FanOutBench(BenchTarget target, int clients, int warmupEvents, int measuredEvents, int timeoutSeconds) {
        this.target = target;
        this.clients = clients;
        this.warmupEvents = warmupEvents;
        this.events = warmupEvents + measuredEvents;
        this.timeoutNanos = TimeUnit.SECONDS.toNanos(timeoutSeconds);
    }

    static FanOutBench from(CommandLine line, BenchTarget target) {
        return new FanOutBench(target, line.number("fanout-clients", 10_000, 1, 30_000),
                line.number("fanout-warmup-events", 2, 0, 100), line.number("fanout-events", 5, 1, 100),
                line.number("fanout-timeout-seconds", 30, 1, 600));
    }

    @Override
    public void run() throws Exception {
        long pid = target.queryPid();
        if (pid < 0) {
            throw new IllegalStateException("no process listens on " + target.query());
        }
        arrivals = new long[events][clients];
        received = new AtomicInteger[events];
        for (int e = 0; e < events; e++) {
            received[e] = new AtomicInteger();
        }
        Memory before = Memory.of(pid);
        Thread reader = new Thread(this::readAll, "fanout-clients");
        reader.setDaemon(true);
        reader.start();
        long openDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (connected.get() + closed.get() < clients && System.nanoTime() < openDeadline) {
            Thread.sleep(200);
        }
        // let every stream settle (its first read of where the feed stands) before measuring memory
        Thread.sleep(3_000);
        Memory after = Memory.of(pid);
        int open = connected.get();
        System.out.printf(Locale.ROOT, "bench fanout: %d of %d clients connected (%d refused or closed)%n", open, clients,
                closed.get());

        HttpClient http = WebhookClient.httpClient().build();
        GitHubOrg org = GitHubOrg.of("acme-bench", 5, 4);
        WebhookClient webhooks = new WebhookClient(http, target.ingest(), target.requireSecret(), org.id());
        PipelineBenchmark.Pushes pushes = new PipelineBenchmark.Pushes(org);
        long[] postedAt = new long[events];
        long[] busyCpu = new long[events];
        long[] busyNanos = new long[events];
        for (int e = 0; e < events; e++) {
            byte[] body = pushes.push(String.format(Locale.ROOT, "%s%03d", marker, e), e);
            long cpuStart = BenchTarget.cpuNanos(pid);
            postedAt[e] = System.nanoTime();
            WebhookClient.Answer answer = webhooks.send(webhooks.request("push", UUID.randomUUID().toString(), body));
            if (answer.status() != 202) {
                System.out.println("bench fanout: event " + e + " was answered " + answer.status() + " " + answer.outcome());
            }
            long deadline = postedAt[e] + timeoutNanos;
            while (received[e].get() < open && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            busyCpu[e] = BenchTarget.cpuNanos(pid) - cpuStart;
            busyNanos[e] = System.nanoTime() - postedAt[e];
            Thread.sleep(1_000);
        }
        // idle after the events, not before: the clients of an earlier run may still be closing then
        long idleStart = System.nanoTime();
        long idleCpuStart = BenchTarget.cpuNanos(pid);
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(IDLE_NANOS));
        double idleCpuPerNano = (double) (BenchTarget.cpuNanos(pid) - idleCpuStart) / (System.nanoTime() - idleStart);
        double[] cpuPerDelivery = new double[events];
        for (int e = 0; e < events; e++) {
            cpuPerDelivery[e] = (busyCpu[e] - idleCpuPerNano * busyNanos[e]) / 1e3 / Math.max(1, received[e].get());
            System.out.printf(Locale.ROOT, "bench fanout: event %d%s: %d clients, query CPU %.1f us per client delivery"
                    + " (%.1f before the idle rate is taken off)%n", e, e < warmupEvents ? " (warm-up)" : "",
                    received[e].get(), cpuPerDelivery[e], busyCpu[e] / 1e3 / Math.max(1, received[e].get()));
        }
        done = true;
        reader.join(TimeUnit.SECONDS.toMillis(30));
        report(open, postedAt, before, after);
        double[] sortedCpu = Arrays.copyOfRange(cpuPerDelivery, warmupEvents, events);
        Arrays.sort(sortedCpu);
        System.out.printf(Locale.ROOT, "bench fanout: query CPU per client delivery: median over measured events %.1f us"
                + " (idle with the clients connected: %.1f ms of CPU per s)%n", sortedCpu[sortedCpu.length / 2],
                idleCpuPerNano * 1e3);
    }

    private void report(int open, long[] postedAt, Memory before, Memory after) {
        int measured = events - warmupEvents;
        long[] delays = new long[measured * clients];
        long[] firsts = new long[measured];
        int n = 0;
        int missing = 0;
        for (int e = warmupEvents; e < events; e++) {
            long first = Long.MAX_VALUE;
            for (int c = 0; c < clients; c++) {
                if (arrivals[e][c] != 0) {
                    delays[n++] = arrivals[e][c] - postedAt[e];
                    first = Math.min(first, arrivals[e][c] - postedAt[e]);
                }
            }
            missing += open - received[e].get();
            firsts[e - warmupEvents] = first == Long.MAX_VALUE ? 0 : first;
        }
        long[] sorted = BenchTarget.sorted(delays, n);
        long[] sortedFirsts = BenchTarget.sorted(firsts, measured);
        double ceiling = BenchTarget.percentile(sortedFirsts, 50) / 1e6;
        String is = "p50 over events of the first client to get it (the pipeline without the fan-out)";
        System.out.printf(Locale.ROOT, "bench fanout: %d events x %d clients (after %d warm-up events): %d deliveries,"
                + " %d missing (within %d s)%n", measured, open, warmupEvents, n, missing,
                TimeUnit.NANOSECONDS.toSeconds(timeoutNanos));
        BenchTarget.figure("fanout", "POST -> all clients p50", BenchTarget.percentile(sorted, 50) / 1e6, ceiling, "ms",
                true, is);
        BenchTarget.figure("fanout", "POST -> all clients p99", BenchTarget.percentile(sorted, 99) / 1e6, ceiling, "ms",
                true, is);
        BenchTarget.figure("fanout", "POST -> all clients max", BenchTarget.percentile(sorted, 100) / 1e6, ceiling, "ms",
                true, is);
        double clientsOpen = Math.max(1, open);
        System.out.printf(Locale.ROOT, "bench fanout: memory per client: heap %.1f KB (after full GCs: %d -> %d MB),"
                + " RSS %.1f KB (%d -> %d MB)%n", (after.heapBytes - before.heapBytes) / 1024.0 / clientsOpen,
                before.heapBytes >> 20, after.heapBytes >> 20, (after.rssBytes - before.rssBytes) / 1024.0 / clientsOpen,
                before.rssBytes >> 20, after.rssBytes >> 20);
    }

    /** The query service's heap in use after a full GC, and its resident memory. */
    private record Memory(long heapBytes, long rssBytes) {

        static Memory of(long pid) throws IOException, InterruptedException {
            jcmd(pid, "GC.run");
            Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
            return new Memory(used.find() ? Long.parseLong(used.group(1)) * 1024 : -1, BenchTarget.rssBytes(pid));
        }

        private static String jcmd(long pid, String command) throws IOException, InterruptedException {
            Process jcmd = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), command).redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor();
            return out;
        }
    }

    /** One client: its socket, whether its stream has answered 200, the end of what it last read. */
    private static final class Client {
        private final int index;
        private boolean streaming;
        private String tail = "";

        Client(int index) {
            this.index = index;
        }
    }

    /** Opens the clients a batch per tick (the server's accept backlog is finite) and reads every stream. */
    private void readAll() {
        byte[] request = ("GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1:" + target.query().getPort()
                + "\r\nAuthorization: Bearer " + target.accessKey() + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", target.query().getPort());
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        int opened = 0;
        try (Selector selector = Selector.open()) {
            while (!done) {
                for (int i = 0; i < OPEN_PER_TICK && opened < clients; i++, opened++) {
                    SocketChannel channel = SocketChannel.open();
                    channel.configureBlocking(false);
                    channel.connect(server);
                    channel.register(selector, SelectionKey.OP_CONNECT, new Client(opened));
                }
                selector.select(50);
                long now = System.nanoTime();
                for (SelectionKey key : selector.selectedKeys()) {
                    Client client = (Client) key.attachment();
                    SocketChannel channel = (SocketChannel) key.channel();
                    try {
                        if (key.isConnectable()) {
                            channel.finishConnect();
                            channel.write(ByteBuffer.wrap(request));
                            key.interestOps(SelectionKey.OP_READ);
                            continue;
                        }
                        in.clear();
                        if (channel.read(in) < 0) {
                            throw new IOException("closed by the server");
                        }
                        read(client, new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1), now);
                    } catch (IOException e) {
                        key.cancel();
                        channel.close();
                        closed.incrementAndGet();
                        if (client.streaming) {
                            connected.decrementAndGet();
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
        } catch (IOException e) {
            System.err.println("bench fanout: " + e);
        }
    }

    private void read(Client client, String chunk, long now) throws IOException {
        String text = client.tail + chunk;
        if (!client.streaming) {
            if (!text.startsWith("HTTP/1.1 200")) {
                throw new IOException("the stream answered " + text.lines().findFirst().orElse(""));
            }
            client.streaming = true;
            connected.incrementAndGet();
        }
        for (int at = text.indexOf(marker); at >= 0 && at + marker.length() + 3 <= text.length();
                at = text.indexOf(marker, at + 1)) {
            int event = Integer.parseInt(text.substring(at + marker.length(), at + marker.length() + 3));
            if (event < events && arrivals[event][client.index] == 0) {
                arrivals[event][client.index] = now;
                received[event].incrementAndGet();
            }
        }
        // a marker may be cut between two reads
        client.tail = text.substring(Math.max(0, text.length() - marker.length() - 3));
    }
}
