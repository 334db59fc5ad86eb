package tools;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * An HTTP/1.1 load generator on {@code connections} keep-alive connections, one request outstanding on each (no
 * pipelining): the same GET, or requests made one by one (signed deliveries, each with its own id). Closed loop
 * ({@link #run}, one thread: each connection sends the next request as soon as the previous answer is complete) or
 * open loop ({@link #paced}, at a fixed offered rate). Written against NIO so that it spends little of the CPU it
 * shares with the server it measures: no per-request allocation beyond the latency record and what the requests need.
 */
final class HttpLoad {

    /** What a run did: answers by status class, and each 2xx's latency in nanoseconds (first {@code count}). */
    record Result(long answered, long notOk, long[] latencies, int count, long elapsedNanos, long clientCpuNanos) {

        double perSecond() {
            return answered * 1e9 / elapsedNanos;
        }
    }

    /**
     * What an open-loop run did: {@code answers} holds each 2xx's latency from when its request was due, and
     * {@code sendLags} (sorted, one per request sent) how long after that it went out, waiting for a free connection or
     * for the pacer to wake: the part of the latency spent on this side. {@code unanswered}: due within the run, not
     * answered by its end plus {@link #DRAIN_NANOS}.
     */
    record Paced(Result answers, long[] sendLags, long unanswered) {
    }

    private static final int MAX_LATENCIES = 4_000_000;

    /** How long an open-loop run waits, after its last request was due, for the answers still outstanding. */
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final InetSocketAddress server;
    private final Supplier<byte[]> requests;

    HttpLoad(String host, int port, String path, String authorization) {
        this.server = new InetSocketAddress(host, port);
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Accept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        this.requests = () -> request;
    }

    /** @param requests each call makes the next request, whole (request line, headers, body) */
    HttpLoad(String host, int port, Supplier<byte[]> requests) {
        this.server = new InetSocketAddress(host, port);
        this.requests = requests;
    }

    /** One request on a fresh connection; the raw answer, headers and body, as the server sent it. */
    byte[] once() throws IOException {
        try (SocketChannel channel = SocketChannel.open(server)) {
            channel.write(ByteBuffer.wrap(requests.get()));
            Connection connection = new Connection(channel);
            while (connection.complete() < 0) {
                if (channel.read(connection.in) < 0) {
                    throw new IOException("the server closed the connection before it answered");
                }
            }
            byte[] answer = new byte[connection.complete()];
            connection.in.flip();
            connection.in.get(answer);
            return answer;
        }
    }

    /** Runs for warm-up then measured time; only the measured part counts. */
    Result run(int connections, long warmupNanos, long measureNanos) throws IOException {
        long[] latencies = new long[MAX_LATENCIES];
        int count = 0;
        long answered = 0;
        long notOk = 0;
        try (Selector selector = Selector.open()) {
            for (Connection connection : open(selector, connections)) {
                connection.send(requests.get());
            }
            long start = System.nanoTime();
            long measureFrom = start + warmupNanos;
            long end = measureFrom + measureNanos;
            long cpuAtMeasure = -1;
            long now = start;
            while (now < end) {
                selector.select(100);
                now = System.nanoTime();
                if (cpuAtMeasure < 0 && now >= measureFrom) {
                    cpuAtMeasure = threadCpu();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection connection = (Connection) key.attachment();
                    int status = connection.readAnswer();
                    if (status < 0) {
                        continue;
                    }
                    if (now >= measureFrom) {
                        answered++;
                        if (status / 100 != 2) {
                            notOk++;
                        } else if (count < latencies.length) {
                            latencies[count++] = now - connection.sentAt;
                        }
                    }
                    connection.send(requests.get());
                }
                selector.selectedKeys().clear();
            }
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            return new Result(answered, notOk, latencies, count, end - measureFrom, threadCpu() - cpuAtMeasure);
        }
    }

    /**
     * Open loop for {@code nanos}: requests due at {@code perSecond} by a {@link Schedule}, each sent on a connection
     * with no request outstanding, or, when none is free, as soon as one is; its latency counts from when it was due.
     * A pacing thread sends, this one reads, so an answer is timed when the selector wakes for it (the pacer sleeps in
     * {@link LockSupport#parkNanos}, some tens of microseconds late: that lateness is counted, and shown apart as the
     * send lag).
     */
    Paced paced(int connections, double perSecond, long nanos) throws IOException, InterruptedException {
        long[] latencies = new long[MAX_LATENCIES];
        long[] sendLags = new long[MAX_LATENCIES];
        int[] sent = new int[1];
        long[] pacerCpu = new long[1];
        int count = 0;
        long answered = 0;
        long notOk = 0;
        BlockingQueue<Connection> free = new ArrayBlockingQueue<>(connections);
        try (Selector selector = Selector.open()) {
            free.addAll(open(selector, connections));
            long cpuBefore = threadCpu();
            long start = System.nanoTime();
            long end = start + nanos;
            Schedule schedule = new Schedule(start, perSecond);
            Thread pacer = new Thread(() -> {
                long cpuAtStart = threadCpu();
                try {
                    for (long due = schedule.nextDueAt(); due < end; due = schedule.nextDueAt()) {
                        long early = due - System.nanoTime();
                        if (early > 0) {
                            LockSupport.parkNanos(early);
                            continue;
                        }
                        Connection connection = free.poll(DRAIN_NANOS, TimeUnit.NANOSECONDS);
                        if (connection == null) {
                            break;
                        }
                        connection.dueAt = schedule.take();
                        connection.send(requests.get());
                        if (sent[0] < sendLags.length) {
                            sendLags[sent[0]++] = connection.sentAt - connection.dueAt;
                        }
                    }
                } catch (IOException e) {
                    System.err.println("bench: the pacer stopped: " + e);
                } catch (InterruptedException readerDone) {
                    // the reader stopped waiting: what was not sent counts as unanswered
                } finally {
                    pacerCpu[0] = threadCpu() - cpuAtStart;
                }
            }, "bench-pacer");
            pacer.start();
            long now = start;
            // until every request due within the run was sent and answered, or the drain time is over
            while (now < end + DRAIN_NANOS && (pacer.isAlive() || free.size() < connections)) {
                selector.select(100);
                now = System.nanoTime();
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection connection = (Connection) key.attachment();
                    int status = connection.readAnswer();
                    if (status < 0) {
                        continue;
                    }
                    answered++;
                    if (status / 100 != 2) {
                        notOk++;
                    } else if (count < latencies.length) {
                        latencies[count++] = now - connection.dueAt;
                    }
                    free.add(connection);
                }
                selector.selectedKeys().clear();
            }
            pacer.interrupt();
            pacer.join();
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            Result answers = new Result(answered, notOk, latencies, count, nanos,
                    threadCpu() - cpuBefore + pacerCpu[0]);
            return new Paced(answers, BenchTarget.sorted(sendLags, sent[0]), schedule.dueBefore(end) - answered);
        }
    }

    /** Opens {@code count} keep-alive connections, non-blocking, each registered with the selector to read. */
    private List<Connection> open(Selector selector, int count) throws IOException {
        List<Connection> opened = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SocketChannel channel = SocketChannel.open(server);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            Connection connection = new Connection(channel);
            channel.register(selector, SelectionKey.OP_READ, connection);
            opened.add(connection);
        }
        return opened;
    }

    private static long threadCpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** One connection's input, parsed just enough to find where an answer ends (Content-Length framing). */
    private static final class Connection {
        private final SocketChannel channel;
        private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        /** Written by the thread that sends, read by the one that reads the answer (open loop: two threads). */
        private volatile long sentAt;
        /** Open loop: when the request outstanding was due (by then it counts as waiting). */
        private volatile long dueAt;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void send(byte[] request) throws IOException {
            sentAt = System.nanoTime();
            ByteBuffer out = ByteBuffer.wrap(request);
            while (out.hasRemaining()) {
                channel.write(out);
            }
        }

        /** Reads what arrived; once an answer is complete, takes it out of the buffer and returns its status, else -1. */
        int readAnswer() throws IOException {
            if (channel.read(in) < 0) {
                throw new IOException("the server closed a keep-alive connection");
            }
            int length = complete();
            if (length < 0) {
                return -1;
            }
            int status = status();
            consume(length);
            return status;
        }

        /** The length of the first complete answer in the buffer, or -1. */
        int complete() {
            int headerEnd = -1;
            for (int i = 3; i < in.position(); i++) {
                if (in.get(i) == '\n' && in.get(i - 1) == '\r' && in.get(i - 2) == '\n' && in.get(i - 3) == '\r') {
                    headerEnd = i + 1;
                    break;
                }
            }
            if (headerEnd < 0) {
                return -1;
            }
            int total = headerEnd + contentLength(headerEnd);
            return in.position() >= total ? total : -1;
        }

        private static final byte[] CONTENT_LENGTH = "\ncontent-length:".getBytes(StandardCharsets.US_ASCII);

        private int contentLength(int headerEnd) {
            byte[] bytes = in.array();
            for (int i = 0; i + CONTENT_LENGTH.length < headerEnd; i++) {
                int matched = 0;
                while (matched < CONTENT_LENGTH.length && Character.toLowerCase(bytes[i + matched]) == CONTENT_LENGTH[matched]) {
                    matched++;
                }
                if (matched == CONTENT_LENGTH.length) {
                    int length = 0;
                    for (int j = i + matched; j < headerEnd && bytes[j] != '\r'; j++) {
                        if (bytes[j] >= '0' && bytes[j] <= '9') {
                            length = length * 10 + bytes[j] - '0';
                        }
                    }
                    return length;
                }
            }
            return 0;
        }

        int status() {
            // "HTTP/1.1 200 "
            return (in.get(9) - '0') * 100 + (in.get(10) - '0') * 10 + (in.get(11) - '0');
        }

        void consume(int length) {
            in.flip();
            in.position(length);
            in.compact();
        }
    }
}
