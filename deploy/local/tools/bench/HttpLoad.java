package tools;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A closed-loop HTTP/1.1 load generator on one thread: {@code connections} keep-alive connections, each sending
 * the next request as soon as the previous answer is complete (no pipelining): the same GET, or requests made one by
 * one (signed deliveries, each with its own id). Written against NIO so that it spends little of the CPU it shares
 * with the server it measures: no per-request allocation beyond the latency record and what the requests need.
 */
final class HttpLoad {

    /** What a run did: answers by status class, and each 2xx's latency in nanoseconds (first {@code count}). */
    record Result(long answered, long notOk, long[] latencies, int count, long elapsedNanos, long clientCpuNanos) {

        double perSecond() {
            return answered * 1e9 / elapsedNanos;
        }
    }

    private static final int MAX_LATENCIES = 4_000_000;

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
            for (int i = 0; i < connections; i++) {
                SocketChannel channel = SocketChannel.open(server);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(false);
                Connection connection = new Connection(channel);
                channel.register(selector, SelectionKey.OP_READ, connection);
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
                    if (connection.channel.read(connection.in) < 0) {
                        throw new IOException("the server closed a keep-alive connection");
                    }
                    int length = connection.complete();
                    if (length < 0) {
                        continue;
                    }
                    if (now >= measureFrom) {
                        answered++;
                        if (connection.status() / 100 != 2) {
                            notOk++;
                        } else if (count < latencies.length) {
                            latencies[count++] = now - connection.sentAt;
                        }
                    }
                    connection.consume(length);
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

    private static long threadCpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** One connection's input, parsed just enough to find where an answer ends (Content-Length framing). */
    private static final class Connection {
        private final SocketChannel channel;
        private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        private long sentAt;

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
